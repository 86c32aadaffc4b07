package io.selfheal.emulator.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * Validates and enqueues one message, for SendMessage, each SendMessageBatch entry and bus deliveries, with the
 * checks and wording of the SendMessage API reference.
 */
final class MessageSender {
    private static final int MAX_ATTRIBUTES = 10;

    private MessageSender() {
    }

    /** A message to send: the JSON-shaped SendMessage members. */
    record Request(String body, JsonNode attributes, Integer delaySeconds, String groupId, String deduplicationId) {
        static Request of(JsonNode input) {
            JsonNode delay = input.get("DelaySeconds");
            Integer delaySeconds = null;
            if (delay != null && !delay.isNull()) {
                try {
                    delaySeconds = delay.isIntegralNumber() ? delay.intValue() : Integer.parseInt(delay.asText());
                } catch (NumberFormatException e) {
                    throw SqsErrors.invalidParameter("DelaySeconds", delay.asText(), "Must be an integer.");
                }
            }
            return new Request(text(input, "MessageBody"), input.get("MessageAttributes"), delaySeconds,
                    text(input, "MessageGroupId"), text(input, "MessageDeduplicationId"));
        }

        private static String text(JsonNode input, String name) {
            JsonNode n = input.get(name);
            return n == null || n.isNull() ? null : n.asText();
        }
    }

    static SqsQueue.Sent send(SqsQueue queue, Request r, String senderId, Instant now) {
        if (r.body() == null || r.body().isEmpty()) {
            throw SqsErrors.missingParameter("MessageBody");
        }
        if (!validCharacters(r.body())) {
            throw SqsErrors.invalidMessageContents();
        }
        ObjectNode attributes = attributes(r.attributes());
        int size = r.body().getBytes(StandardCharsets.UTF_8).length + size(attributes);
        int limit = Integer.parseInt(queue.attribute("MaximumMessageSize"));
        if (size > limit) {
            throw SqsErrors.invalidParameter("One or more parameters are invalid. Reason: Message must be shorter than "
                    + limit + " bytes.");
        }
        if (r.delaySeconds() != null && (r.delaySeconds() < 0 || r.delaySeconds() > 900)) {
            throw SqsErrors.invalidParameter("DelaySeconds", r.delaySeconds().toString(),
                    "DelaySeconds must be >= 0 and <= 900.");
        }
        String deduplicationId = r.deduplicationId();
        if (queue.fifo) {
            if (r.delaySeconds() != null && r.delaySeconds() != 0) {
                throw SqsErrors.invalidParameter("DelaySeconds", r.delaySeconds().toString(),
                        "The request include parameter that is not valid for this queue type.");
            }
            if (r.groupId() == null || r.groupId().isEmpty()) {
                throw SqsErrors.missingParameter("MessageGroupId");
            }
            if (deduplicationId == null) {
                if (!queue.contentBasedDeduplication()) {
                    throw SqsErrors.invalidParameter("The queue should either have ContentBasedDeduplication enabled"
                            + " or MessageDeduplicationId provided explicitly");
                }
                deduplicationId = Md5s.sha256(r.body());
            }
        } else if (deduplicationId != null) {
            throw SqsErrors.invalidParameter("MessageDeduplicationId", deduplicationId,
                    "The request includes a parameter that is not valid for this queue type.");
        }
        return queue.send(r.body(), attributes, r.delaySeconds(), senderId, r.groupId(), deduplicationId, now);
    }

    /** Checks message attributes and returns a clean copy: name -> {DataType, StringValue | BinaryValue}. */
    static ObjectNode attributes(JsonNode raw) {
        ObjectNode out = Json.object();
        if (raw == null || raw.isNull() || !raw.isObject()) {
            return out;
        }
        if (raw.size() > MAX_ATTRIBUTES) {
            throw SqsErrors.invalidParameter("Number of message attributes [" + raw.size()
                    + "] exceeds the allowed maximum [" + MAX_ATTRIBUTES + "].");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = raw.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            String type = e.getValue().path("DataType").asText("");
            if (type.isEmpty()) {
                throw SqsErrors.invalidParameter("The message attribute '" + name
                        + "' must contain non-empty message attribute type.");
            }
            ObjectNode value = out.putObject(name).put("DataType", type);
            if (type.startsWith("Binary")) {
                String binary = e.getValue().path("BinaryValue").asText("");
                if (binary.isEmpty()) {
                    throw emptyValue(name, "Binary");
                }
                try {
                    Base64.getDecoder().decode(binary);
                } catch (IllegalArgumentException bad) {
                    throw SqsErrors.invalidParameter("The message attribute '" + name + "' has an invalid binary value.");
                }
                value.put("BinaryValue", binary);
            } else if (type.startsWith("String") || type.startsWith("Number")) {
                String string = e.getValue().path("StringValue").asText("");
                if (string.isEmpty()) {
                    throw emptyValue(name, type.startsWith("String") ? "String" : "Number");
                }
                if (type.startsWith("Number") && !string.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
                    throw SqsErrors.invalidParameter("Can't cast the value of message (user) attribute '" + name
                            + "' to a number.");
                }
                value.put("StringValue", string);
            } else {
                throw SqsErrors.invalidParameter("The type of message (user) attribute '" + name
                        + "' is invalid. You must use only the following supported type prefixes: Binary, Number, String.");
            }
        }
        return out;
    }

    private static RuntimeException emptyValue(String name, String type) {
        return SqsErrors.invalidParameter("The message attribute '" + name
                + "' must contain non-empty message attribute value for message attribute type '" + type + "'.");
    }

    private static int size(ObjectNode attributes) {
        int size = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = attributes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            size += e.getKey().length() + e.getValue().path("DataType").asText().length();
            size += e.getValue().has("BinaryValue")
                    ? Base64.getDecoder().decode(e.getValue().get("BinaryValue").asText()).length
                    : e.getValue().path("StringValue").asText().getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }

    /** The characters SQS accepts: #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF. */
    static boolean validCharacters(String body) {
        return body.codePoints().allMatch(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF));
    }
}
