package io.selfheal.emulator.services.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.CloudTrailException;
import software.amazon.awssdk.services.cloudtrail.model.InsufficientS3BucketPolicyException;
import software.amazon.awssdk.services.cloudtrail.model.InvalidTrailNameException;
import software.amazon.awssdk.services.cloudtrail.model.S3BucketDoesNotExistException;
import software.amazon.awssdk.services.cloudtrail.model.Trail;
import software.amazon.awssdk.services.cloudtrail.model.TrailAlreadyExistsException;
import software.amazon.awssdk.services.cloudtrail.model.TrailNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Trails through the SDK v2, their bucket asked of S3 over the bus: CreateTrail refuses a missing bucket and a bucket
 * whose policy does not let cloudtrail.amazonaws.com GetBucketAcl and PutObject
 * (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_CreateTrail.html,
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html).
 */
class CloudTrailTrailsTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime().resetBeforeEach();

    static final String TRAIL_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Sid\":\"AWSCloudTrailAclCheck\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"cloudtrail.amazonaws.com\"},"
            + "\"Action\":\"s3:GetBucketAcl\",\"Resource\":\"arn:aws:s3:::trail-logs\"},"
            + "{\"Sid\":\"AWSCloudTrailWrite\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"cloudtrail.amazonaws.com\"},"
            + "\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::trail-logs/AWSLogs/123456789012/*\","
            + "\"Condition\":{\"StringEquals\":{\"s3:x-amz-acl\":\"bucket-owner-full-control\"}}}]}";

    @Test
    void createStartStopDescribeAndDeleteATrail(CloudTrailClient cloudtrail, S3Client s3) {
        s3.createBucket(b -> b.bucket("trail-logs"));
        s3.putBucketPolicy(b -> b.bucket("trail-logs").policy(TRAIL_POLICY));

        var created = cloudtrail.createTrail(b -> b.name("management").s3BucketName("trail-logs"));
        assertThat(created.trailARN()).isEqualTo("arn:aws:cloudtrail:us-east-1:123456789012:trail/management");
        assertThat(created.includeGlobalServiceEvents()).isTrue();
        assertThat(created.isMultiRegionTrail()).isFalse();
        assertThat(cloudtrail.getTrailStatus(b -> b.name("management")).isLogging()).isFalse();

        cloudtrail.startLogging(b -> b.name("management"));
        var status = cloudtrail.getTrailStatus(b -> b.name(created.trailARN()));
        assertThat(status.isLogging()).isTrue();
        assertThat(status.startLoggingTime()).isNotNull();
        cloudtrail.stopLogging(b -> b.name("management"));
        assertThat(cloudtrail.getTrailStatus(b -> b.name("management")).stopLoggingTime()).isNotNull();
        assertThat(cloudtrail.getTrailStatus(b -> b.name("management")).isLogging()).isFalse();

        assertThat(cloudtrail.describeTrails().trailList()).extracting(Trail::name, Trail::s3BucketName,
                Trail::homeRegion).containsExactly(org.assertj.core.groups.Tuple.tuple("management", "trail-logs",
                "us-east-1"));
        assertThat(cloudtrail.getTrail(b -> b.name("management")).trail().trailARN()).isEqualTo(created.trailARN());
        assertThat(cloudtrail.listTrails(b -> { }).trails()).singleElement()
                .satisfies(t -> assertThat(t.trailARN()).isEqualTo(created.trailARN()));
        assertThatThrownBy(() -> cloudtrail.createTrail(b -> b.name("management").s3BucketName("trail-logs")))
                .isInstanceOf(TrailAlreadyExistsException.class);

        cloudtrail.deleteTrail(b -> b.name("management"));
        assertThat(cloudtrail.describeTrails().trailList()).isEmpty();
        assertThatThrownBy(() -> cloudtrail.getTrailStatus(b -> b.name("management")))
                .isInstanceOfSatisfying(TrailNotFoundException.class, e -> assertThat(e.getMessage())
                        .contains("Unknown trail: arn:aws:cloudtrail:us-east-1:123456789012:trail/management"));
    }

    @Test
    void theBucketMustExistAndLetCloudTrailWrite(CloudTrailClient cloudtrail, S3Client s3) {
        assertThatThrownBy(() -> cloudtrail.createTrail(b -> b.name("trail-one").s3BucketName("trail-logs")))
                .isInstanceOfSatisfying(S3BucketDoesNotExistException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
        s3.createBucket(b -> b.bucket("trail-logs"));
        assertThatThrownBy(() -> cloudtrail.createTrail(b -> b.name("trail-one").s3BucketName("trail-logs")))
                .isInstanceOf(InsufficientS3BucketPolicyException.class);
        s3.putBucketPolicy(b -> b.bucket("trail-logs").policy(TRAIL_POLICY.replace("s3:GetBucketAcl",
                "s3:GetBucketLocation")));
        assertThatThrownBy(() -> cloudtrail.createTrail(b -> b.name("trail-one").s3BucketName("trail-logs")))
                .isInstanceOf(InsufficientS3BucketPolicyException.class);
        s3.putBucketPolicy(b -> b.bucket("trail-logs").policy(TRAIL_POLICY));
        cloudtrail.createTrail(b -> b.name("trail-one").s3BucketName("trail-logs"));
        assertThat(cloudtrail.describeTrails().trailList()).hasSize(1);
    }

    @Test
    void trailNamesFollowAwsRules(CloudTrailClient cloudtrail) {
        for (String name : new String[] {"ab", "-start", "end-", "my-_trail", "my--trail", "has space",
                "192.168.0.1"}) {
            assertThatThrownBy(() -> cloudtrail.createTrail(b -> b.name(name).s3BucketName("any"))).as(name)
                    .isInstanceOf(InvalidTrailNameException.class);
        }
        assertThatThrownBy(() -> cloudtrail.startLogging(b -> b.name("nope")))
                .isInstanceOfSatisfying(CloudTrailException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TrailNotFoundException"));
    }
}
