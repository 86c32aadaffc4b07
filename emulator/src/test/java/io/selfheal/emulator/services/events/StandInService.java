package io.selfheal.emulator.services.events;

import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.AwsServiceProvider;
import io.selfheal.emulator.service.Operations;
import java.util.function.Consumer;

/**
 * A service with no operations that only wires itself to the internal bus: how a test stands in for a service the
 * emulator talks to (CloudWatch receiving metrics, a Lambda that holds an invocation) without its wire API.
 */
final class StandInService {
    private StandInService() {
    }

    /** A provider whose service runs {@code wiring} on the emulator's context when created. */
    static AwsServiceProvider wiredBy(String signingName, Consumer<EmulatorContext> wiring) {
        return context -> {
            wiring.accept(context);
            return new AwsService() {
                @Override
                public ServiceDescriptor descriptor() {
                    return ServiceDescriptor.json11(signingName, "StandIn" + signingName.replace("-", ""));
                }

                @Override
                public Operations operations() {
                    return new Operations("test");
                }
            };
        };
    }
}
