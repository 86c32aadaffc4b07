package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.selfheal.emulator.core.Json;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tags of rules and event buses, by ARN: the two EventBridge resources that take tags here. Removed with the
 * resource, so a resource created again under the same name starts untagged, as on AWS.
 */
final class TagStore {
    /** "Maximum number of tags per resource: 50" (tagging quotas). */
    static final int MAX_TAGS = 50;

    private final Map<String, Map<String, String>> byArn = new ConcurrentHashMap<>();

    /** Adds or overwrites tags; a resource may hold at most {@link #MAX_TAGS}. */
    void tag(String arn, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        byArn.compute(arn, (a, old) -> {
            Map<String, String> merged = old == null ? new LinkedHashMap<>() : new LinkedHashMap<>(old);
            merged.putAll(tags);
            if (merged.size() > MAX_TAGS) {
                throw EventsErrors.limitExceeded();
            }
            return merged;
        });
    }

    void untag(String arn, Collection<String> keys) {
        byArn.computeIfPresent(arn, (a, old) -> {
            Map<String, String> left = new LinkedHashMap<>(old);
            keys.forEach(left::remove);
            return left.isEmpty() ? null : left;
        });
    }

    void remove(String arn) {
        byArn.remove(arn);
    }

    /** As ListTagsForResource answers: {@code [{"Key":…,"Value":…}]}. */
    ArrayNode toJson(String arn) {
        ArrayNode array = Json.array();
        byArn.getOrDefault(arn, Map.of()).forEach((k, v) -> array.addObject().put("Key", k).put("Value", v));
        return array;
    }
}
