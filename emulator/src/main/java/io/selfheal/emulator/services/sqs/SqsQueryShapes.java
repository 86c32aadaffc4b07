package io.selfheal.emulator.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.protocol.XmlWriter;
import java.util.Map;

/**
 * SQS's query protocol names its members differently from its JSON protocol and flattens every list and map
 * ({@code Attribute.1.Name=…}, {@code <Message>…</Message><Message>…}). Requests are turned into the JSON shapes the
 * operations read; results back into the query shapes (SQS API Reference, "Making query API requests").
 */
final class SqsQueryShapes {
    /** Query list name -> JSON member, for flattened request lists. */
    private static final Map<String, String> REQUEST_LISTS = Map.of(
            "AttributeName", "AttributeNames",
            "MessageAttributeName", "MessageAttributeNames",
            "MessageSystemAttributeName", "MessageSystemAttributeNames",
            "TagKey", "TagKeys",
            "SendMessageBatchRequestEntry", "Entries",
            "DeleteMessageBatchRequestEntry", "Entries",
            "ChangeMessageVisibilityBatchRequestEntry", "Entries");
    private static final Map<String, String> RESULT_ENTRIES = Map.of(
            "SendMessageBatch", "SendMessageBatchResultEntry",
            "DeleteMessageBatch", "DeleteMessageBatchResultEntry",
            "ChangeMessageVisibilityBatch", "ChangeMessageVisibilityBatchResultEntry");

    private SqsQueryShapes() {
    }

    /** Rewrites query-shaped members in place into their JSON shapes; JSON requests pass unchanged. */
    static ObjectNode request(ObjectNode input) {
        REQUEST_LISTS.forEach((query, json) -> {
            JsonNode list = input.remove(query);
            if (list != null) {
                ArrayNode array = list.isArray() ? (ArrayNode) list : Json.array().add(list);
                if (json.equals("Entries")) {
                    array.forEach(e -> {
                        if (e.isObject()) {
                            request((ObjectNode) e);
                        }
                    });
                }
                input.set(json, array);
            }
        });
        moveMap(input, "Attribute", "Attributes", "Name", "Value");
        moveMap(input, "MessageAttribute", "MessageAttributes", "Name", "Value");
        JsonNode tags = input.get("Tag");
        moveMap(input, "Tag", "Tags", "Key", "Value");
        if (tags != null) {
            input.set("tags", input.get("Tags"));
        }
        return input;
    }

    private static void moveMap(ObjectNode input, String query, String json, String key, String value) {
        JsonNode entries = input.remove(query);
        if (entries == null) {
            return;
        }
        ObjectNode map = Json.object();
        for (JsonNode entry : entries.isArray() ? entries : Json.array().add(entries)) {
            map.set(entry.path(key).asText(), entry.get(value));
        }
        input.set(json, map);
    }

    /** The query shape of an operation's JSON-shaped result. */
    static JsonNode result(String operation, JsonNode result) {
        if (!(result instanceof ObjectNode in)) {
            return result;
        }
        ObjectNode out = in.deepCopy();
        flatten(out, "QueueUrls", "QueueUrl");
        flattenMap(out, "Attributes", "Attribute", "Name", "Value");
        flattenMap(out, "Tags", "Tag", "Key", "Value");
        if (out.has("Messages")) {
            ArrayNode messages = XmlWriter.flattened();
            for (JsonNode m : out.remove("Messages")) {
                ObjectNode message = (ObjectNode) m;
                flattenMap(message, "Attributes", "Attribute", "Name", "Value");
                flattenMap(message, "MessageAttributes", "MessageAttribute", "Name", "Value");
                messages.add(message);
            }
            out.set("Message", messages);
        }
        String entry = RESULT_ENTRIES.get(operation);
        if (entry != null) {
            flatten(out, "Successful", entry);
            flatten(out, "Failed", "BatchResultErrorEntry");
        }
        return out;
    }

    private static void flatten(ObjectNode node, String json, String query) {
        JsonNode list = node.remove(json);
        if (list != null) {
            ArrayNode flat = XmlWriter.flattened();
            list.forEach(flat::add);
            node.set(query, flat);
        }
    }

    private static void flattenMap(ObjectNode node, String json, String query, String key, String value) {
        JsonNode map = node.remove(json);
        if (map != null) {
            ArrayNode flat = XmlWriter.flattened();
            map.fields().forEachRemaining(e -> flat.add(Json.object().put(key, e.getKey()).set(value, e.getValue())));
            node.set(query, flat);
        }
    }
}
