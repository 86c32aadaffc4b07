package io.selfheal.emulator.services.logs;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decides whether the account's resource policies let a service principal perform an action on a log group, the
 * way IAM evaluates a resource-based policy: an explicit Deny wins, else one Allow is needed. Principals, actions and
 * resources may use {@code *} and {@code ?}; conditions on {@code aws:SourceArn} and {@code aws:SourceAccount} with
 * the String and Arn operators are evaluated. A condition this class cannot evaluate makes an Allow not apply and a
 * Deny apply, so an unknown policy never grants more than AWS would.
 */
final class PolicyEvaluator {

    /** What is asked: who, what, on which resources (any of them may match), and where the call comes from. */
    record Request(String principal, String action, List<String> resources, String sourceArn,
                   String sourceAccount) {
    }

    private PolicyEvaluator() {
    }

    static boolean allows(Collection<String> documents, Request request) {
        boolean allowed = false;
        for (String document : documents) {
            for (JsonNode statement : statements(document)) {
                if (!applies(statement, request)) {
                    continue;
                }
                String effect = statement.path("Effect").asText();
                boolean conditionsHold = conditions(statement.get("Condition"), request,
                        effect.equals("Deny"));
                if (!conditionsHold) {
                    continue;
                }
                if (effect.equals("Deny")) {
                    return false;
                }
                if (effect.equals("Allow")) {
                    allowed = true;
                }
            }
        }
        return allowed;
    }

    private static List<JsonNode> statements(String document) {
        List<JsonNode> out = new ArrayList<>();
        try {
            JsonNode s = Json.parse(document).get("Statement");
            if (s != null && s.isArray()) {
                s.forEach(out::add);
            } else if (s != null && s.isObject()) {
                out.add(s);
            }
        } catch (IOException e) {
            // PutResourcePolicy only stores JSON; nothing to evaluate otherwise.
        }
        return out;
    }

    private static boolean applies(JsonNode statement, Request request) {
        return principal(statement.get("Principal"), request.principal())
                && anyMatches(statement.get("Action"), request.action(), true)
                && request.resources().stream().anyMatch(r -> anyMatches(statement.get("Resource"), r, false));
    }

    private static boolean principal(JsonNode principal, String service) {
        if (principal == null) {
            return false;
        }
        if (principal.isTextual()) {
            return principal.asText().equals("*");
        }
        return anyMatches(principal.get("Service"), service, false);
    }

    /** A string or list of patterns; actions compare case-insensitively, as IAM does. */
    private static boolean anyMatches(JsonNode patterns, String value, boolean ignoreCase) {
        if (patterns == null) {
            return false;
        }
        List<String> list = new ArrayList<>();
        if (patterns.isArray()) {
            patterns.forEach(p -> list.add(p.asText()));
        } else {
            list.add(patterns.asText());
        }
        return list.stream().anyMatch(p -> like(p, value, ignoreCase));
    }

    private static boolean conditions(JsonNode condition, Request request, boolean deny) {
        if (condition == null || !condition.isObject()) {
            return true;
        }
        for (Iterator<Map.Entry<String, JsonNode>> ops = condition.fields(); ops.hasNext(); ) {
            Map.Entry<String, JsonNode> op = ops.next();
            for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> key = keys.next();
                Boolean holds = condition(op.getKey(), key.getKey(), key.getValue(), request);
                if (holds == null) {
                    return deny;
                }
                if (!holds) {
                    return false;
                }
            }
        }
        return true;
    }

    /** @return whether the condition holds, or null when this evaluator does not know the operator or key */
    private static Boolean condition(String operator, String key, JsonNode expected, Request request) {
        String actual;
        if (key.equalsIgnoreCase("aws:SourceArn")) {
            actual = request.sourceArn();
        } else if (key.equalsIgnoreCase("aws:SourceAccount")) {
            actual = request.sourceAccount();
        } else {
            return null;
        }
        boolean exact;
        switch (operator) {
            case "StringEquals", "ArnEquals" -> exact = true;
            case "StringLike", "ArnLike" -> exact = false;
            default -> {
                return null;
            }
        }
        return actual != null && anyMatchesExactOrLike(expected, actual, exact);
    }

    private static boolean anyMatchesExactOrLike(JsonNode expected, String actual, boolean exact) {
        List<String> values = new ArrayList<>();
        if (expected.isArray()) {
            expected.forEach(v -> values.add(v.asText()));
        } else {
            values.add(expected.asText());
        }
        return values.stream().anyMatch(v -> exact ? v.equals(actual) : like(v, actual, false));
    }

    /** IAM wildcards: {@code *} any run of characters, {@code ?} one character. */
    static boolean like(String pattern, String value, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0).matcher(value).matches();
    }
}
