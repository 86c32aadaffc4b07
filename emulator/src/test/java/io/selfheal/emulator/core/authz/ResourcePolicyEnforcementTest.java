package io.selfheal.emulator.core.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.EmulatorExtension;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The front door decides a request with the caller's identity policies and the target's resource policy together,
 * as AWS's evaluation logic does: within one account either may allow and an explicit Deny in either wins; across
 * accounts both must allow. Through the SDK v2, for an SQS queue policy, an SNS topic policy and an S3 bucket policy.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 */
class ResourcePolicyEnforcementTest {
    private static final String HOME = "123456789012";
    private static final String OTHER = "210987654321";
    private static final String CLERK = "arn:aws:iam::" + HOME + ":user/clerk";

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime().configure(b -> b.iamMode(IamMode.ENFORCE));

    private static AwsBasicCredentials clerk;
    private static AwsBasicCredentials outsider;

    @BeforeAll
    static void users() {
        clerk = user(AWS.client(IamClient.class), "clerk", null);
        try (IamClient otherIam = client(IamClient.builder(), AwsBasicCredentials.create(OTHER, "x"))) {
            outsider = user(otherIam, "outsider", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Action\":\"sqs:SendMessage\",\"Resource\":\"*\"}]}");
        }
    }

    @Test
    void aQueuePolicyNamingTheUserGrantsWhatNoIdentityPolicyDoes() {
        SqsClient root = AWS.client(SqsClient.class);
        String url = root.createQueue(b -> b.queueName("inbox")).queueUrl();
        String arn = "arn:aws:sqs:us-east-1:" + HOME + ":inbox";
        root.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.POLICY,
                statement("Allow", "{\"AWS\":\"" + CLERK + "\"}", "sqs:SendMessage", arn))));

        try (SqsClient sqs = client(SqsClient.builder(), clerk)) {
            assertThat(sqs.sendMessage(b -> b.queueUrl(url).messageBody("hi")).messageId()).isNotBlank();
            assertThatThrownBy(() -> sqs.receiveMessage(b -> b.queueUrl(url))).isInstanceOfSatisfying(
                    AwsServiceException.class, e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                            "User: " + CLERK + " is not authorized to perform: sqs:ReceiveMessage on resource: "
                                    + arn + " because no identity-based policy allows the sqs:ReceiveMessage action"));
        }
    }

    @Test
    void anotherAccountNeedsTheQueuePolicyAsWellAsItsOwn() {
        SqsClient root = AWS.client(SqsClient.class);
        String url = root.createQueue(b -> b.queueName("shared")).queueUrl();
        String arn = "arn:aws:sqs:us-east-1:" + HOME + ":shared";
        try (SqsClient sqs = client(SqsClient.builder(), outsider)) {
            assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("hi")))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(
                            e.awsErrorDetails().errorMessage()).endsWith(
                            "because no resource-based policy allows the sqs:SendMessage action"));
            root.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.POLICY,
                    statement("Allow", "{\"AWS\":\"" + OTHER + "\"}", "sqs:SendMessage", arn))));
            assertThat(sqs.sendMessage(b -> b.queueUrl(url).messageBody("hi")).messageId()).isNotBlank();
        }
    }

    @Test
    void aTopicPolicyNamingTheUserLetsItPublish() {
        SnsClient root = AWS.client(SnsClient.class);
        String topic = root.createTopic(b -> b.name("alerts")).topicArn();
        try (SnsClient sns = client(SnsClient.builder(), clerk)) {
            // the default topic policy grants only on AWS:SourceOwner, which a caller's request does not carry
            assertThatThrownBy(() -> sns.publish(b -> b.topicArn(topic).message("m")))
                    .isInstanceOfSatisfying(SnsException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                            .isEqualTo("AuthorizationError"));
            root.setTopicAttributes(b -> b.topicArn(topic).attributeName("Policy").attributeValue(
                    statement("Allow", "{\"AWS\":\"" + CLERK + "\"}", "sns:Publish", topic)));
            assertThat(sns.publish(b -> b.topicArn(topic).message("m")).messageId()).isNotBlank();
        }
    }

    @Test
    void anExplicitDenyInTheBucketPolicyOverridesTheUsersAllow(IamClient iam) {
        S3Client root = AWS.client(S3Client.class);
        root.createBucket(b -> b.bucket("evidence"));
        root.putObject(b -> b.bucket("evidence").key("trail.json"), RequestBody.fromString("{}"));
        iam.putUserPolicy(b -> b.userName("clerk").policyName("s3").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                        + "\"Resource\":\"*\"}]}"));
        root.putBucketPolicy(b -> b.bucket("evidence").policy(statement("Deny", "\"*\"", "s3:DeleteObject",
                "arn:aws:s3:::evidence/*")));

        try (S3Client s3 = client(S3Client.builder(), clerk)) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket("evidence").key("trail.json")).asUtf8String())
                    .isEqualTo("{}");
            assertThatThrownBy(() -> s3.deleteObject(b -> b.bucket("evidence").key("trail.json")))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: " + CLERK
                                + " is not authorized to perform: s3:DeleteObject on resource: "
                                + "arn:aws:s3:::evidence/trail.json with an explicit deny in a resource-based policy");
                    });
        }
    }

    private static String statement(String effect, String principal, String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"" + effect + "\",\"Principal\":" + principal
                + ",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"}]}";
    }

    private static AwsBasicCredentials user(IamClient iam, String name, String policy) {
        iam.createUser(b -> b.userName(name));
        if (policy != null) {
            iam.putUserPolicy(b -> b.userName(name).policyName("own").policyDocument(policy));
        }
        var key = iam.createAccessKey(b -> b.userName(name)).accessKey();
        return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>, C> C client(
            B builder, AwsBasicCredentials credentials) {
        return builder.endpointOverride(AWS.emulator().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
    }
}
