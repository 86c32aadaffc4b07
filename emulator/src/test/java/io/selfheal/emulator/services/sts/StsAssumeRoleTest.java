package io.selfheal.emulator.services.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.TestClients;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * AssumeRole through the SDK v2 (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html; trust
 * evaluation as in https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html).
 */
class StsAssumeRoleTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();
    private static final String OTHER_ACCOUNT = "210987654321";
    private static IamClient iam;
    private static String account;
    private static AwsCredentials alice;

    @BeforeAll
    static void aliceWithAKey() {
        iam = AWS.client(IamClient.class);
        account = AWS.emulator().accountId();
        iam.createUser(b -> b.userName("alice"));
        var key = iam.createAccessKey(b -> b.userName("alice")).accessKey();
        alice = AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    private static String trust(String principal) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":" + principal
                + ",\"Action\":\"sts:AssumeRole\"}]}";
    }

    private static StsClient sts(AwsCredentials credentials) {
        return StsClient.builder().endpointOverride(AWS.emulator().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
    }

    private static AwsCredentials session(Credentials c) {
        return AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
    }

    @Test
    void theRootMayNotAssumeRoles(StsClient root) {
        String arn = iam.createRole(b -> b.roleName("for-root").assumeRolePolicyDocument(trust("{\"AWS\":\""
                + account + "\"}"))).role().arn();
        assertThatThrownBy(() -> root.assumeRole(b -> b.roleArn(arn).roleSessionName("root-session")))
                .isInstanceOf(StsException.class).hasMessageContaining("Roles may not be assumed by root accounts.")
                .satisfies(e -> assertThat(((StsException) e).awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
    }

    @Test
    void aTrustPolicyNamingTheUserLetsItAssumeAndTheSessionSignsAsTheRole() {
        var role = iam.createRole(b -> b.roleName("named").assumeRolePolicyDocument(trust("{\"AWS\":\"arn:aws:iam::"
                + account + ":user/alice\"}"))).role();
        try (StsClient asAlice = sts(alice)) {
            AssumeRoleResponse r = asAlice.assumeRole(b -> b.roleArn(role.arn()).roleSessionName("fix-1"));
            assertThat(r.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::" + account + ":assumed-role/named/fix-1");
            assertThat(r.assumedRoleUser().assumedRoleId()).isEqualTo(role.roleId() + ":fix-1");
            assertThat(r.credentials().accessKeyId()).startsWith("ASIA");
            assertThat(r.credentials().expiration()).isAfter(java.time.Instant.now().plusSeconds(3000));
            try (StsClient asSession = sts(session(r.credentials()))) {
                var me = asSession.getCallerIdentity();
                assertThat(me.arn()).isEqualTo(r.assumedRoleUser().arn());
                assertThat(me.userId()).isEqualTo(r.assumedRoleUser().assumedRoleId());
                assertThat(me.account()).isEqualTo(account);
            }
        }
    }

    @Test
    void aTrustPolicyNamingTheAccountNeedsTheUsersOwnPermission() {
        String arn = iam.createRole(b -> b.roleName("delegated").assumeRolePolicyDocument(trust("{\"AWS\":\""
                + account + "\"}"))).role().arn();
        try (StsClient asAlice = sts(alice)) {
            assertThatThrownBy(() -> asAlice.assumeRole(b -> b.roleArn(arn).roleSessionName("s1")))
                    .isInstanceOf(StsException.class).hasMessageContaining("User: arn:aws:iam::" + account
                            + ":user/alice is not authorized to perform: sts:AssumeRole on resource: " + arn);
            iam.putUserPolicy(b -> b.userName("alice").policyName("assume").policyDocument("{\"Version\":"
                    + "\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                    + "\"Resource\":\"arn:aws:iam::*:role/delegated\"}]}"));
            assertThat(asAlice.assumeRole(b -> b.roleArn(arn).roleSessionName("s1")).assumedRoleUser().arn())
                    .endsWith(":assumed-role/delegated/s1");
            iam.deleteUserPolicy(b -> b.userName("alice").policyName("assume"));
        }
    }

    @Test
    void aRoleOnlyLambdaMayAssumeRefusesUsersAndUnknownRolesAreRefusedAlike() {
        String arn = iam.createRole(b -> b.roleName("lambda-only").assumeRolePolicyDocument(trust(
                "{\"Service\":\"lambda.amazonaws.com\"}"))).role().arn();
        try (StsClient asAlice = sts(alice)) {
            assertThatThrownBy(() -> asAlice.assumeRole(b -> b.roleArn(arn).roleSessionName("s1")))
                    .isInstanceOf(StsException.class).hasMessageContaining("is not authorized to perform: "
                            + "sts:AssumeRole");
            String missing = "arn:aws:iam::" + account + ":role/nope";
            assertThatThrownBy(() -> asAlice.assumeRole(b -> b.roleArn(missing).roleSessionName("s1")))
                    .isInstanceOf(StsException.class).hasMessageContaining("on resource: " + missing)
                    .satisfies(e -> assertThat(((StsException) e).statusCode()).isEqualTo(403));
        }
    }

    @Test
    void durationAndSessionNameAreValidated() {
        String arn = iam.createRole(b -> b.roleName("short").assumeRolePolicyDocument(trust("{\"AWS\":\"arn:aws:iam::"
                + account + ":user/alice\"}"))).role().arn();
        try (StsClient asAlice = sts(alice)) {
            assertThatThrownBy(() -> asAlice.assumeRole(b -> b.roleArn(arn).roleSessionName("s").durationSeconds(
                    3600))).isInstanceOf(StsException.class)
                    .hasMessageContaining("Member must have length greater than or equal to 2");
            assertThatThrownBy(() -> asAlice.assumeRole(b -> b.roleArn(arn).roleSessionName("has space")))
                    .isInstanceOf(StsException.class).hasMessageContaining("[\\w+=,.@-]*");
            assertThatThrownBy(() -> asAlice.assumeRole(b -> b.roleArn(arn).roleSessionName("s1")
                    .durationSeconds(600))).isInstanceOf(StsException.class)
                    .hasMessageContaining("Member must have value greater than or equal to 900");
            assertThatThrownBy(() -> asAlice.assumeRole(b -> b.roleArn(arn).roleSessionName("s1")
                    .durationSeconds(7200))).isInstanceOf(StsException.class)
                    .hasMessageContaining("exceeds the MaxSessionDuration set for this role");
            assertThat(asAlice.assumeRole(b -> b.roleArn(arn).roleSessionName("s1").durationSeconds(900))
                    .credentials().expiration()).isBefore(java.time.Instant.now().plusSeconds(1000));
        }
    }

    @Test
    void crossAccountNeedsTheTrustAndTheCallersPermissionAndChainingIsLimitedToAnHour() {
        try (IamClient otherIam = TestClients.of(IamClient.builder(), AWS.emulator().endpoint(), OTHER_ACCOUNT)) {
            String arn = otherIam.createRole(b -> b.roleName("auditor").maxSessionDuration(43200)
                    .assumeRolePolicyDocument(trust("{\"AWS\":\"arn:aws:iam::" + account + ":root\"}"))).role().arn();
            assertThat(arn).startsWith("arn:aws:iam::" + OTHER_ACCOUNT + ":role/");
        }
        String crossArn = "arn:aws:iam::" + OTHER_ACCOUNT + ":role/auditor";
        iam.createRole(b -> b.roleName("chain-start").assumeRolePolicyDocument(trust("{\"AWS\":\"arn:aws:iam::"
                + account + ":user/alice\"}")));
        iam.putRolePolicy(b -> b.roleName("chain-start").policyName("hop").policyDocument("{\"Version\":"
                + "\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Resource\":\"" + crossArn + "\"}]}"));
        try (StsClient asAlice = sts(alice)) {
            assertThatThrownBy(() -> asAlice.assumeRole(b -> b.roleArn(crossArn).roleSessionName("direct")))
                    .isInstanceOf(StsException.class).hasMessageContaining("not authorized");
            Credentials first = asAlice.assumeRole(b -> b.roleArn("arn:aws:iam::" + account + ":role/chain-start")
                    .roleSessionName("hop1")).credentials();
            try (StsClient asHop = sts(session(first))) {
                assertThatThrownBy(() -> asHop.assumeRole(b -> b.roleArn(crossArn).roleSessionName("hop2")
                        .durationSeconds(7200))).isInstanceOf(StsException.class)
                        .hasMessageContaining("1 hour session limit for roles assumed by role chaining");
                Credentials second = asHop.assumeRole(b -> b.roleArn(crossArn).roleSessionName("hop2"))
                        .credentials();
                try (StsClient inOther = sts(session(second))) {
                    var me = inOther.getCallerIdentity();
                    assertThat(me.account()).isEqualTo(OTHER_ACCOUNT);
                    assertThat(me.arn()).isEqualTo("arn:aws:sts::" + OTHER_ACCOUNT + ":assumed-role/auditor/hop2");
                }
            }
        }
    }
}
