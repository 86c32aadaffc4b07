package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.protocol.TimestampNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * A stored item (notification shape) in the API's shapes: {@code ConfigurationItem} of GetResourceConfigHistory and
 * {@code BaseConfigurationItem} of BatchGetResourceConfig
 * (https://docs.aws.amazon.com/config/latest/APIReference/API_ConfigurationItem.html): {@code configuration} as a JSON
 * string, supplementary values as strings, relationships naming {@code relationshipName}, times as timestamps and
 * the state id as a string.
 */
final class ApiItems {
    private ApiItems() {
    }

    static ObjectNode historyItem(ObjectNode item) {
        ObjectNode out = base(item);
        out.put("configurationItemMD5Hash", item.path("configurationStateMd5Hash").asText(""));
        ObjectNode tags = out.putObject("tags");
        item.path("tags").fields().forEachRemaining(t -> tags.set(t.getKey(), t.getValue()));
        out.putArray("relatedEvents");
        ArrayNode related = out.putArray("relationships");
        for (JsonNode r : item.path("relationships")) {
            ObjectNode rel = related.addObject().put("resourceType", r.path("resourceType").asText())
                    .put("resourceId", r.path("resourceId").asText())
                    .put("relationshipName", r.path("name").asText());
            if (r.hasNonNull("resourceName")) {
                rel.put("resourceName", r.path("resourceName").asText());
            }
        }
        return out;
    }

    static ObjectNode baseItem(ObjectNode item) {
        return base(item);
    }

    private static ObjectNode base(ObjectNode item) {
        ObjectNode out = Json.object().put("version", item.path("configurationItemVersion").asText())
                .put("accountId", item.path("awsAccountId").asText());
        out.set("configurationItemCaptureTime", time(item.path("configurationItemCaptureTime").asText()));
        out.put("configurationItemStatus", item.path("configurationItemStatus").asText())
                .put("configurationStateId", item.path("configurationStateId").asText());
        text(out, "arn", item.path("ARN"));
        out.put("resourceType", item.path("resourceType").asText())
                .put("resourceId", item.path("resourceId").asText());
        text(out, "resourceName", item.path("resourceName"));
        out.put("awsRegion", item.path("awsRegion").asText());
        text(out, "availabilityZone", item.path("availabilityZone"));
        if (item.hasNonNull("resourceCreationTime")) {
            out.set("resourceCreationTime", time(item.path("resourceCreationTime").asText()));
        }
        JsonNode configuration = item.path("configuration");
        if (!configuration.isNull() && !configuration.isMissingNode()) {
            out.put("configuration", Json.write(configuration));
        }
        ObjectNode supplementary = out.putObject("supplementaryConfiguration");
        for (Iterator<Map.Entry<String, JsonNode>> it = item.path("supplementaryConfiguration").fields();
             it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            supplementary.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText()
                    : Json.write(e.getValue()));
        }
        out.put("recordingFrequency", "CONTINUOUS");
        return out;
    }

    private static TimestampNode time(String iso) {
        return TimestampNode.of(Instant.parse(iso));
    }

    private static void text(ObjectNode out, String field, JsonNode value) {
        if (value.isTextual()) {
            out.put(field, value.asText());
        }
    }
}
