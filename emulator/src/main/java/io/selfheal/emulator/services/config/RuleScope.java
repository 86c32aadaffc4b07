package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule's {@code Scope} (https://docs.aws.amazon.com/config/latest/APIReference/API_Scope.html): resource types,
 * one resource id (with exactly one type), or a tag key with an optional value. An empty scope takes every resource
 * the rule can evaluate.
 */
record RuleScope(List<String> resourceTypes, String resourceId, String tagKey, String tagValue) {
    static final RuleScope ALL = new RuleScope(List.of(), null, null, null);
    private static final int MAX_TYPES = 100;

    static RuleScope parse(JsonNode node) {
        if (node == null || node.isNull()) {
            return ALL;
        }
        List<String> types = new ArrayList<>();
        node.path("ComplianceResourceTypes").forEach(t -> types.add(t.asText()));
        if (types.size() > MAX_TYPES) {
            throw ConfigErrors.validation("1 validation error detected: Value at 'configRule.scope."
                    + "complianceResourceTypes' failed to satisfy constraint: Member must have length less than or "
                    + "equal to " + MAX_TYPES);
        }
        String id = text(node, "ComplianceResourceId");
        String key = text(node, "TagKey");
        String value = text(node, "TagValue");
        if (id != null && types.size() != 1) {
            throw ConfigErrors.invalidParameter("A ComplianceResourceId requires exactly one ComplianceResourceType "
                    + "in the scope of the rule.");
        }
        if (id != null && key != null) {
            throw ConfigErrors.invalidParameter("Scope cannot be applied to both resource and tag");
        }
        if (value != null && key == null) {
            throw ConfigErrors.invalidParameter("TagValue requires a TagKey in the scope of the rule.");
        }
        return new RuleScope(List.copyOf(types), id, key, value);
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    boolean isEmpty() {
        return resourceTypes.isEmpty() && resourceId == null && tagKey == null;
    }

    /** Whether a configuration item (notification shape) is in this scope. */
    boolean matches(ObjectNode item) {
        if (item == null) {
            return false;
        }
        if (!resourceTypes.isEmpty() && !resourceTypes.contains(item.path("resourceType").asText())) {
            return false;
        }
        if (resourceId != null && !resourceId.equals(item.path("resourceId").asText())) {
            return false;
        }
        if (tagKey != null) {
            JsonNode tag = item.path("tags").get(tagKey);
            return tag != null && (tagValue == null || tagValue.equals(tag.asText()));
        }
        return true;
    }

    ObjectNode toJson() {
        ObjectNode out = Json.object();
        if (!resourceTypes.isEmpty()) {
            resourceTypes.forEach(out.putArray("ComplianceResourceTypes")::add);
        }
        if (resourceId != null) {
            out.put("ComplianceResourceId", resourceId);
        }
        if (tagKey != null) {
            out.put("TagKey", tagKey);
        }
        if (tagValue != null) {
            out.put("TagValue", tagValue);
        }
        return out;
    }
}
