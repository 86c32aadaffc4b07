package io.selfheal.emulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.http.MalformedRequestException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns flattened query parameters into the same JSON tree a JSON protocol would carry:
 * {@code InstanceId.1=i-1} becomes {@code "InstanceId": ["i-1"]}, {@code Dimensions.member.1.Name=x} becomes
 * {@code "Dimensions": [{"Name": "x"}]}, and {@code Attributes.entry.1.key=k&Attributes.entry.1.value=v}
 * becomes {@code "Attributes": {"k": "v"}} (also with the {@code Name}/{@code Value} member names some models give their
 * maps, e.g. SNS {@code MessageAttributes.entry.1.Name}). Scalars stay strings: the query protocol carries no types.
 */
public final class FormTree {
    /**
     * The deepest key any model needs is CloudWatch's
     * {@code MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name} (9 parts): twice that is
     * generous, and keeps a key of thousands of parts from building a tree deeper than the stack.
     */
    static final int MAX_KEY_PARTS = 20;

    private FormTree() {
    }

    /** @throws MalformedRequestException for a key with more than {@link #MAX_KEY_PARTS} dotted parts */
    public static ObjectNode of(Map<String, String> params) {
        ObjectNode root = Json.object();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getKey().equals("Action") || e.getKey().equals("Version")) {
                continue;
            }
            String[] path = e.getKey().split("\\.", MAX_KEY_PARTS + 1);
            if (path.length > MAX_KEY_PARTS) {
                throw new MalformedRequestException("The query parameter name "
                        + e.getKey().substring(0, Math.min(64, e.getKey().length())) + "... nests deeper than "
                        + MAX_KEY_PARTS + " levels.");
            }
            put(root, path, e.getValue());
        }
        return (ObjectNode) normalize(root);
    }

    private static void put(ObjectNode root, String[] path, String value) {
        ObjectNode node = root;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode child = node.get(path[i]);
            if (!(child instanceof ObjectNode)) {
                child = node.putObject(path[i]);
            }
            node = (ObjectNode) child;
        }
        node.put(path[path.length - 1], value);
    }

    private static JsonNode normalize(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            return node;
        }
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            object.set(name, normalize(object.get(name)));
        }
        if (!names.isEmpty() && names.stream().allMatch(FormTree::isIndex)) {
            ArrayNode array = Json.array();
            names.stream().sorted((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)))
                    .forEach(n -> array.add(object.get(n)));
            return array;
        }
        if (names.size() == 1 && (names.get(0).equals("member") || names.get(0).equals("item"))
                && object.get(names.get(0)).isArray()) {
            return object.get(names.get(0));
        }
        if (names.size() == 1 && names.get(0).equals("entry") && object.get("entry").isArray()) {
            ObjectNode map = Json.object();
            for (Iterator<JsonNode> it = object.get("entry").elements(); it.hasNext(); ) {
                JsonNode entry = it.next();
                if (entry.has("key")) {
                    map.set(entry.get("key").asText(), entry.get("value"));
                } else if (entry.has("Name")) {
                    // Maps whose model names key and value (SNS MessageAttributes: entry.1.Name, entry.1.Value.*).
                    map.set(entry.get("Name").asText(), entry.get("Value"));
                }
            }
            return map;
        }
        return object;
    }

    private static boolean isIndex(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
