package io.selfheal.emulator.services.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.service.Params;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tag lists ({@code Tag.N.Key/Value}) with EC2's restrictions ("Tag your Amazon EC2 resources", tag restrictions). */
final class Tags {
    static final int MAX_PER_RESOURCE = 50;
    private static final int MAX_KEY_LENGTH = 128;
    private static final int MAX_VALUE_LENGTH = 256;

    private Tags() {
    }

    /** Parses tags to set; a missing value is the empty string, as EC2 stores it. */
    static Map<String, String> parse(List<ObjectNode> tags, Params.Errors errors) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ObjectNode tag : tags) {
            String key = text(tag.get("Key"));
            if (key == null) {
                throw errors.missing("Tag.Key");
            }
            String value = text(tag.get("Value"));
            value = value == null ? "" : value;
            checkKey(key);
            if (value.length() > MAX_VALUE_LENGTH) {
                throw Ec2Errors.invalidParameter("Tag value exceeds the maximum length of " + MAX_VALUE_LENGTH
                        + " characters");
            }
            if (out.containsKey(key)) {
                throw Ec2Errors.invalidParameter("Duplicate tag key '" + key + "' specified.");
            }
            out.put(key, value);
        }
        return out;
    }

    static void checkKey(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw Ec2Errors.invalidParameter("Tag key must be between 1 and " + MAX_KEY_LENGTH + " characters");
        }
        if (key.toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
            throw Ec2Errors.invalidParameter("Tag keys starting with 'aws:' are reserved for internal use");
        }
    }

    /** Refuses when {@code existing} plus {@code added} would exceed the per-resource limit. */
    static void checkLimit(Map<String, String> existing, Map<String, String> added) {
        long total = existing.size() + added.keySet().stream().filter(k -> !existing.containsKey(k)).count();
        if (total > MAX_PER_RESOURCE) {
            throw AwsException.badRequest("TagLimitExceeded",
                    "The maximum number of Tags for a resource has been reached.");
        }
    }

    /**
     * The tags of {@code TagSpecification.N} for a call that creates one resource type; a specification for another
     * type is refused as EC2 does.
     */
    static Map<String, String> specified(Params p, String resourceType) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (ObjectNode spec : p.objects("TagSpecification")) {
            Params s = new Params(spec, p.errors());
            String type = s.string("ResourceType");
            if (type == null) {
                throw p.errors().missing("TagSpecification.ResourceType");
            }
            if (!type.equals(resourceType)) {
                throw Ec2Errors.invalidParameter(
                        "'" + type + "' is not a valid taggable resource type for this operation.");
            }
            Map<String, String> parsed = parse(s.objects("Tag"), p.errors());
            checkLimit(tags, parsed);
            tags.putAll(parsed);
        }
        return tags;
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
