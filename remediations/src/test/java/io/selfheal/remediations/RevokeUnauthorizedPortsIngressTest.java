package io.selfheal.remediations;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.selfheal.remediations.RevokeOpenSshIngressTest.CONFIG_GROUP;
import static io.selfheal.remediations.RevokeOpenSshIngressTest.complianceChange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The handler against WireMock standing in for EC2, fed AWS's documented "Config Rules Compliance Change" event, with
 * the authorized ports of a vpc-sg-open-only-to-authorized-ports rule
 * (https://docs.aws.amazon.com/config/latest/developerguide/vpc-sg-open-only-to-authorized-ports.html).
 */
class RevokeUnauthorizedPortsIngressTest {

    @RegisterExtension
    static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final Ec2Stub ec2 = new Ec2Stub(WM);
    private final Ec2Client client = ec2.client();
    private final TestContext context = new TestContext("req-2");

    @AfterEach
    void closeClient() {
        client.close();
    }

    private RevokeUnauthorizedPortsIngress handler(String tcp, String udp) {
        return new RevokeUnauthorizedPortsIngress(client, AuthorizedPorts.fromEnvironment(
                Map.of(AuthorizedPorts.TCP_VARIABLE, tcp, AuthorizedPorts.UDP_VARIABLE, udp)));
    }

    @Test
    void revokesWorldOpenRulesOutsideTheAuthorizedPortsOnly() {
        ec2.securityGroupRules(CONFIG_GROUP,
                new Ec2Stub.Rule("sgr-0ddddddddddddddd1", false, "tcp", 443, 443, "0.0.0.0/0"),
                new Ec2Stub.Rule("sgr-0ddddddddddddddd2", false, "tcp", 3389, 3389, "0.0.0.0/0"),
                new Ec2Stub.Rule("sgr-0ddddddddddddddd3", false, "tcp", 1020, 1025, "::/0"),
                new Ec2Stub.Rule("sgr-0ddddddddddddddd4", false, "tcp", 1020, 1030, "0.0.0.0/0"),
                new Ec2Stub.Rule("sgr-0ddddddddddddddd5", false, "udp", 500, 500, "0.0.0.0/0"),
                new Ec2Stub.Rule("sgr-0ddddddddddddddd6", false, "udp", 53, 53, "0.0.0.0/0"),
                new Ec2Stub.Rule("sgr-0ddddddddddddddd7", false, "tcp", 22, 22, "10.0.0.0/8"),
                new Ec2Stub.Rule("sgr-0ddddddddddddddd8", false, "-1", -1, -1, "0.0.0.0/0"),
                new Ec2Stub.Rule("sgr-0ddddddddddddddd9", false, "icmp", -1, -1, "0.0.0.0/0"),
                new Ec2Stub.Rule("sgr-0dddddddddddddd10", true, "-1", -1, -1, "0.0.0.0/0"))
                .revokeIngressSucceeds();

        Map<String, Object> result = handler("443,1020-1025", "500").handleRequest(complianceChange("NON_COMPLIANT"),
                context);

        assertThat(result).containsEntry("action", "revoked").containsEntry("groupId", CONFIG_GROUP)
                .containsEntry("revokedRuleIds", List.of("sgr-0ddddddddddddddd2", "sgr-0ddddddddddddddd4",
                        "sgr-0ddddddddddddddd6", "sgr-0ddddddddddddddd8"));
        assertThat(ec2.actions()).containsExactly("DescribeSecurityGroupRules", "RevokeSecurityGroupIngress");
    }

    @Test
    void onlyAuthorizedPortsOpenMeansNothingToRevoke() {
        ec2.securityGroupRules(CONFIG_GROUP, new Ec2Stub.Rule("sgr-0ddddddddddddddd1", false, "tcp", 443, 443, "0.0.0.0/0"));

        assertThat(handler("443", "").handleRequest(complianceChange("NON_COMPLIANT"), context))
                .containsEntry("action", "already-closed").containsEntry("revokedRuleIds", List.of());
        assertThat(ec2.actions()).containsExactly("DescribeSecurityGroupRules");
    }

    @Test
    void nothingAuthorizedRevokesEveryWorldOpenPort() {
        ec2.securityGroupRules(CONFIG_GROUP, new Ec2Stub.Rule("sgr-0ddddddddddddddd1", false, "tcp", 443, 443, "0.0.0.0/0"))
                .revokeIngressSucceeds();

        assertThat(handler("", "").handleRequest(complianceChange("NON_COMPLIANT"), context))
                .containsEntry("revokedRuleIds", List.of("sgr-0ddddddddddddddd1"));
    }

    @Test
    void theCompliantChangeIsSkippedAndCloudTrailEventsWorkToo() {
        assertThat(handler("443", "").handleRequest(complianceChange("COMPLIANT"), context))
                .containsEntry("action", "skipped");
        assertThat(ec2.actions()).isEmpty();

        ec2.securityGroupRules("sg-b15kasfs", new Ec2Stub.Rule("sgr-0ddddddddddddddd2", false, "tcp", 3389, 3389, "0.0.0.0/0"))
                .revokeIngressSucceeds();
        assertThat(handler("443", "").handleRequest(
                Events.load("aws-api-call-via-cloudtrail-authorize-security-group-ingress.json"), context))
                .containsEntry("revokedRuleIds", List.of("sgr-0ddddddddddddddd2"));
    }

    @Test
    void aMisconfiguredPortListFailsAtStart() {
        assertThatThrownBy(() -> AuthorizedPorts.fromEnvironment(Map.of(AuthorizedPorts.TCP_VARIABLE, "443,https")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AUTHORIZED_TCP_PORTS");
        assertThatThrownBy(() -> AuthorizedPorts.fromEnvironment(Map.of(AuthorizedPorts.UDP_VARIABLE, "600-500")))
                .hasMessageContaining("AUTHORIZED_UDP_PORTS");
    }
}
