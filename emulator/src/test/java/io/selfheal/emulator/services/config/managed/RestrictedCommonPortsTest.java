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

/** https://docs.aws.amazon.com/config/latest/developerguide/restricted-common-ports.html */
class RestrictedCommonPortsTest {
    private final ManagedRule rule = ManagedRules.find("RESTRICTED_INCOMING_TRAFFIC");

    private RuleEvaluation evaluate(ObjectNode item, Map<String, String> input) {
        return rule.evaluate(item, rule.parameters(input), new ConfigItemFixtures()).get(0);
    }

    @Test
    void defaultsAreThePagesFivePorts() {
        assertThat(rule.parameters(Map.of())).containsEntry("blockedPort1", "20").containsEntry("blockedPort2", "21")
                .containsEntry("blockedPort3", "3389").containsEntry("blockedPort4", "3306")
                .containsEntry("blockedPort5", "4333").doesNotContainKey("blockedPorts");
        assertThat(rule.resourceTypes()).containsExactly("AWS::EC2::SecurityGroup");
        assertThat(rule.changeTriggered() && rule.periodic()).isTrue();
    }

    @Test
    void parametersAreCheckedAsPorts() {
        assertThatThrownBy(() -> rule.parameters(Map.of("blockedPort1", "ssh"))).hasMessageContaining("blockedPort1");
        assertThatThrownBy(() -> rule.parameters(Map.of("blockedPort2", "70000"))).hasMessageContaining("65535");
        assertThatThrownBy(() -> rule.parameters(Map.of("blockedPorts", "20,x"))).hasMessageContaining("blockedPorts");
        assertThatThrownBy(() -> rule.parameters(Map.of("blockedPort6", "1")))
                .hasMessageStartingWith("Unknown parameters");
    }

    @Test
    void worldOpenTcpToADefaultBlockedPortIsNonCompliant() {
        RuleEvaluation rdp = evaluate(securityGroup("web", permission("tcp", 3389, 3389, "0.0.0.0/0")), Map.of());
        assertThat(rdp.complianceType()).isEqualTo("NON_COMPLIANT");
        assertThat(rdp.annotation()).contains("3389");
        assertThat(evaluate(securityGroup("web", permission("tcp", 3300, 3310, "::/0")), Map.of()).complianceType())
                .isEqualTo("NON_COMPLIANT");
        assertThat(evaluate(securityGroup("web", permission("-1", null, null, "0.0.0.0/0")), Map.of())
                .complianceType()).isEqualTo("NON_COMPLIANT");
    }

    @Test
    void restrictedSourcesUdpAndOtherPortsAreCompliant() {
        assertThat(evaluate(securityGroup("web", permission("tcp", 3306, 3306, "10.0.0.0/8")), Map.of())
                .complianceType()).isEqualTo("COMPLIANT");
        assertThat(evaluate(securityGroup("web", permission("udp", 20, 21, "0.0.0.0/0")), Map.of())
                .complianceType()).isEqualTo("COMPLIANT");
        assertThat(evaluate(securityGroup("web", permission("tcp", 22, 22, "0.0.0.0/0"),
                permission("tcp", 443, 443, "0.0.0.0/0")), Map.of()).complianceType()).isEqualTo("COMPLIANT");
    }

    @Test
    void blockedPortsOverrideAndAddToTheDefaults() {
        ObjectNode https = securityGroup("web", permission("tcp", 443, 443, "0.0.0.0/0"));
        assertThat(evaluate(https, Map.of("blockedPort1", "443")).complianceType()).isEqualTo("NON_COMPLIANT");
        assertThat(evaluate(https, Map.of("blockedPorts", "8080, 443")).complianceType()).isEqualTo("NON_COMPLIANT");
        ObjectNode ftp = securityGroup("web", permission("tcp", 20, 20, "0.0.0.0/0"));
        assertThat(evaluate(ftp, Map.of("blockedPort1", "25")).complianceType()).isEqualTo("COMPLIANT");
    }
}
