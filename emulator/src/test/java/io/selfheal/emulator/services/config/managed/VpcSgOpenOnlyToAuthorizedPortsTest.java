package io.selfheal.emulator.services.config.managed;

import static io.selfheal.emulator.services.config.managed.ConfigItemFixtures.permission;
import static io.selfheal.emulator.services.config.managed.ConfigItemFixtures.securityGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.services.config.ManagedRule;
import io.selfheal.emulator.services.config.ManagedRules;
import io.selfheal.emulator.services.config.RuleEvaluation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** https://docs.aws.amazon.com/config/latest/developerguide/vpc-sg-open-only-to-authorized-ports.html */
class VpcSgOpenOnlyToAuthorizedPortsTest {
    private final ManagedRule rule = ManagedRules.find("VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS");
    private static final Map<String, String> WEB = Map.of("authorizedTcpPorts", "443,1020-1025",
            "authorizedUdpPorts", "500");

    private RuleEvaluation evaluate(ObjectNode item, Map<String, String> input) {
        return rule.evaluate(item, rule.parameters(input), new ConfigItemFixtures()).get(0);
    }

    @Test
    void parametersArePortListsWithRanges() {
        assertThat(rule.parameters(Map.of())).isEmpty();
        assertThat(rule.parameters(WEB)).isEqualTo(WEB);
        assertThatThrownBy(() -> rule.parameters(Map.of("authorizedTcpPorts", "443,1025-1020")))
                .hasMessageContaining("authorizedTcpPorts");
        assertThatThrownBy(() -> rule.parameters(Map.of("authorizedTcpPorts", "https")))
                .hasMessageContaining("443,1020-1025");
        assertThat(rule.changeTriggered() && rule.periodic()).isTrue();
    }

    @Test
    void groupWithoutWorldOpenPermissionsIsNotApplicable() {
        assertThat(evaluate(securityGroup("web", permission("tcp", 22, 22, "10.0.0.0/8")), WEB).complianceType())
                .isEqualTo("NOT_APPLICABLE");
        assertThat(evaluate(securityGroup("web"), WEB).complianceType()).isEqualTo("NOT_APPLICABLE");
    }

    @Test
    void authorizedPortsAndRangesInsideAuthorizedRangesAreCompliant() {
        assertThat(evaluate(securityGroup("web", permission("tcp", 443, 443, "0.0.0.0/0", "::/0")), WEB)
                .complianceType()).isEqualTo("COMPLIANT");
        assertThat(evaluate(securityGroup("web", permission("tcp", 1021, 1024, "0.0.0.0/0"),
                permission("udp", 500, 500, "::/0")), WEB).complianceType()).isEqualTo("COMPLIANT");
        assertThat(evaluate(securityGroup("web", permission("tcp", 443, 443, "0.0.0.0/0")),
                Map.of("authorizedTcpPorts", "400-450")).complianceType()).isEqualTo("COMPLIANT");
    }

    @Test
    void unauthorizedPortsProtocolsAndAllTrafficAreNonCompliant() {
        RuleEvaluation ssh = evaluate(securityGroup("web", permission("tcp", 22, 22, "0.0.0.0/0")), WEB);
        assertThat(ssh.complianceType()).isEqualTo("NON_COMPLIANT");
        assertThat(ssh.annotation()).contains("tcp 22");
        assertThat(evaluate(securityGroup("web", permission("tcp", 1020, 1030, "0.0.0.0/0")), WEB).complianceType())
                .isEqualTo("NON_COMPLIANT");
        assertThat(evaluate(securityGroup("web", permission("udp", 443, 443, "0.0.0.0/0")), WEB).complianceType())
                .isEqualTo("NON_COMPLIANT");
        assertThat(evaluate(securityGroup("web", permission("-1", null, null, "0.0.0.0/0")), WEB).complianceType())
                .isEqualTo("NON_COMPLIANT");
        assertThat(evaluate(securityGroup("web", permission("tcp", 443, 443, "0.0.0.0/0")), Map.of())
                .complianceType()).isEqualTo("NON_COMPLIANT");
    }
}
