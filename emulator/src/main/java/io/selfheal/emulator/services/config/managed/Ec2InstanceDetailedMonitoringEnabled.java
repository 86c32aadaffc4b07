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

    @Override
    public String identifier() {
        return "EC2_INSTANCE_DETAILED_MONITORING_ENABLED";
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of("AWS::EC2::Instance");
    }

    @Override
    public boolean changeTriggered() {
        return true;
    }

    @Override
    public boolean periodic() {
        return false;
    }

    @Override
    public Map<String, String> parameters(Map<String, String> input) {
        return RuleParameters.none().resolve(input);
    }

    @Override
    RuleEvaluation judge(ConfigItem item, Map<String, String> parameters, ConfigurationItems items) {
        String state = item.configuration().path("monitoring").path("state").asText("disabled");
        return "enabled".equals(state) ? item.compliant()
                : item.nonCompliant("Detailed monitoring is " + state + ".");
    }
}
