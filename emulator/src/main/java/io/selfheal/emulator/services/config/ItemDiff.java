package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code configurationItemDiff} of a change notification: {@code changeType} ({@code CREATE}, {@code UPDATE},
 * {@code DELETE}) and {@code changedProperties} keyed by path, e.g. {@code Configuration.ipPermissions.0}, each with
 * {@code previousValue}, {@code updatedValue} and its own {@code changeType}
 * (https://docs.aws.amazon.com/config/latest/developerguide/example-sns-notification.html). Objects are compared
 * member by member, lists element by element (an element is one property, as AWS reports a permission).
 */
final class ItemDiff {
    private static final Map<String, String> SECTIONS = Map.of("configuration", "Configuration",
            "supplementaryConfiguration", "SupplementaryConfiguration", "relationships", "Relationships",
            "tags", "Tags");

    private ItemDiff() {
    }

    static String changeType(ObjectNode previous, ObjectNode current) {
        if (current.path("configurationItemStatus").asText().startsWith("ResourceDeleted")) {
            return "DELETE";
        }
        return previous == null ? "CREATE" : "UPDATE";
    }

    static ObjectNode of(ObjectNode previous, ObjectNode current) {
        ObjectNode diff = Json.object();
        ObjectNode changed = diff.putObject("changedProperties");
        String type = changeType(previous, current);
        if (type.equals("UPDATE")) {
            SECTIONS.forEach((member, path) -> compare(path, previous.get(member), current.get(member), changed));
        }
        diff.put("changeType", type);
        return diff;
    }

    private static void compare(String path, JsonNode before, JsonNode after, ObjectNode out) {
        boolean hadBefore = before != null && !before.isNull();
        boolean hasAfter = after != null && !after.isNull();
        if (!hadBefore && !hasAfter || hadBefore && hasAfter && before.equals(after)) {
            return;
        }
        if (hadBefore && hasAfter && before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            names.forEach(n -> compare(path + "." + n, before.get(n), after.get(n), out));
            return;
        }
        if ((!hadBefore || before.isArray()) && (!hasAfter || after.isArray())) {
            int size = Math.max(hadBefore ? before.size() : 0, hasAfter ? after.size() : 0);
            for (int i = 0; i < size; i++) {
                leaf(path + "." + i, hadBefore ? before.get(i) : null, hasAfter ? after.get(i) : null, out);
            }
            return;
        }
        leaf(path, before, after, out);
    }

    private static void leaf(String path, JsonNode before, JsonNode after, ObjectNode out) {
        boolean hadBefore = before != null && !before.isNull();
        boolean hasAfter = after != null && !after.isNull();
        if (hadBefore && hasAfter && before.equals(after) || !hadBefore && !hasAfter) {
            return;
        }
        ObjectNode change = out.putObject(path);
        change.set("previousValue", hadBefore ? before : null);
        change.set("updatedValue", hasAfter ? after : null);
        change.put("changeType", !hadBefore ? "CREATE" : !hasAfter ? "DELETE" : "UPDATE");
    }
}
