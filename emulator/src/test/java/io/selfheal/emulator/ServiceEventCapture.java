package io.selfheal.emulator;

import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.messages.ServiceEvent;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.AwsServiceProvider;
import io.selfheal.emulator.service.Operations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for EventBridge in tests: a service with no operations that records every {@link ServiceEvent}
 * published on the bus. Add it with {@code Emulator.builder().service(capture)}.
 */
public final class ServiceEventCapture implements AwsServiceProvider {
    private final List<ServiceEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public AwsService create(io.selfheal.emulator.core.EmulatorContext context) {
        context.bus().subscribe(ServiceEvent.class, events::add);
        return new AwsService() {
            @Override
            public ServiceDescriptor descriptor() {
                return ServiceDescriptor.json11("selfheal-test-capture", "SelfhealTestCapture");
            }

            @Override
            public Operations operations() {
                return new Operations("test");
            }
        };
    }

    public List<ServiceEvent> all() {
        return List.copyOf(events);
    }

    /** The events about one resource ARN, in arrival order. */
    public List<ServiceEvent> about(String resourceArn) {
        return events.stream().filter(e -> e.resources().contains(resourceArn)).toList();
    }

    /** A reference event from {@code src/test/resources/reference-events}. */
    public static com.fasterxml.jackson.databind.JsonNode reference(String name) {
        try (InputStream in = ServiceEventCapture.class.getResourceAsStream("/reference-events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no reference event " + name);
            }
            return Json.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
