package io.selfheal.emulator.services.iam;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.service.Params;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** IAM tags ({@code Tags.member.N.Key/Value}): at most 50 per entity, keys unique case-insensitively. */
final class Tags {
    static final int MAX = 50;

    private Tags() {
    }

    static Map<String, String> read(Params p) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (ObjectNode t : p.objects("Tags")) {
            Params tag = new Params(t, Params.QUERY);
            tags.put(tag.required("Key"), tag.string("Value", ""));
        }
        return tags;
    }

    /** Adds {@code more} to {@code tags} (a key given again replaces its value), within the quota. */
    static void merge(Map<String, String> tags, Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(tags);
        more.forEach((k, v) -> {
            merged.keySet().removeIf(existing -> existing.equalsIgnoreCase(k));
            merged.put(k, v);
        });
        if (merged.size() > MAX) {
            throw IamErrors.limitExceeded("The number of tags has reached the maximum limit.");
        }
        tags.clear();
        tags.putAll(merged);
    }

    static void remove(Map<String, String> tags, List<String> keys) {
        keys.forEach(k -> tags.keySet().removeIf(existing -> existing.equalsIgnoreCase(k)));
    }

    static ArrayNode json(Map<String, String> tags) {
        ArrayNode list = Json.array();
        tags.forEach((k, v) -> list.addObject().put("Key", k).put("Value", v));
        return list;
    }
}
