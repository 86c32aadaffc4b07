package io.selfheal.emulator.services.config.managed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.services.config.RuleEvaluation;
import java.util.LinkedHashMap;
import java.util.Map;

/** One configuration item in the notification shape, read the way the managed rules need it. */
record ConfigItem(ObjectNode node) {

    String resourceType() {
        return node.path("resourceType").asText();
    }

    String resourceId() {
        return node.path("resourceId").asText();
    }

    String accountId() {
        return node.path("awsAccountId").asText();
    }

    String region() {
        return node.path("awsRegion").asText();
    }

    /** {@code ResourceDeleted} (or {@code ResourceDeletedNotRecorded}): the rules answer NOT_APPLICABLE. */
    boolean deleted() {
        return node.path("configurationItemStatus").asText().startsWith("ResourceDeleted");
    }

    /** The owning service's Describe shape; AWS sends it as an object (a string in some older deliveries). */
    JsonNode configuration() {
        return parsedIfText(node.path("configuration"));
    }

    /** A {@code supplementaryConfiguration} entry, objects and JSON strings alike (S3's ACL arrives as a string). */
    JsonNode supplementary(String name) {
        return parsedIfText(node.path("supplementaryConfiguration").path(name));
    }

    /** The item's {@code tags} map (key to value). */
    Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        node.path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
        return tags;
    }

    RuleEvaluation compliant() {
        return result("COMPLIANT", null);
    }

    RuleEvaluation nonCompliant(String annotation) {
        return result("NON_COMPLIANT", annotation);
    }

    RuleEvaluation notApplicable() {
        return result("NOT_APPLICABLE", null);
    }

    private RuleEvaluation result(String complianceType, String annotation) {
        return new RuleEvaluation(resourceType(), resourceId(), complianceType, annotation);
    }

    private static JsonNode parsedIfText(JsonNode value) {
        if (!value.isTextual()) {
            return value;
        }
        try {
            return Json.parse(value.asText());
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }
}
