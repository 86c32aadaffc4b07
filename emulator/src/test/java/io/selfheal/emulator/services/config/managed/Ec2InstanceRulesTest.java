package io.selfheal.emulator.services.config.managed;

import static io.selfheal.emulator.services.config.managed.ConfigItemFixtures.deleted;
import static io.selfheal.emulator.services.config.managed.ConfigItemFixtures.instance;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.services.config.ManagedRule;
import io.selfheal.emulator.services.config.ManagedRules;
import io.selfheal.emulator.services.config.RuleEvaluation;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The two instance rules, each against its page. */
class Ec2InstanceRulesTest {

    private static RuleEvaluation evaluate(ManagedRule rule, ObjectNode item) {
        return rule.evaluate(item, rule.parameters(Map.of()), new ConfigItemFixtures()).get(0);
    }

    /** https://docs.aws.amazon.com/config/latest/developerguide/ec2-instance-no-public-ip.html */
    @Nested
    class NoPublicIp {
        private final ManagedRule rule = ManagedRules.find("EC2_INSTANCE_NO_PUBLIC_IP");

        @Test
        void changeTriggeredInstanceRuleWithoutParameters() {
            assertThat(rule.resourceTypes()).containsExactly("AWS::EC2::Instance");
            assertThat(rule.changeTriggered()).isTrue();
            assertThat(rule.periodic()).isFalse();
            assertThat(rule.parameters(Map.of())).isEmpty();
        }

        @Test
        void publicIpv4AddressIsNonCompliant() {
            RuleEvaluation result = evaluate(rule, instance("i-1", "running", "54.210.167.204", "disabled"));
            assertThat(result.complianceType()).isEqualTo("NON_COMPLIANT");
            assertThat(result.annotation()).contains("54.210.167.204");
        }

        @Test
        void interfaceAssociationAloneIsNonCompliant() {
            ObjectNode item = instance("i-1", "running", "54.210.167.204", "disabled");
            ((ObjectNode) item.get("configuration")).remove("publicIpAddress");
            assertThat(evaluate(rule, item).complianceType()).isEqualTo("NON_COMPLIANT");
        }

        @Test
        void privateOnlyIsCompliantAndDeletedNotApplicable() {
            assertThat(evaluate(rule, instance("i-1", "running", null, "disabled")).complianceType())
                    .isEqualTo("COMPLIANT");
            assertThat(evaluate(rule, deleted(instance("i-1", "running", "54.1.2.3", "disabled"))).complianceType())
                    .isEqualTo("NOT_APPLICABLE");
        }
    }

    /** https://docs.aws.amazon.com/config/latest/developerguide/ec2-instance-detailed-monitoring-enabled.html */
    @Nested
    class DetailedMonitoring {
        private final ManagedRule rule = ManagedRules.find("EC2_INSTANCE_DETAILED_MONITORING_ENABLED");

        @Test
        void changeTriggeredInstanceRuleWithoutParameters() {
            assertThat(rule.resourceTypes()).containsExactly("AWS::EC2::Instance");
            assertThat(rule.changeTriggered()).isTrue();
            assertThat(rule.periodic()).isFalse();
        }

        @Test
        void onlyEnabledIsCompliant() {
            assertThat(evaluate(rule, instance("i-1", "running", null, "enabled")).complianceType())
                    .isEqualTo("COMPLIANT");
            RuleEvaluation basic = evaluate(rule, instance("i-1", "running", null, "disabled"));
            assertThat(basic.complianceType()).isEqualTo("NON_COMPLIANT");
            assertThat(basic.annotation()).contains("disabled");
            assertThat(evaluate(rule, instance("i-1", "running", null, "pending")).complianceType())
                    .isEqualTo("NON_COMPLIANT");
        }
    }
}
