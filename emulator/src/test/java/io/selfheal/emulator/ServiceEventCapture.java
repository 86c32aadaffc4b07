package io.selfheal.emulator;

import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.messages.ServiceEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The {@link ServiceEvent}s an emulator's services published (what EventBridge receives), read from a
 * {@link BusProbe} recording them: {@code EmulatorExtension.realTime().recording(ServiceEvent.class)}.
 */
public final class ServiceEventCapture {
    private final EmulatorExtension aws;

    public ServiceEventCapture(EmulatorExtension aws) {
        this.aws = aws;
    }

    public List<ServiceEvent> all() {
        return aws.bus().published(ServiceEvent.class);
    }

    /** The events about one resource ARN, in arrival order. */
    public List<ServiceEvent> about(String resourceArn) {
        return all().stream().filter(e -> e.resources().contains(resourceArn)).toList();
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
