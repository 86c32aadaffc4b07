package io.selfheal.emulator.services.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.core.authz.IamMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * A role's tags and an AssumeRole session's tags are {@code aws:PrincipalTag/…} in the policy engine under IAM
 * enforcement, a session tag replacing the role's tag of the same key; passing session tags needs
 * {@code sts:TagSession} in the trust policy. https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html
 */
class StsSessionTagsTest {
    private static final String ACCOUNT = "123456789012";
    private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/tagged";

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime().configure(b -> b.iamMode(IamMode.ENFORCE));

    private static AwsBasicCredentials operator;
    private static String queue;

    @BeforeAll
    static void roleWhosePolicyReadsTheTeamTag() {
        IamClient iam = AWS.client(IamClient.class);
        queue = AWS.client(SqsClient.class).createQueue(b -> b.queueName("sre-only")).queueUrl();
        iam.createRole(r -> r.roleName("tagged").tags(t -> t.key("team").value("dev")).assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                 "Principal":{"AWS":"arn:aws:iam::%s:user/operator"},"Action":["sts:AssumeRole","sts:TagSession"]}]}"""
                .formatted(ACCOUNT)));
        iam.putRolePolicy(r -> r.roleName("tagged").policyName("sre").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"*",
                 "Condition":{"StringEquals":{"aws:PrincipalTag/team":"sre"}}}]}"""));
        iam.createRole(r -> r.roleName("untaggable").assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                 "Principal":{"AWS":"arn:aws:iam::%s:user/operator"},"Action":"sts:AssumeRole"}]}""".formatted(ACCOUNT)));
        // "Example: Allow only specific session tags" (https://docs.aws.amazon.com/IAM/latest/UserGuide/
        // id_session-tags.html#id_session-tags_permissions-required): aws:TagKeys and aws:RequestTag/<key>.
        iam.createRole(r -> r.roleName("team-only").assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                 "Principal":{"AWS":"arn:aws:iam::%s:user/operator"},"Action":"sts:AssumeRole"},
                 {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:user/operator"},"Action":"sts:TagSession",
                  "Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["team","project"]},
                               "StringEquals":{"aws:RequestTag/team":["sre","dev"]}}}]}"""
                .formatted(ACCOUNT, ACCOUNT)));
        iam.createUser(u -> u.userName("operator"));
        iam.putUserPolicy(p -> p.userName("operator").policyName("assume").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"sts:AssumeRole\","
                        + "\"sts:TagSession\"],\"Resource\":\"*\"}]}"));
        var key = iam.createAccessKey(k -> k.userName("operator")).accessKey();
        operator = AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    @Test
    void theRolesTagDecidesUntilASessionTagReplacesIt() {
        try (SqsClient asRole = client(SqsClient.builder(), assume(ROLE, null))) {
            assertThatThrownBy(() -> asRole.sendMessage(b -> b.queueUrl(queue).messageBody("x")))
                    .isInstanceOf(AwsServiceException.class).hasMessageContaining("sqs:SendMessage");
        }
        try (SqsClient asSre = client(SqsClient.builder(), assume(ROLE, "sre"))) {
            assertThat(asSre.sendMessage(b -> b.queueUrl(queue).messageBody("x")).messageId()).isNotBlank();
        }
    }

    @Test
    void sessionTagsNeedTagSessionInTheTrustPolicy() {
        assertThatThrownBy(() -> assume("arn:aws:iam::" + ACCOUNT + ":role/untaggable", "sre"))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::" + ACCOUNT
                            + ":user/operator is not authorized to perform: sts:TagSession on resource: arn:aws:iam::"
                            + ACCOUNT + ":role/untaggable");
                });
        assertThat(assume("arn:aws:iam::" + ACCOUNT + ":role/untaggable", null).accessKeyId()).startsWith("ASIA");
    }

    @Test
    void aTrustPolicyConstrainsTheSessionTagKeysAndValues() {
        String role = "arn:aws:iam::" + ACCOUNT + ":role/team-only";
        assertThat(assume(role, Map.of("team", "sre", "project", "x"), List.of("team")).accessKeyId())
                .startsWith("ASIA");
        assertThatThrownBy(() -> assume(role, Map.of("team", "sre", "cost-center", "1"), List.of()))
                .as("a key outside the allowed set").isInstanceOfSatisfying(StsException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("sts:TagSession"));
        assertThatThrownBy(() -> assume(role, Map.of("team", "finance"), List.of()))
                .as("a value outside the allowed set").isInstanceOf(StsException.class);
    }

    private static AwsSessionCredentials assume(String role, Map<String, String> tags, List<String> transitive) {
        try (StsClient sts = client(StsClient.builder(), operator)) {
            Credentials c = sts.assumeRole(r -> r.roleArn(role).roleSessionName("sess").transitiveTagKeys(transitive)
                    .tags(tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue())
                            .build()).toList())).credentials();
            return AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
        }
    }

    private static AwsSessionCredentials assume(String role, String team) {
        try (StsClient sts = client(StsClient.builder(), operator)) {
            Credentials c = sts.assumeRole(r -> {
                r.roleArn(role).roleSessionName("sess");
                if (team != null) {
                    r.tags(t -> t.key("team").value(team));
                }
            }).credentials();
            return AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
        }
    }

    private static <B extends AwsClientBuilder<B, C>, C> C client(B builder, AwsCredentials credentials) {
        return builder.endpointOverride(AWS.emulator().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
    }
}
