package io.selfheal.harness.expect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;

/**
 * Whether a message body contains an expected JSON subset: every expected field present with a matching value
 * (recursively), every expected array element matched by some actual element, scalars equal by type and value
 * (numbers by value: 22 matches 22.0, not "22"). A body that
 * is an SNS notification envelope is also matched by its {@code Message}, so a probe need not care whether the
 * subscription delivers raw.
 */
final class JsonSubset {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonSubset() {
    }

    static boolean bodyContains(String body, JsonNode expected) {
        JsonNode actual = parse(body);
        if (actual == null) {
            return expected.isTextual() && body.equals(expected.asText());
        }
        if (contains(actual, expected)) {
            return true;
        }
        JsonNode message = actual.path("Message");
        return "Notification".equals(actual.path("Type").asText()) && message.isTextual()
                && bodyContains(message.asText(), expected);
    }

    static boolean contains(JsonNode actual, JsonNode expected) {
        if (expected.isObject()) {
            if (!actual.isObject()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!actual.has(e.getKey()) || !contains(actual.get(e.getKey()), e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray()) {
            if (!actual.isArray()) {
                return false;
            }
            for (JsonNode want : expected) {
                boolean found = false;
                for (JsonNode have : actual) {
                    found |= contains(have, want);
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
