package io.selfheal.emulator.services.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.TestClients;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Buckets through the SDK v2 S3 client with its default settings against the emulator's IP endpoint (the SDK's
 * endpoint rules choose path-style for an IP host). Rules and errors from
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html,
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html and
 * https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html.
 */
class S3BucketsTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime().resetBeforeEach();

    private static S3Client in(Region region) {
        return TestClients.of(S3Client.builder(), AWS.emulator(), region);
    }

    @Test
    void createHeadListLocateAndDeleteABucket(S3Client s3) {
        s3.createBucket(b -> b.bucket("evidence-bucket"));

        assertThat(s3.headBucket(b -> b.bucket("evidence-bucket")).sdkHttpResponse().firstMatchingHeader(
                "x-amz-bucket-region")).contains("us-east-1");
        assertThat(s3.listBuckets().buckets()).extracting(Bucket::name).containsExactly("evidence-bucket");
        assertThat(s3.listBuckets().buckets().get(0).creationDate()).isNotNull();
        // us-east-1 answers an empty LocationConstraint.
        assertThat(s3.getBucketLocation(b -> b.bucket("evidence-bucket")).locationConstraintAsString()).isEmpty();

        s3.deleteBucket(b -> b.bucket("evidence-bucket"));
        assertThat(s3.listBuckets().buckets()).isEmpty();
        assertThatThrownBy(() -> s3.headBucket(b -> b.bucket("evidence-bucket")))
                .isInstanceOf(NoSuchBucketException.class);
        assertThatThrownBy(() -> s3.deleteBucket(b -> b.bucket("evidence-bucket")))
                .isInstanceOfSatisfying(NoSuchBucketException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket"));
    }

    @Test
    void outsideUsEast1TheLocationConstraintMustNameTheRequestRegion() {
        S3Client ireland = in(Region.EU_WEST_1);
        ireland.createBucket(b -> b.bucket("trail-logs-eu").createBucketConfiguration(
                c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1)));
        assertThat(ireland.getBucketLocation(b -> b.bucket("trail-logs-eu")).locationConstraintAsString())
                .isEqualTo("eu-west-1");

        // The SDK fills in the client's region when no constraint is given (the CLI does not: CliS3Test).
        ireland.createBucket(b -> b.bucket("sdk-adds-constraint"));
        assertThat(ireland.getBucketLocation(b -> b.bucket("sdk-adds-constraint")).locationConstraintAsString())
                .isEqualTo("eu-west-1");
        assertThatThrownBy(() -> ireland.createBucket(b -> b.bucket("oregon-constraint").createBucketConfiguration(
                c -> c.locationConstraint(BucketLocationConstraint.US_WEST_2))))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("IllegalLocationConstraintException");
                });
        S3Client virginia = in(Region.US_EAST_1);
        assertThatThrownBy(() -> virginia.createBucket(b -> b.bucket("elsewhere").createBucketConfiguration(
                c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("IllegalLocationConstraintException"));
        assertThatThrownBy(() -> virginia.createBucket(b -> b.bucket("explicit-virginia")
                .createBucketConfiguration(c -> c.locationConstraint("us-east-1"))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("InvalidLocationConstraint"));
        assertThat(virginia.listBuckets().buckets()).extracting(Bucket::name)
                .containsExactly("sdk-adds-constraint", "trail-logs-eu");
    }

    @Test
    void bucketNamesAreOnePerPartition(S3Client s3) {
        s3.createBucket(b -> b.bucket("shared-name"));
        // us-east-1 answers 200 to its owner creating it again; other regions say BucketAlreadyOwnedByYou.
        s3.createBucket(b -> b.bucket("shared-name"));
        assertThatThrownBy(() -> in(Region.EU_WEST_1).createBucket(b -> b.bucket("shared-name")
                .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1))))
                .isInstanceOfSatisfying(BucketAlreadyOwnedByYouException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(409));
        S3Client otherAccount = TestClients.of(S3Client.builder(), AWS.emulator().endpoint(), "111122223333");
        assertThatThrownBy(() -> otherAccount.createBucket(b -> b.bucket("shared-name")))
                .isInstanceOfSatisfying(BucketAlreadyExistsException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(409));
        assertThat(otherAccount.listBuckets().buckets()).isEmpty();
        assertThatThrownBy(() -> otherAccount.headBucket(b -> b.bucket("shared-name")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    }

    @Test
    void invalidNamesAreRefused(S3Client s3) {
        // Names the SDK itself lets through (it refuses some, e.g. too short, before sending).
        for (String name : List.of("xn--punycode", "ends-s3alias", "sthree-x",
                "amzn-s3-demo-x")) {
            assertThatThrownBy(() -> s3.createBucket(b -> b.bucket(name))).as(name)
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidBucketName");
                    });
        }
        s3.createBucket(b -> b.bucket("a-valid-name-3"));
    }

    @Test
    void aBucketWithObjectsCannotBeDeleted(S3Client s3) {
        s3.createBucket(b -> b.bucket("full"));
        s3.putObject(b -> b.bucket("full").key("k"), RequestBody.fromString("x"));
        assertThatThrownBy(() -> s3.deleteBucket(b -> b.bucket("full")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty");
                });
        s3.deleteObject(b -> b.bucket("full").key("k"));
        s3.deleteBucket(b -> b.bucket("full"));
    }

    /** https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketPolicy.html */
    @Test
    void bucketPoliciesAreValidatedStoredAndDeleted(S3Client s3) {
        s3.createBucket(b -> b.bucket("trail-bucket"));
        assertThatThrownBy(() -> s3.getBucketPolicy(b -> b.bucket("trail-bucket")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucketPolicy");
                });
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AWSCloudTrailWrite\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"cloudtrail.amazonaws.com\"},\"Action\":\"s3:PutObject\","
                + "\"Resource\":\"arn:aws:s3:::trail-bucket/AWSLogs/123456789012/*\"}]}";
        s3.putBucketPolicy(b -> b.bucket("trail-bucket").policy(policy));
        assertThat(s3.getBucketPolicy(b -> b.bucket("trail-bucket")).policy()).isEqualTo(policy);

        for (String bad : List.of("not json", "{\"Statement\":[]}",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::trail-bucket/*\"}]}",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
                        + "\"Resource\":\"arn:aws:s3:::another-bucket/*\"}]}",
                "{\"Statement\":[{\"Effect\":\"Maybe\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
                        + "\"Resource\":\"arn:aws:s3:::trail-bucket/*\"}]}")) {
            assertThatThrownBy(() -> s3.putBucketPolicy(b -> b.bucket("trail-bucket").policy(bad))).as(bad)
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicy");
                    });
        }
        s3.deleteBucketPolicy(b -> b.bucket("trail-bucket"));
        assertThatThrownBy(() -> s3.getBucketPolicy(b -> b.bucket("trail-bucket")))
                .isInstanceOf(S3Exception.class);
    }

    /** https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketTagging.html */
    @Test
    void bucketTagsReplaceAsASet(S3Client s3) {
        s3.createBucket(b -> b.bucket("tagged"));
        assertThatThrownBy(() -> s3.getBucketTagging(b -> b.bucket("tagged")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("NoSuchTagSet"));
        s3.putBucketTagging(b -> b.bucket("tagged").tagging(t -> t.tagSet(
                Tag.builder().key("owner").value("sec").build(), Tag.builder().key("env").value("prod").build())));
        assertThat(s3.getBucketTagging(b -> b.bucket("tagged")).tagSet())
                .extracting(Tag::key, Tag::value).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("owner", "sec"),
                        org.assertj.core.groups.Tuple.tuple("env", "prod"));
        s3.deleteBucketTagging(b -> b.bucket("tagged"));
        assertThatThrownBy(() -> s3.getBucketTagging(b -> b.bucket("tagged"))).isInstanceOf(S3Exception.class);
    }
}
