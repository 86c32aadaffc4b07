package io.selfheal.emulator.services.config.managed;

import io.selfheal.emulator.services.config.ConfigurationItems;
import io.selfheal.emulator.services.config.RuleEvaluation;
import java.util.Map;

/**
 * {@code restricted-ssh} (INCOMING_SSH_DISABLED): NON_COMPLIANT when an inbound permission admits TCP port 22 (a
 * range covering it, or all traffic) from 0.0.0.0/0 or ::/0.
 * https://docs.aws.amazon.com/config/latest/developerguide/restricted-ssh.html
 */
public final class RestrictedSsh extends SingleResourceRule {
    private static final int SSH = 22;

    public RestrictedSsh() {
        super("INCOMING_SSH_DISABLED", SECURITY_GROUP, Trigger.CHANGES_AND_PERIODIC);
    }

    @Override
    RuleEvaluation judge(ConfigItem item, Map<String, String> parameters, ConfigurationItems items) {
        boolean open = Ingress.of(item.configuration()).stream().anyMatch(p -> p.openToWorld() && p.admitsTcp(SSH));
        return open ? item.nonCompliant("Port 22 (SSH) is open to 0.0.0.0/0 or ::/0.") : item.compliant();
    }
}
