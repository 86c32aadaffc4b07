package io.selfheal.remediations;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/** The handler against WireMock standing in for EC2, fed AWS's documented AuthorizeSecurityGroupIngress event. */
class RevokeOpenSshIngressTest {

    @RegisterExtension
    static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** The group in the reference event (shared/reference-events). */
    private static final String GROUP = "sg-b15kasfs";
    /** The group in the reference "Config Rules Compliance Change" event. */
    static final String CONFIG_GROUP = "sg-0123456789abcdef0";

    private final Ec2Stub ec2 = new Ec2Stub(WM);
    private final Ec2Client client = ec2.client();
    private final TestContext context = new TestContext("req-1");

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void revokesOnlyWorldOpenSshRulesByTheirIds() {
        ec2.securityGroupRules(GROUP,
                new Ec2Stub.Rule("sgr-0aaaaaaaaaaaaaaa1", false, "tcp", 22, 22, "0.0.0.0/0"),
                new Ec2Stub.Rule("sgr-0aaaaaaaaaaaaaaa2", false, "tcp", 443, 443, "0.0.0.0/0"),
                new Ec2Stub.Rule("sgr-0aaaaaaaaaaaaaaa3", false, "tcp", 22, 22, "10.0.0.0/8"),
                new Ec2Stub.Rule("sgr-0aaaaaaaaaaaaaaa4", false, "tcp", 0, 65535, "::/0"),
                new Ec2Stub.Rule("sgr-0aaaaaaaaaaaaaaa5", true, "-1", -1, -1, "0.0.0.0/0"),
                new Ec2Stub.Rule("sgr-0aaaaaaaaaaaaaaa6", false, "udp", 22, 22, "0.0.0.0/0"))
                .revokeIngressSucceeds();

        Map<String, Object> result = handler().handleRequest(event(), context);

        assertThat(result).containsEntry("action", "revoked").containsEntry("groupId", GROUP)
                .containsEntry("revokedRuleIds", List.of("sgr-0aaaaaaaaaaaaaaa1", "sgr-0aaaaaaaaaaaaaaa4"));
        assertThat(ec2.actions()).containsExactly("DescribeSecurityGroupRules", "RevokeSecurityGroupIngress");
        assertThat(ec2.calls().get(0)).containsEntry("Filter.1.Name", "group-id").containsEntry("Filter.1.Value.1", GROUP);
        assertThat(ec2.calls().get(1)).containsEntry("GroupId", GROUP)
                .containsEntry("SecurityGroupRuleId.1", "sgr-0aaaaaaaaaaaaaaa1")
                .containsEntry("SecurityGroupRuleId.2", "sgr-0aaaaaaaaaaaaaaa4")
                .doesNotContainKey("SecurityGroupRuleId.3");
    }

    @Test
    void allTrafficFromTheWorldCountsAsOpenSsh() {
        ec2.securityGroupRules(GROUP, new Ec2Stub.Rule("sgr-0bbbbbbbbbbbbbbb1", false, "-1", -1, -1, "0.0.0.0/0"))
                .revokeIngressSucceeds();

        assertThat(handler().handleRequest(event(), context))
                .containsEntry("revokedRuleIds", List.of("sgr-0bbbbbbbbbbbbbbb1"));
    }

    @Test
    void aRedeliveryFindsSshClosedAndMutatesNothing() {
        ec2.securityGroupRules(GROUP, new Ec2Stub.Rule("sgr-0aaaaaaaaaaaaaaa2", false, "tcp", 443, 443, "0.0.0.0/0"));

        Map<String, Object> result = handler().handleRequest(event(), context);

        assertThat(result).containsEntry("action", "already-closed").containsEntry("revokedRuleIds", List.of());
        assertThat(ec2.actions()).containsExactly("DescribeSecurityGroupRules");
    }

    @Test
    void aRuleRevokedConcurrentlyCountsAsClosed() {
        ec2.securityGroupRules(GROUP, new Ec2Stub.Rule("sgr-0aaaaaaaaaaaaaaa1", false, "tcp", 22, 22, "0.0.0.0/0"))
                .error("RevokeSecurityGroupIngress", 400, "InvalidSecurityGroupRuleId.NotFound",
                        "The security group rule ID 'sgr-0aaaaaaaaaaaaaaa1' does not exist");

        assertThat(handler().handleRequest(event(), context)).containsEntry("action", "already-closed");
    }

