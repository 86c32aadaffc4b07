package io.selfheal.emulator.services.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.EmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Credentials from AssumeRole stop working at their {@code Expiration} on the emulator clock: every service then
 * answers its expired-token error (query and JSON {@code ExpiredToken}/{@code ExpiredTokenException} 403 with "The
 * security token included in the request is expired", S3 {@code ExpiredToken} 400, EC2 {@code RequestExpired}).
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html (DurationSeconds),
 * https://repost.aws/knowledge-center/security-token-expired
 */
class StsSessionExpiryTest {
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final String TRUST_ACCOUNT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\"}]}";

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.virtualTime(START);

    @Test
    void assumedRoleCredentialsExpireAfterTheirDurationOnTheEmulatorClock(IamClient iam) {
        iam.createRole(r -> r.roleName("short").assumeRolePolicyDocument(TRUST_ACCOUNT));
        iam.createUser(u -> u.userName("operator"));
        iam.putUserPolicy(p -> p.userName("operator").policyName("assume").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                        + "\"Resource\":\"*\"}]}"));
        var key = iam.createAccessKey(k -> k.userName("operator")).accessKey();
        Credentials session;
        try (StsClient sts = client(StsClient.builder(), AwsBasicCredentials.create(key.accessKeyId(),
                key.secretAccessKey()))) {
            session = sts.assumeRole(r -> r.roleArn("arn:aws:iam::123456789012:role/short")
                    .roleSessionName("fix").durationSeconds(900)).credentials();
        }
        assertThat(session.expiration()).isEqualTo(START.plusSeconds(900));
        AwsSessionCredentials creds = AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(),
                session.sessionToken());

        try (StsClient sts = client(StsClient.builder(), creds); SqsClient sqs = client(SqsClient.builder(), creds);
             LambdaClient lambda = client(LambdaClient.builder(), creds);
             S3Client s3 = client(S3Client.builder(), creds); Ec2Client ec2 = client(Ec2Client.builder(), creds)) {
            AWS.advance(Duration.ofSeconds(899));
            assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:sts::123456789012:assumed-role/short/fix");

            AWS.advance(Duration.ofSeconds(1));
            expired(sts::getCallerIdentity, "ExpiredToken", 403, "The security token included in the request is expired");
            expired(sqs::listQueues, "ExpiredToken", 403, "The security token included in the request is expired");
            expired(lambda::listFunctions, "ExpiredTokenException", 403,
                    "The security token included in the request is expired");
            expired(s3::listBuckets, "ExpiredToken", 400, "The provided token has expired.");
            expired(ec2::describeInstances, "RequestExpired", 400, "Request has expired.");
        }
    }

    private static void expired(Runnable call, String code, int status, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    private static <B extends AwsClientBuilder<B, C>, C> C client(B builder, AwsCredentials credentials) {
        return builder.endpointOverride(AWS.emulator().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryPolicy(RetryPolicy.none()).build())
                .build();
    }
}
