package io.selfheal.emulator.services.config.managed;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.services.config.ConfigurationItems;
import io.selfheal.emulator.services.config.RuleEvaluation;
import java.util.Map;
import java.util.Set;

/**
 * {@code ec2-instance-no-public-ip} (EC2_INSTANCE_NO_PUBLIC_IP): NON_COMPLIANT when the instance item carries a
 * public IPv4 address ({@code publicIpAddress}, or a network interface's {@code association.publicIp}); IPv6 is not
 * considered.
 * https://docs.aws.amazon.com/config/latest/developerguide/ec2-instance-no-public-ip.html
 */
public final class Ec2InstanceNoPublicIp extends SingleResourceRule {

    public Ec2InstanceNoPublicIp() {
        super("EC2_INSTANCE_NO_PUBLIC_IP", Set.of("AWS::EC2::Instance"), Trigger.CHANGES);
    }

    @Override
    RuleEvaluation judge(ConfigItem item, Map<String, String> parameters, ConfigurationItems items) {
        JsonNode configuration = item.configuration();
        String publicIp = configuration.path("publicIpAddress").asText("");
        for (JsonNode eni : configuration.path("networkInterfaces")) {
            if (publicIp.isEmpty()) {
                publicIp = eni.path("association").path("publicIp").asText("");
            }
        }
        return publicIp.isEmpty() ? item.compliant()
                : item.nonCompliant("The instance has the public IP address " + publicIp + ".");
    }
}
