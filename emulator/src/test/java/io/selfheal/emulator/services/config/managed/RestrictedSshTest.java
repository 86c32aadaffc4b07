package io.selfheal.emulator.services.config.managed;

import static io.selfheal.emulator.services.config.managed.ConfigItemFixtures.deleted;
import static io.selfheal.emulator.services.config.managed.ConfigItemFixtures.permission;
import static io.selfheal.emulator.services.config.managed.ConfigItemFixtures.securityGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.services.config.ManagedRules;
import io.selfheal.emulator.services.config.RuleEvaluation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** https://docs.aws.amazon.com/config/latest/developerguide/restricted-ssh.html */
class RestrictedSshTest {
    private final RestrictedSsh rule = (RestrictedSsh) ManagedRules.find("INCOMING_SSH_DISABLED");

    private String compliance(ObjectNode item) {
        List<RuleEvaluation> results = rule.evaluate(item, rule.parameters(Map.of()), new ConfigItemFixtures());
        assertThat(results).hasSize(1);
        return results.get(0).complianceType();
    }

    @Test
    void catalogEntryMatchesThePage() {
        assertThat(rule.resourceTypes()).containsExactly("AWS::EC2::SecurityGroup");
        assertThat(rule.changeTriggered()).isTrue();
        assertThat(rule.periodic()).isTrue();
        assertThat(rule.parameters(Map.of())).isEmpty();
        assertThatThrownBy(() -> rule.parameters(Map.of("port", "22")))
                .hasMessageStartingWith("Unknown parameters provided in the inputParameters");
    }

    @Test
    void sshOpenToTheWorldOverIpv4OrIpv6IsNonCompliant() {
        RuleEvaluation v4 = rule.evaluate(securityGroup("web", permission("tcp", 22, 22, "0.0.0.0/0")), Map.of(),
                new ConfigItemFixtures()).get(0);
        assertThat(v4.complianceType()).isEqualTo("NON_COMPLIANT");
        assertThat(v4.resourceId()).isEqualTo("sg-0123456789abcdef0");
        assertThat(v4.annotation()).contains("22");
        assertThat(compliance(securityGroup("web", permission("tcp", 22, 22, "::/0")))).isEqualTo("NON_COMPLIANT");
    }

    @Test
    void rangesCoveringPort22AndAllTrafficCountAsSsh() {
        assertThat(compliance(securityGroup("web", permission("tcp", 0, 1024, "0.0.0.0/0"))))
                .isEqualTo("NON_COMPLIANT");
        assertThat(compliance(securityGroup("web", permission("-1", null, null, "0.0.0.0/0"))))
                .isEqualTo("NON_COMPLIANT");
        assertThat(compliance(securityGroup("web", permission("6", 22, 22, "0.0.0.0/0"))))
                .isEqualTo("NON_COMPLIANT");
    }

    @Test
    void restrictedSourcesOtherPortsAndUdpAreCompliant() {
        assertThat(compliance(securityGroup("web", permission("tcp", 22, 22, "203.0.113.0/24", "2001:db8::/32"))))
                .isEqualTo("COMPLIANT");
        assertThat(compliance(securityGroup("web", permission("tcp", 443, 443, "0.0.0.0/0"),
                permission("tcp", 23, 1024, "0.0.0.0/0")))).isEqualTo("COMPLIANT");
        assertThat(compliance(securityGroup("web", permission("udp", 22, 22, "0.0.0.0/0")))).isEqualTo("COMPLIANT");
        assertThat(compliance(securityGroup("web"))).isEqualTo("COMPLIANT");
    }

    @Test
    void deletedGroupIsNotApplicableAndOtherTypesAreOutOfReach() {
        assertThat(compliance(deleted(securityGroup("web", permission("tcp", 22, 22, "0.0.0.0/0")))))
                .isEqualTo("NOT_APPLICABLE");
        assertThat(rule.evaluate(ConfigItemFixtures.item("AWS::EC2::Instance", "i-1", "{}"), Map.of(),
                new ConfigItemFixtures())).isEmpty();
    }
}
