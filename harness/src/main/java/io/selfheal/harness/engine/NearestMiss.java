package io.selfheal.harness.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Why an event did not match a rule: the pattern is cut into one sub-pattern per leaf field path
 * ({@code detail.state.value}, or a {@code $or} where it stands) and each is tried on the event with EventBridge's
 * TestEventPattern — the cloud's own matcher (Event Ruler, in the emulator), never a second one written here. The
 * leaves that fail, with what the event had there, are the miss; the rule with the fewest is the nearest miss.
 */
final class NearestMiss {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param path the field path, dotted; {@code expected} the pattern's value there; {@code had} the event's */
    record FieldMiss(String path, String expected, String had) {
        @Override
        public String toString() {
            return path + " expected " + expected + ", event had " + had;
        }
    }

    private final EventBridgeClient events;

    NearestMiss(EventBridgeClient events) {
        this.events = events;
    }

    /**
     * The leaves of {@code pattern} that {@code event} fails; empty when every leaf matches on its own (then only
     * their combination fails, or the whole pattern matches).
     */
    List<FieldMiss> misses(String pattern, JsonNode event) {
        JsonNode root;
        try {
            root = JSON.readTree(pattern);
        } catch (JsonProcessingException e) {
            return List.of(new FieldMiss("(pattern)", "valid JSON", "an unreadable pattern: " + e.getOriginalMessage()));
        }
        List<FieldMiss> misses = new ArrayList<>();
        String eventText = event.toString();
        for (List<String> path : leaves(root, new ArrayList<>(), new ArrayList<>())) {
            JsonNode leaf = at(root, path);
            boolean matched;
            try {
                matched = matches(nest(path, leaf), eventText);
            } catch (RuntimeException e) {
                misses.add(new FieldMiss(String.join(".", path), leaf.toString(), "(TestEventPattern refused the "
                        + "sub-pattern: " + e.getMessage() + ")"));
                continue;
            }
            if (!matched) {
                boolean or = path.get(path.size() - 1).equals("$or");
                List<String> field = or ? path.subList(0, path.size() - 1) : path;
                JsonNode had = at(event, field);
                misses.add(new FieldMiss(field.isEmpty() ? "$or" : String.join(".", field) + (or ? " ($or)" : ""),
                        leaf.toString(), had == null ? "no such field" : had.toString()));
            }
        }
        return misses;
    }

    /** The whole pattern against the event, as EventBridge decides it. */
    boolean matches(String pattern, String event) {
        return Boolean.TRUE.equals(events.testEventPattern(r -> r.eventPattern(pattern).event(event)).result());
    }

    /** Every path from the root to a value that is not a plain object (a list of values, or a {@code $or}). */
    private static List<List<String>> leaves(JsonNode node, List<String> prefix, List<List<String>> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            List<String> path = new ArrayList<>(prefix);
            path.add(field.getKey());
            if (field.getValue().isObject() && !field.getKey().startsWith("$")) {
                leaves(field.getValue(), path, out);
            } else {
                out.add(path);
            }
        }
        return out;
    }

    private static String nest(List<String> path, JsonNode leaf) {
        JsonNode node = leaf;
        for (int i = path.size() - 1; i >= 0; i--) {
            ObjectNode parent = JSON.createObjectNode();
            parent.set(path.get(i), node);
            node = parent;
        }
        return node.toString();
    }

    private static JsonNode at(JsonNode node, List<String> path) {
        JsonNode current = node;
        for (String key : path) {
            current = current == null ? null : current.get(key);
        }
        return current;
    }
}
