package io.selfheal.emulator.services.config.managed;

import io.selfheal.emulator.services.config.ConfigurationItems;
import io.selfheal.emulator.services.config.RuleEvaluation;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code restricted-common-ports} (RESTRICTED_INCOMING_TRAFFIC): NON_COMPLIANT when an inbound permission admits TCP
 * to a blocked port from 0.0.0.0/0 or ::/0. Blocked ports are {@code blockedPort1}..{@code blockedPort5} (defaults
 * 20, 21, 3389, 3306, 4333) together with the {@code blockedPorts} list.
 * https://docs.aws.amazon.com/config/latest/developerguide/restricted-common-ports.html
 */
public final class RestrictedCommonPorts extends SingleResourceRule {
    private static final String[] DEFAULTS = {"20", "21", "3389", "3306", "4333"};

    public RestrictedCommonPorts() {
        super("RESTRICTED_INCOMING_TRAFFIC", SECURITY_GROUP, Trigger.CHANGES_AND_PERIODIC);
    }

    @Override
    RuleParameters declared() {
        RuleParameters declared = RuleParameters.none();
        for (int i = 1; i <= DEFAULTS.length; i++) {
            declared.optional("blockedPort" + i, DEFAULTS[i - 1], RuleParameters.port("blockedPort" + i));
        }
        return declared.optional("blockedPorts", null, RuleParameters.portList("blockedPorts"));
    }

    @Override
    RuleEvaluation judge(ConfigItem item, Map<String, String> parameters, ConfigurationItems items) {
        Set<Integer> open = new TreeSet<>();
        for (Ingress p : Ingress.of(item.configuration())) {
            for (int port : blocked(parameters)) {
                if (p.openToWorld() && p.admitsTcp(port)) {
                    open.add(port);
                }
            }
        }
        return open.isEmpty() ? item.compliant()
                : item.nonCompliant("Blocked TCP ports open to 0.0.0.0/0 or ::/0: " + open + ".");
    }

    private static Set<Integer> blocked(Map<String, String> parameters) {
        Set<Integer> ports = new TreeSet<>();
        for (int i = 1; i <= DEFAULTS.length; i++) {
            ports.add(Integer.parseInt(parameters.get("blockedPort" + i)));
        }
        for (PortRanges.Range r : PortRanges.parse(parameters.get("blockedPorts")).ranges()) {
            for (int port = r.from(); port <= r.to(); port++) {
                ports.add(port);
            }
        }
        return ports;
    }
}