    @Test
    void otherEc2ErrorsFailTheInvocation() {
        ec2.securityGroupRules(GROUP, new Ec2Stub.Rule("sgr-0aaaaaaaaaaaaaaa1", false, "tcp", 22, 22, "0.0.0.0/0"))
                .error("RevokeSecurityGroupIngress", 403, "UnauthorizedOperation", "You are not authorized");

        assertThatThrownBy(() -> handler().handleRequest(event(), context)).isInstanceOf(Ec2Exception.class);
    }

    @Test
    void anEventWithoutAGroupIsRejectedWithoutCallingEc2() {
        Map<String, Object> alarm = Events.load("cloudwatch-alarm-state-change-metric.json");

        assertThatThrownBy(() -> handler().handleRequest(alarm, context))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestParameters.groupId");
        assertThat(ec2.actions()).isEmpty();
    }

    @Test
    void aNonCompliantConfigChangeRevokesWorldOpenSshOfItsResource() {
        ec2.securityGroupRules(CONFIG_GROUP,
                new Ec2Stub.Rule("sgr-0ccccccccccccccc1", false, "tcp", 22, 22, "0.0.0.0/0"),
                new Ec2Stub.Rule("sgr-0ccccccccccccccc2", false, "tcp", 443, 443, "0.0.0.0/0"))
                .revokeIngressSucceeds();

        Map<String, Object> result = handler().handleRequest(complianceChange("NON_COMPLIANT"), context);

        assertThat(result).containsEntry("action", "revoked").containsEntry("groupId", CONFIG_GROUP)
                .containsEntry("revokedRuleIds", List.of("sgr-0ccccccccccccccc1"));
        assertThat(ec2.calls().get(1)).containsEntry("GroupId", CONFIG_GROUP)
                .containsEntry("SecurityGroupRuleId.1", "sgr-0ccccccccccccccc1").doesNotContainKey("SecurityGroupRuleId.2");
    }

    @Test
    void theCompliantChangeItsOwnFixCausesIsSkippedWithoutCallingEc2() {
        Map<String, Object> result = handler().handleRequest(complianceChange("COMPLIANT"), context);

        assertThat(result).containsEntry("action", "skipped").containsEntry("groupId", CONFIG_GROUP)
                .containsEntry("reason", "compliance is now COMPLIANT");
        assertThat(ec2.actions()).isEmpty();
    }

    @Test
    void aRedeliveredComplianceChangeFindsSshClosed() {
        ec2.securityGroupRules(CONFIG_GROUP, new Ec2Stub.Rule("sgr-0ccccccccccccccc3", false, "tcp", 22, 22, "10.0.0.0/8"));

        assertThat(handler().handleRequest(complianceChange("NON_COMPLIANT"), context))
                .containsEntry("action", "already-closed");
        assertThat(ec2.actions()).containsExactly("DescribeSecurityGroupRules");
    }

    @Test
    void aComplianceChangeOfAnotherResourceTypeIsRejected() {
        Map<String, Object> event = complianceChange("NON_COMPLIANT");
        Events.child(event, "detail").put("resourceType", "AWS::EC2::Instance");
        Events.child(event, "detail").put("resourceId", "i-0123456789abcdef0");

        assertThatThrownBy(() -> handler().handleRequest(event, context))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AWS::EC2::SecurityGroup");
        assertThat(ec2.actions()).isEmpty();
    }

    /** AWS's documented sample (shared/reference-events), with the new compliance type set. */
    static Map<String, Object> complianceChange(String complianceType) {
        Map<String, Object> event = Events.load("config-rules-compliance-change-security-group.json");
        Events.child(event, "detail", "newEvaluationResult").put("complianceType", complianceType);
        return event;
    }

    private RevokeOpenSshIngress handler() {
        return new RevokeOpenSshIngress(client);
    }

    private static Map<String, Object> event() {
        return Events.load("aws-api-call-via-cloudtrail-authorize-security-group-ingress.json");
    }
}
