package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The {@code configurationItemDiff} of a change notification
 * (https://aws.amazon.com/premiumsupport/knowledge-center/config-configurationitemdiff/): {@code changeType}
 * {@code CREATE}, {@code UPDATE} or {@code DELETE}, and {@code changedProperties} keyed by path —
 * {@code Configuration.<Property>} for a top-level property of the configuration (its name capitalised),
 * {@code Configuration.<Property>.<index>} per element of a list, {@code Relationships.<index>} and
 * {@code SupplementaryConfiguration.<Name>} — each with {@code previousValue}, {@code updatedValue} and its own
 * {@code changeType}. List elements are matched by value, so an element added or removed anywhere is one CREATE or
 * DELETE, as AWS shows a rule authorised or revoked.
 */
final class ItemDiff {
    private ItemDiff() {
    }

    /** {@code CREATE}, {@code UPDATE} or {@code DELETE}, as a change notification's summary says it. */
    static String changeType(ObjectNode previous, ObjectNode current) {
        return ConfigItems.deleted(current) ? "DELETE" : previous == null ? "CREATE" : "UPDATE";
    }

    static ObjectNode of(ObjectNode previous, ObjectNode current) {
        ObjectNode diff = Json.object();
        ObjectNode changed = diff.putObject("changedProperties");
        String changeType = changeType(previous, current);
        if (previous != null) {
            fields(changed, "Configuration", previous.path("configuration"), current.path("configuration"), true);
            list(changed, "Relationships", previous.path("relationships"), current.path("relationships"));
            fields(changed, "SupplementaryConfiguration", previous.path("supplementaryConfiguration"),
                    current.path("supplementaryConfiguration"), false);
        }
        diff.put("changeType", changeType);
        return diff;
    }

    private static void fields(ObjectNode changed, String prefix, JsonNode before, JsonNode after,
                               boolean capitalise) {
        Set<String> names = new LinkedHashSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode was = before.path(name);
            JsonNode now = after.path(name);
            String path = prefix + "." + (capitalise ? Character.toUpperCase(name.charAt(0)) + name.substring(1) : name);
            if (was.isArray() && now.isArray()) {
                list(changed, path, was, now);
            } else if (!was.equals(now)) {
                change(changed, path, was, now);
            }
        }
    }

    private static void list(ObjectNode changed, String path, JsonNode before, JsonNode after) {
        int i = 0;
        for (Iterator<JsonNode> it = before.elements(); it.hasNext(); i++) {
            JsonNode was = it.next();
            if (!contains(after, was)) {
                change(changed, path + "." + i, was, NullNode.getInstance());
            }
        }
        i = 0;
        for (Iterator<JsonNode> it = after.elements(); it.hasNext(); i++) {
            JsonNode now = it.next();
            if (!contains(before, now)) {
                change(changed, path + "." + i, NullNode.getInstance(), now);
            }
        }
    }

    private static boolean contains(JsonNode list, JsonNode element) {
        for (JsonNode e : list) {
            if (e.equals(element)) {
                return true;
            }
        }
        return false;
    }

    private static void change(ObjectNode changed, String path, JsonNode was, JsonNode now) {
        boolean before = !was.isMissingNode() && !was.isNull();
        boolean after = !now.isMissingNode() && !now.isNull();
        ObjectNode entry = changed.putObject(path);
        entry.set("previousValue", before ? was : NullNode.getInstance());
        entry.set("updatedValue", after ? now : NullNode.getInstance());
        entry.put("changeType", !before ? "CREATE" : !after ? "DELETE" : "UPDATE");
    }
}
