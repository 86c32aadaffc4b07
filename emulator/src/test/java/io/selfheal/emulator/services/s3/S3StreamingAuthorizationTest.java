package io.selfheal.emulator.services.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.TestClients;
import io.selfheal.emulator.core.ApiCall;
import io.selfheal.emulator.core.authz.IamMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A streamed upload takes the front door's path like any call: IAM decides before the body is read (a denied
 * upload leaves nothing), the call log records it with the caller and the request id the client saw, and the answer
 * carries the emulator's {@code Date}. Through the SDK v2 as an IAM user.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html
 */
class S3StreamingAuthorizationTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime().configure(b -> b.iamMode(IamMode.ENFORCE));

    @Test
    void aStreamedUploadIsAuthorizedRecordedAndDatedAsAnyCall() {
        AWS.client(S3Client.class).createBucket(b -> b.bucket("vault"));
        IamClient iam = AWS.client(IamClient.class);
        iam.createUser(b -> b.userName("uploader"));
        iam.putUserPolicy(b -> b.userName("uploader").policyName("public-only").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:PutObject\","
                        + "\"Resource\":\"arn:aws:s3:::vault/public/*\"}]}"));
        String key = iam.createAccessKey(b -> b.userName("uploader")).accessKey().accessKeyId();
        GeneratedObject content = new GeneratedObject(5L * 1024 * 1024);

        try (S3Client s3 = TestClients.of(S3Client.builder(), AWS.emulator().endpoint(), key)) {
            var put = s3.putObject(b -> b.bucket("vault").key("public/report.bin"),
                    RequestBody.fromContentProvider(content::stream, content.size(), "application/octet-stream"));
            assertThat(put.eTag()).isEqualTo(content.etag());
            assertThat(put.sdkHttpResponse().firstMatchingHeader("Date")).isPresent();
            assertThatThrownBy(() -> s3.putObject(b -> b.bucket("vault").key("secret/report.bin"),
                    RequestBody.fromContentProvider(content::stream, content.size(), "application/octet-stream")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    });

            List<ApiCall> puts = AWS.emulator().control().calls().stream()
                    .filter(c -> c.operation().equals("PutObject")).toList();
            assertThat(puts).extracting(ApiCall::status).containsExactly(200, 403);
            assertThat(puts).extracting(ApiCall::callerArn).containsOnly(
                    "arn:aws:iam::" + AWS.emulator().accountId() + ":user/uploader");
            assertThat(puts.get(0).requestId()).isEqualTo(put.responseMetadata().requestId());
        }
        assertThatThrownBy(() -> AWS.client(S3Client.class).headObject(b -> b.bucket("vault")
                .key("secret/report.bin"))).isInstanceOf(NoSuchKeyException.class);
    }
}
