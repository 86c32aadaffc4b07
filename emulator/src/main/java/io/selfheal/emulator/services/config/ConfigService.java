package io.selfheal.emulator.services.config;

import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.AwsServiceProvider;
import io.selfheal.emulator.service.Operations;

/** AWS Config: recording (recorder, delivery channel, configuration items) and rules (evaluation, compliance). */
public final class ConfigService implements AwsService {
    private static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.json11("config", "StarlingDoveService");

    /** ServiceLoader entry. */
    public static final class Provider implements AwsServiceProvider {
        @Override
        public AwsService create(EmulatorContext context) {
            return new ConfigService(context);
        }
    }

    private final Operations operations = new Operations("config");

    public ConfigService(EmulatorContext context) {
        // Recording: recorder, delivery channel, configuration items.

        // Rules: evaluation, compliance, remediation configurations.
    }

    @Override
    public String displayName() {
        return "AWS Config";
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Operations operations() {
        return operations;
    }

    @Override
    public void reset() {
    }
}
