package io.selfheal.emulator.services.config.managed;

import io.selfheal.emulator.services.config.ConfigurationItems;
import io.selfheal.emulator.services.config.RuleEvaluation;
import java.util.Map;
import java.util.Set;

/**
 * {@code ec2-instance-detailed-monitoring-enabled} (EC2_INSTANCE_DETAILED_MONITORING_ENABLED): COMPLIANT only when
 * the instance's {@code monitoring.state} is {@code enabled} ({@code disabled} and {@code pending} are not).
 * https://docs.aws.amazon.com/config/latest/developerguide/ec2-instance-detailed-monitoring-enabled.html
 */
public final class Ec2InstanceDetailedMonitoringEnabled extends SingleResourceRule {

    public Ec2InstanceDetailedMonitoringEnabled() {
        super("EC2_INSTANCE_DETAILED_MONITORING_ENABLED", Set.of("AWS::EC2::Instance"), Trigger.CHANGES);
    }

    @Override
    RuleEvaluation judge(ConfigItem item, Map<String, String> parameters, ConfigurationItems items) {
        String state = item.configuration().path("monitoring").path("state").asText("disabled");
        return "enabled".equals(state) ? item.compliant()
                : item.nonCompliant("Detailed monitoring is " + state + ".");
    }
}
