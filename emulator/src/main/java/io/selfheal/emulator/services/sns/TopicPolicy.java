package io.selfheal.emulator.services.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The topic's access policy as far as service principals need it: may {@code events.amazonaws.com} publish here?
 * AWS's default policy allows only the owner account ({@code AWS:SourceOwner}); a service must be named in a
 * statement of its own (see "Amazon EventBridge permissions for Amazon SNS targets"). An explicit Deny wins.
 */
final class TopicPolicy {
    private static final List<String> DEFAULT_ACTIONS = List.of("SNS:GetTopicAttributes", "SNS:SetTopicAttributes",
            "SNS:AddPermission", "SNS:RemovePermission", "SNS:DeleteTopic", "SNS:Subscribe",
            "SNS:ListSubscriptionsByTopic", "SNS:Publish");

    private TopicPolicy() {
    }

    /** The policy CreateTopic attaches: every principal of the owner account, nobody else. */
    static String defaultPolicy(TopicArn arn) {
        ObjectNode statement = Json.object()
                .put("Sid", "__default_statement_ID")
                .put("Effect", "Allow");
        statement.putObject("Principal").put("AWS", "*");
        ArrayNode actions = statement.putArray("Action");
        DEFAULT_ACTIONS.forEach(actions::add);
        statement.put("Resource", arn.toString());
        statement.putObject("Condition").putObject("StringEquals").put("AWS:SourceOwner", arn.accountId());
        ObjectNode policy = Json.object().put("Version", "2008-10-17").put("Id", "__default_policy_ID");
        policy.putArray("Statement").add(statement);
        return Json.write(policy);
    }

    /** @return null when the text is a policy document, else why not */
    static String check(String policy) {
        try {
            JsonNode doc = Json.parse(policy);
            if (!doc.isObject() || !doc.has("Statement")) {
                return "Policy must contain a Statement";
            }
            return null;
        } catch (JsonProcessingException e) {
            return "JSON parse error";
        }
    }

    /**
     * @param service       the service principal, e.g. {@code events.amazonaws.com}
     * @param sourceArn     the publishing resource, or null
     * @param sourceAccount the account of the publishing resource, or null
     */
    static boolean allowsService(String policy, String service, String action, String resource, String sourceArn,
                                 String sourceAccount) {
        JsonNode doc;
        try {
            doc = Json.parse(policy);
        } catch (JsonProcessingException e) {
            return false;
        }
        Map<String, String> context = new java.util.HashMap<>();
        if (sourceArn != null) {
            context.put("aws:sourcearn", sourceArn);
        }
        if (sourceAccount != null) {
            context.put("aws:sourceaccount", sourceAccount);
        }
        boolean allowed = false;
        for (JsonNode st : list(doc.get("Statement"))) {
            if (principalMatches(st.get("Principal"), service)
                    && anyGlob(st.get("Action"), action)
                    && (!st.has("Resource") || anyGlob(st.get("Resource"), resource))
                    && conditionsMet(st.get("Condition"), context)) {
                if ("Deny".equals(st.path("Effect").asText())) {
                    return false;
                }
                allowed |= "Allow".equals(st.path("Effect").asText());
            }
        }
        return allowed;
    }

    private static boolean principalMatches(JsonNode principal, String service) {
        if (principal == null) {
            return false;
        }
        if (principal.isTextual()) {
            return principal.asText().equals("*");
        }
        for (String p : strings(principal.get("AWS"))) {
            if (p.equals("*")) {
                return true;
            }
        }
        return strings(principal.get("Service")).contains(service);
    }

    /** Conditions on keys the request does not carry fail, as IAM evaluates them (the default policy's owner check). */
    private static boolean conditionsMet(JsonNode condition, Map<String, String> context) {
        if (condition == null || !condition.isObject()) {
            return true;
        }
        for (Iterator<Map.Entry<String, JsonNode>> ops = condition.fields(); ops.hasNext(); ) {
            Map.Entry<String, JsonNode> op = ops.next();
            for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> key = keys.next();
                String actual = context.get(key.getKey().toLowerCase(Locale.ROOT));
                if (!conditionMet(op.getKey(), actual, strings(key.getValue()))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean conditionMet(String operator, String actual, List<String> expected) {
        boolean negated = operator.contains("Not");
        if (actual == null) {
            return negated;
        }
        boolean any = switch (operator.replace("Not", "")) {
            case "StringEquals", "ArnEquals" -> expected.contains(actual);
            case "StringEqualsIgnoreCase" -> expected.stream().anyMatch(actual::equalsIgnoreCase);
            case "StringLike", "ArnLike" -> expected.stream().anyMatch(e -> glob(e, false).matcher(actual).matches());
            default -> false;
        };
        return negated != any;
    }

    private static boolean anyGlob(JsonNode patterns, String value) {
        return strings(patterns).stream().anyMatch(p -> glob(p, true).matcher(value).matches());
    }

    private static Pattern glob(String pattern, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(out::add);
        } else if (node != null && node.isObject()) {
            out.add(node);
        }
        return out;
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (node != null && !node.isNull()) {
            out.add(node.asText());
        }
        return out;
    }
}
