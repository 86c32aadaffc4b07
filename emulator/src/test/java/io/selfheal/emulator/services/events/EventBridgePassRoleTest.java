package io.selfheal.emulator.services.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.core.authz.IamMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * A rule's and a target's {@code RoleArn} are passed to EventBridge: under IAM enforcement the caller of PutRule or
 * PutTargets needs {@code iam:PassRole} on it for {@code events.amazonaws.com}
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-identity-based.html,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html); a target without a role passes none.
 */
class EventBridgePassRoleTest {
    private static final String ACCOUNT = "123456789012";
    private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/events-to-api";
    private static final String QUEUE = "arn:aws:sqs:us-east-1:" + ACCOUNT + ":fixes";

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime().configure(b -> b.iamMode(IamMode.ENFORCE));

    private static EventBridgeClient wirer;
    private static IamClient iam;

    @BeforeAll
    static void userWhoMayManageRules() {
        iam = AWS.client(IamClient.class);
        iam.createRole(r -> r.roleName("events-to-api").assumeRolePolicyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                        + "{\"Service\":\"events.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
        iam.createUser(b -> b.userName("wirer"));
        iam.putUserPolicy(b -> b.userName("wirer").policyName("rules").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"events:*\","
                        + "\"Resource\":\"*\"}]}"));
        var key = iam.createAccessKey(b -> b.userName("wirer")).accessKey();
        wirer = EventBridgeClient.builder().endpointOverride(AWS.emulator().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))).build();
        wirer.putRule(b -> b.name("fix").eventPattern("{\"source\":[\"aws.ec2\"]}"));
    }

    @Test
    void aTargetsRoleNeedsPassRoleForEventBridge() {
        Target withRole = Target.builder().id("q").arn(QUEUE).roleArn(ROLE).build();
        assertThatThrownBy(() -> wirer.putTargets(b -> b.rule("fix").targets(withRole)))
                .isInstanceOfSatisfying(EventBridgeException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::" + ACCOUNT
                            + ":user/wirer is not authorized to perform: iam:PassRole on resource: " + ROLE
                            + " because no identity-based policy allows the iam:PassRole action");
                });
        assertThatThrownBy(() -> wirer.putRule(b -> b.name("fix").roleArn(ROLE)
                .eventPattern("{\"source\":[\"aws.ec2\"]}"))).isInstanceOf(EventBridgeException.class);
        // without a role nothing is passed
        assertThat(wirer.putTargets(b -> b.rule("fix").targets(t -> t.id("plain").arn(QUEUE)))
                .failedEntryCount()).isZero();

        iam.putUserPolicy(b -> b.userName("wirer").policyName("pass").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"%s",
                 "Condition":{"StringEquals":{"iam:PassedToService":"events.amazonaws.com"}}}]}""".formatted(ROLE)));
        assertThat(wirer.putTargets(b -> b.rule("fix").targets(withRole)).failedEntryCount()).isZero();
    }
}
