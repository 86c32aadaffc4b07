package io.selfheal.emulator.services.sqs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decides whether a resource policy (IAM JSON, as in an SQS queue's {@code Policy} attribute) lets a service
 * principal act on a resource: some Allow statement matches and no Deny does. Supports the Principal forms
 * {@code "*"}, {@code {"AWS": "*"}} and {@code {"Service": …}}, wildcard Actions and Resources, and the conditions
 * services put on deliveries: {@code ArnEquals}, {@code ArnLike}, {@code StringEquals}, {@code StringLike} on
 * {@code aws:SourceArn} and {@code aws:SourceAccount}. Anything else fails closed. Self-contained, so other
 * services with resource policies (SNS topics) can reuse it as it is.
 */
final class ResourcePolicyEvaluator {

    /** One request: who ({@code events.amazonaws.com}), what ({@code sqs:SendMessage}), on what, in which context. */
    record Request(String servicePrincipal, String action, String resource, Map<String, String> context) {
    }

    private ResourcePolicyEvaluator() {
    }

    static boolean allows(String policy, Request request) {
        if (policy == null || policy.isEmpty()) {
            return false;
        }
        JsonNode document;
        try {
            document = Json.parse(policy);
        } catch (JsonProcessingException e) {
            return false;
        }
        boolean allowed = false;
        for (JsonNode statement : list(document.get("Statement"))) {
            if (!matches(statement, request)) {
                continue;
            }
            String effect = statement.path("Effect").asText();
            if (effect.equals("Deny")) {
                return false;
            }
            allowed |= effect.equals("Allow");
        }
        return allowed;
    }

    private static boolean matches(JsonNode statement, Request r) {
        return principal(statement.get("Principal"), r.servicePrincipal())
                && anyGlob(statement.get("Action"), r.action(), true)
                && anyGlob(statement.get("Resource"), r.resource(), false)
                && conditions(statement.get("Condition"), r.context());
    }

    private static boolean principal(JsonNode principal, String service) {
        if (principal == null) {
            return false;
        }
        if (principal.isTextual()) {
            return principal.asText().equals("*");
        }
        for (JsonNode aws : list(principal.get("AWS"))) {
            if (aws.asText().equals("*")) {
                return true;
            }
        }
        for (JsonNode s : list(principal.get("Service"))) {
            if (s.asText().equals(service)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyGlob(JsonNode patterns, String value, boolean ignoreCase) {
        for (JsonNode p : list(patterns)) {
            if (glob(p.asText(), value, ignoreCase)) {
                return true;
            }
        }
        return false;
    }

    private static boolean conditions(JsonNode condition, Map<String, String> context) {
        if (condition == null) {
            return true;
        }
        for (Iterator<Map.Entry<String, JsonNode>> ops = condition.fields(); ops.hasNext(); ) {
            Map.Entry<String, JsonNode> op = ops.next();
            for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> key = keys.next();
                String actual = contextValue(context, key.getKey());
                if (actual == null || !anyValue(op.getKey(), key.getValue(), actual)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean anyValue(String operator, JsonNode expected, String actual) {
        for (JsonNode e : list(expected)) {
            boolean hit = switch (operator) {
                case "ArnEquals", "StringEquals" -> e.asText().equals(actual);
                case "StringEqualsIgnoreCase" -> e.asText().equalsIgnoreCase(actual);
                case "ArnLike", "StringLike" -> glob(e.asText(), actual, false);
                default -> false;
            };
            if (hit) {
                return true;
            }
        }
        return false;
    }

    /** Condition keys are case-insensitive. */
    private static String contextValue(Map<String, String> context, String key) {
        for (Map.Entry<String, String> e : context.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(out::add);
        } else {
            out.add(node);
        }
        return out;
    }

    /** IAM wildcards: {@code *} any run of characters, {@code ?} one character. */
    static boolean glob(String pattern, String value, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        int flags = ignoreCase ? Pattern.CASE_INSENSITIVE : 0;
        return Pattern.compile(regex.toString(), flags).matcher(value).matches();
    }
}
