package io.selfheal.emulator.services.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.TestClients;
import io.selfheal.emulator.core.authz.IamMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A bucket policy that grants another account lets that account's callers in; the rest of S3 stays closed to them
 * ("Example 1: Bucket owner granting cross-account bucket permissions",
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-walkthroughs-managing-access-example2.html). An IAM
 * user of the other account also needs its own identity policy ("Cross-account policy evaluation logic",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html), and the
 * bucket policy operations belong to the owner's account alone
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketPolicy.html).
 */
class S3CrossAccountTest {
    static final String OWNER = "123456789012";
    static final String OTHER = "111122223333";

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime().configure(b -> b.iamMode(IamMode.ENFORCE));

    static S3Client owner;
    static S3Client otherRoot;
    static S3Client otherUser;

    @BeforeAll
    static void aBucketWithAnObjectAndAUserInTheOtherAccount() {
        owner = AWS.client(S3Client.class);
        owner.createBucket(b -> b.bucket("shared-reports"));
        owner.putObject(b -> b.bucket("shared-reports").key("r/1.json"), RequestBody.fromString("{}"));
        otherRoot = TestClients.of(S3Client.builder(), AWS.emulator().endpoint(), OTHER);
        try (IamClient iam = TestClients.of(IamClient.builder(), AWS.emulator().endpoint(), OTHER)) {
            iam.createUser(u -> u.userName("reader"));
            var key = iam.createAccessKey(k -> k.userName("reader")).accessKey();
            otherUser = S3Client.builder().endpointOverride(AWS.emulator().endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                            key.accessKeyId(), key.secretAccessKey()))).build();
        }
    }

    @Test
    void theBucketPolicyDecidesForTheOtherAccountAndItsUsersNeedTheirOwnPolicyToo() {
        assertThatThrownBy(() -> otherRoot.getObject(b -> b.bucket("shared-reports").key("r/1.json")))
                .as("no bucket policy").isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                });

        owner.putBucketPolicy(b -> b.bucket("shared-reports").policy("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},
                 "Action":["s3:GetObject","s3:ListBucket"],
                 "Resource":["arn:aws:s3:::shared-reports","arn:aws:s3:::shared-reports/*"]}]}""".formatted(OTHER)));

        assertThat(otherRoot.getObjectAsBytes(b -> b.bucket("shared-reports").key("r/1.json")).asUtf8String())
                .isEqualTo("{}");
        assertThat(otherRoot.listObjectsV2(b -> b.bucket("shared-reports")).contents()).hasSize(1);
        assertThatThrownBy(() -> otherRoot.putObject(b -> b.bucket("shared-reports").key("x"),
                RequestBody.fromString("no"))).as("not granted").isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.statusCode()).isEqualTo(403));
        assertThatThrownBy(() -> otherRoot.getBucketPolicy(b -> b.bucket("shared-reports")))
                .as("owner's account only").isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.statusCode()).isEqualTo(403));

        assertThatThrownBy(() -> otherUser.getObject(b -> b.bucket("shared-reports").key("r/1.json")))
                .as("the user's own account grants nothing yet").isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.statusCode()).isEqualTo(403));
        try (IamClient iam = TestClients.of(IamClient.builder(), AWS.emulator().endpoint(), OTHER)) {
            iam.putUserPolicy(p -> p.userName("reader").policyName("read-shared").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",
                     "Resource":"arn:aws:s3:::shared-reports/*"}]}"""));
        }
        assertThat(otherUser.getObjectAsBytes(b -> b.bucket("shared-reports").key("r/1.json")).asUtf8String())
                .isEqualTo("{}");
    }
}
