package io.selfheal.emulator.services.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.Json;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads and validates Publish's MessageAttributes, in SNS's words (ParameterValueInvalid). */
final class MessageAttributes {
    private static final int MAX = 10;

    private MessageAttributes() {
    }

    /** @param node the map name → {DataType, StringValue, BinaryValue} (FormTree's reading of the query map) */
    static Map<String, MessageAttribute> parse(JsonNode node) {
        Map<String, MessageAttribute> out = new LinkedHashMap<>();
        if (node == null || !node.isObject()) {
            return out;
        }
        if (node.size() > MAX) {
            throw SnsErrors.parameterValueInvalid("Number of message attributes [" + node.size()
                    + "] exceeds the allowed maximum [" + MAX + "].");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), attribute(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static MessageAttribute attribute(String name, JsonNode value) {
        if (name.isEmpty() || name.length() > 256 || name.startsWith("AWS.") || name.startsWith("Amazon.")) {
            throw SnsErrors.parameterValueInvalid("The message attribute name '" + name + "' is invalid.");
        }
        String type = value == null ? "" : value.path("DataType").asText("");
        if (type.isEmpty()) {
            throw SnsErrors.parameterValueInvalid("The message attribute '" + name
                    + "' must contain non-empty message attribute type.");
        }
        if (type.startsWith("Binary")) {
            String binary = value.path("BinaryValue").asText("");
            try {
                if (Base64.getDecoder().decode(binary).length == 0) {
                    throw emptyValue(name, type);
                }
            } catch (IllegalArgumentException e) {
                throw SnsErrors.parameterValueInvalid("The message attribute '" + name
                        + "' with type 'Binary' must be base64 encoded.");
            }
            return new MessageAttribute(type, binary);
        }
        if (!type.startsWith("String") && !type.startsWith("Number")) {
            throw SnsErrors.parameterValueInvalid("The message attribute '" + name + "' has an invalid message "
                    + "attribute type, the set of supported type prefixes is Binary, Number, and String.");
        }
        String string = value.path("StringValue").asText("");
        if (string.isEmpty()) {
            throw emptyValue(name, type);
        }
        if (type.startsWith("Number")) {
            try {
                new BigDecimal(string.trim());
            } catch (NumberFormatException e) {
                throw SnsErrors.parameterValueInvalid("Could not cast message attribute '" + name
                        + "' value to number.");
            }
        }
        if (type.equals("String.Array")) {
            try {
                if (!Json.parse(string).isArray()) {
                    throw notArray(name);
                }
            } catch (JsonProcessingException e) {
                throw notArray(name);
            }
        }
        return new MessageAttribute(type, string);
    }

    private static RuntimeException emptyValue(String name, String type) {
        return SnsErrors.parameterValueInvalid("The message attribute '" + name
                + "' must contain non-empty message attribute value for message attribute type '" + type + "'.");
    }

    private static RuntimeException notArray(String name) {
        return SnsErrors.parameterValueInvalid("The message attribute '" + name
                + "' has an invalid value: the String.Array type requires a JSON array.");
    }
}
