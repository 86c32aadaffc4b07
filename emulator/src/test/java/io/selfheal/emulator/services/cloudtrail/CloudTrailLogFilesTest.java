package io.selfheal.emulator.services.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.core.Json;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A logging trail writes its records to its bucket as AWS does, through the SDK v2 on the virtual clock: gzipped
 * {@code {"Records":[…]}} files about every 5 minutes
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/get-and-view-cloudtrail-log-files.html), named
 * {@code AccountID_CloudTrail_RegionName_YYYYMMDDTHHmmZ_UniqueString.json.gz}
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html) under
 * {@code prefix/AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/}
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-find-log-files.html); only what happened
 * while the trail was logging; GetTrailStatus's delivery fields
 * (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_GetTrailStatus.html).
 */
class CloudTrailLogFilesTest {
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final String POLICY = CloudTrailTrailsTest.TRAIL_POLICY.replace("trail-logs/AWSLogs",
            "trail-logs/audit/AWSLogs");

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.virtualTime(START).perTest();

    @Test
    void aLoggingTrailWritesGzippedRecordFilesEveryFiveMinutes(CloudTrailClient cloudtrail, S3Client s3,
                                                               Ec2Client ec2) throws Exception {
        s3.createBucket(b -> b.bucket("trail-logs"));
        s3.putBucketPolicy(b -> b.bucket("trail-logs").policy(POLICY));
        cloudtrail.createTrail(b -> b.name("audit").s3BucketName("trail-logs").s3KeyPrefix("audit"));
        ec2.createSecurityGroup(b -> b.groupName("before-logging").description("not logged"));
        AWS.advance(Duration.ofMinutes(10));
        assertThat(files(s3)).isEmpty();

        cloudtrail.startLogging(b -> b.name("audit"));
        ec2.createSecurityGroup(b -> b.groupName("while-logging").description("logged"));
        AWS.advance(Duration.ofMinutes(4));
        assertThat(files(s3)).isEmpty();
        AWS.advance(Duration.ofMinutes(1));

        List<S3Object> files = files(s3);
        assertThat(files).singleElement().satisfies(f -> assertThat(f.key()).matches(
                "audit/AWSLogs/123456789012/CloudTrail/us-east-1/2026/03/01/"
                        + "123456789012_CloudTrail_us-east-1_20260301T1015Z_[A-Za-z0-9]{16}\\.json\\.gz"));
        JsonNode records = records(s3, files.get(0).key());
        assertThat(names(records)).contains("StartLogging", "CreateSecurityGroup").doesNotContain("CreateTrail");
        assertThat(records.findValuesAsText("groupName")).containsExactly("while-logging");
        assertThat(records.get(0).path("eventVersion").asText()).isEqualTo("1.08");
        assertThat(records.get(0).path("recipientAccountId").asText()).isEqualTo("123456789012");

        var status = cloudtrail.getTrailStatus(b -> b.name("audit"));
        assertThat(status.latestDeliveryTime()).isEqualTo(Instant.parse("2026-03-01T10:15:00Z"));
        assertThat(status.latestDeliveryAttemptTime()).isEqualTo("2026-03-01T10:15:00Z");
        assertThat(status.latestDeliveryError()).isNull();

        // Read-only management calls are logged too; S3 object calls are data events, which the trail does not log.
        AWS.advance(Duration.ofMinutes(5));
        assertThat(files(s3)).hasSize(2);
        assertThat(names(records(s3, files(s3).get(1).key()))).containsExactly("GetTrailStatus");
        // Nothing happened: no empty file.
        AWS.advance(Duration.ofMinutes(5));
        assertThat(files(s3)).hasSize(2);

        cloudtrail.stopLogging(b -> b.name("audit"));
        ec2.createSecurityGroup(b -> b.groupName("after-logging").description("not logged"));
        AWS.advance(Duration.ofMinutes(15));
        assertThat(files(s3)).hasSize(2);
    }

    /** A bucket policy that no longer lets CloudTrail put: the delivery fails, and the records go with the next. */
    @Test
    void aRefusedDeliveryIsReportedAndRetried(CloudTrailClient cloudtrail, S3Client s3, Ec2Client ec2)
            throws Exception {
        s3.createBucket(b -> b.bucket("trail-logs"));
        s3.putBucketPolicy(b -> b.bucket("trail-logs").policy(POLICY));
        cloudtrail.createTrail(b -> b.name("audit").s3BucketName("trail-logs").s3KeyPrefix("audit"));
        cloudtrail.startLogging(b -> b.name("audit"));
        s3.deleteBucketPolicy(b -> b.bucket("trail-logs"));
        ec2.createSecurityGroup(b -> b.groupName("held-back").description("logged"));
        AWS.advance(Duration.ofMinutes(5));

        assertThat(files(s3)).isEmpty();
        var failed = cloudtrail.getTrailStatus(b -> b.name("audit"));
        assertThat(failed.latestDeliveryError()).isEqualTo("AccessDenied");
        assertThat(failed.latestDeliveryAttemptTime()).isEqualTo("2026-03-01T10:05:00Z");
        assertThat(failed.latestDeliveryTime()).isNull();

        s3.putBucketPolicy(b -> b.bucket("trail-logs").policy(POLICY));
        AWS.advance(Duration.ofMinutes(5));
        List<S3Object> files = files(s3);
        assertThat(files).hasSize(1);
        assertThat(records(s3, files.get(0).key()).findValuesAsText("groupName")).containsExactly("held-back");
        assertThat(cloudtrail.getTrailStatus(b -> b.name("audit")).latestDeliveryError()).isNull();
    }

    private static List<S3Object> files(S3Client s3) {
        return s3.listObjectsV2(b -> b.bucket("trail-logs").prefix("audit/AWSLogs/")).contents();
    }

    private static JsonNode records(S3Client s3, String key) throws Exception {
        byte[] gz = s3.getObjectAsBytes(b -> b.bucket("trail-logs").key(key)).asByteArray();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            JsonNode file = Json.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(file.fieldNames()).toIterable().containsExactly("Records");
            return file.get("Records");
        }
    }

    private static List<String> names(JsonNode records) {
        List<String> out = new ArrayList<>();
        records.forEach(r -> out.add(r.path("eventName").asText()));
        return out;
    }
}
