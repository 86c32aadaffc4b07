package io.selfheal.emulator.services.config.managed;

import static io.selfheal.emulator.services.config.managed.ConfigItemFixtures.permission;
import static io.selfheal.emulator.services.config.managed.ConfigItemFixtures.securityGroup;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.services.config.ManagedRule;
import io.selfheal.emulator.services.config.ManagedRules;
import io.selfheal.emulator.services.config.RuleEvaluation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** https://docs.aws.amazon.com/config/latest/developerguide/vpc-default-security-group-closed.html */
class VpcDefaultSecurityGroupClosedTest {
    private final ManagedRule rule = ManagedRules.find("VPC_DEFAULT_SECURITY_GROUP_CLOSED");

    private RuleEvaluation evaluate(ObjectNode item) {
        return rule.evaluate(item, rule.parameters(Map.of()), new ConfigItemFixtures()).get(0);
    }

    @Test
    void changeTriggeredOnlyWithoutParameters() {
        assertThat(rule.changeTriggered()).isTrue();
        assertThat(rule.periodic()).isFalse();
        assertThat(rule.parameters(Map.of())).isEmpty();
    }

    @Test
    void defaultGroupWithItsDefaultRulesIsNonCompliant() {
        // A new VPC's default group allows inbound from itself and all outbound.
        ObjectNode group = securityGroup("default", permission("-1", null, null));
        RuleEvaluation result = evaluate(group);
        assertThat(result.complianceType()).isEqualTo("NON_COMPLIANT");
        assertThat(result.annotation()).contains("1 inbound and 1 outbound");
    }

    @Test
    void defaultGroupWithOnlyEgressIsNonCompliantAndEmptyOneCompliant() {
        assertThat(evaluate(securityGroup("default")).complianceType()).isEqualTo("NON_COMPLIANT");
        ObjectNode closed = securityGroup("default");
        ((ObjectNode) closed.get("configuration")).putArray("ipPermissionsEgress");
        assertThat(evaluate(closed).complianceType()).isEqualTo("COMPLIANT");
    }

    @Test
    void otherGroupsAreNotApplicable() {
        assertThat(evaluate(securityGroup("web", permission("tcp", 22, 22, "0.0.0.0/0"))).complianceType())
                .isEqualTo("NOT_APPLICABLE");
    }
}
