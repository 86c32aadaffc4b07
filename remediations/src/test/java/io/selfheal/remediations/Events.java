package io.selfheal.remediations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads the sample events under {@code src/test/resources/events/}, copied verbatim from
 * {@code shared/reference-events/}, as the nested maps the Lambda runtime hands a {@code Map} handler.
 */
final class Events {

    static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    static Map<String, Object> load(String name) {
        try (InputStream in = Events.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /events/" + name);
            }
            return JSON.readValue(in, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The EventBridge rule's input transformer output for the scenario's alarm. */
    static Map<String, Object> transformed(String instanceId, String state, String timestamp) {
        return Map.of("instance_id", instanceId, "alarm_name", "EC2-CPU-High-webserver-prod",
                "state_value", state, "state_timestamp", timestamp);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> child(Map<String, Object> node, String... keys) {
        Map<String, Object> current = node;
        for (String key : keys) {
            current = (Map<String, Object>) current.get(key);
        }
        return current;
    }
}
