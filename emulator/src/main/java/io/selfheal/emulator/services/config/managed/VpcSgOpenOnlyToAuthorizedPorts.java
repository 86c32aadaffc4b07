package io.selfheal.emulator.services.config.managed;

import io.selfheal.emulator.services.config.ConfigurationItems;
import io.selfheal.emulator.services.config.RuleEvaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code vpc-sg-open-only-to-authorized-ports} (VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS): a group with no inbound
 * permission from 0.0.0.0/0 or ::/0 is NOT_APPLICABLE; one whose world-open TCP and UDP permissions all lie within
 * {@code authorizedTcpPorts} / {@code authorizedUdpPorts} ("443,1020-1025") is COMPLIANT; otherwise NON_COMPLIANT
 * (an all-traffic permission opens every TCP and UDP port).
 * https://docs.aws.amazon.com/config/latest/developerguide/vpc-sg-open-only-to-authorized-ports.html
 */
public final class VpcSgOpenOnlyToAuthorizedPorts extends SingleResourceRule {

    public VpcSgOpenOnlyToAuthorizedPorts() {
        super("VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS", SECURITY_GROUP, Trigger.CHANGES_AND_PERIODIC);
    }

    @Override
    RuleParameters declared() {
        return RuleParameters.none()
                .optional("authorizedTcpPorts", null, RuleParameters.portList("authorizedTcpPorts"))
                .optional("authorizedUdpPorts", null, RuleParameters.portList("authorizedUdpPorts"))
                ;
    }

    @Override
    RuleEvaluation judge(ConfigItem item, Map<String, String> parameters, ConfigurationItems items) {
        List<Ingress> open = Ingress.of(item.configuration()).stream().filter(Ingress::openToWorld).toList();
        if (open.isEmpty()) {
            return item.notApplicable();
        }
        PortRanges tcp = PortRanges.parse(parameters.get("authorizedTcpPorts"));
        PortRanges udp = PortRanges.parse(parameters.get("authorizedUdpPorts"));
        List<String> unauthorized = new ArrayList<>();
        for (Ingress p : open) {
            boolean all = p.protocol().equals(Ingress.ALL_TRAFFIC);
            if ((all || p.protocol().equals("tcp")) && !tcp.coversAll(p.fromPort(), p.toPort())) {
                unauthorized.add("tcp " + ports(p));
            }
            if ((all || p.protocol().equals("udp")) && !udp.coversAll(p.fromPort(), p.toPort())) {
                unauthorized.add("udp " + ports(p));
            }
        }
        return unauthorized.isEmpty() ? item.compliant()
                : item.nonCompliant("Unauthorized ports open to 0.0.0.0/0 or ::/0: " + String.join(", ", unauthorized)
                        + ".");
    }

    private static String ports(Ingress p) {
        return p.fromPort() == p.toPort() ? String.valueOf(p.fromPort()) : p.fromPort() + "-" + p.toPort();
    }
}
