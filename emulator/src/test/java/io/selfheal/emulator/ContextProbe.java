package io.selfheal.emulator;

import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.AwsServiceProvider;
import io.selfheal.emulator.service.Operations;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A do-nothing service whose only purpose is to hand a test the emulator's context, and so its internal bus and
 * clock: {@code Emulator.builder().port(0).service(probe).start()}, then {@code probe.context()}.
 */
public final class ContextProbe implements AwsServiceProvider {
    private final AtomicReference<EmulatorContext> context = new AtomicReference<>();

    public EmulatorContext context() {
        return context.get();
    }

    @Override
    public AwsService create(EmulatorContext emulatorContext) {
        context.set(emulatorContext);
        return new AwsService() {
            @Override
            public ServiceDescriptor descriptor() {
                return ServiceDescriptor.restJson("selfheal-test-probe");
            }

            @Override
            public Operations operations() {
                return new Operations("test");
            }
        };
    }
}
