package io.selfheal.emulator.services.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;

/**
 * A subscription's filter policy, matched by AWS's Event Ruler (SNS filter policies are its patterns, minus a few
 * operators). Validation follows "Filter policy constraints in Amazon SNS": at most five keys, at most 150
 * combinations, no nesting in the MessageAttributes scope, and only SNS's operators (exact, prefix, suffix,
 * anything-but, equals-ignore-case, numeric, exists, cidr, {@code $or}).
 */
final class FilterPolicy {
    static final String ATTRIBUTES_SCOPE = "MessageAttributes";
    static final String BODY_SCOPE = "MessageBody";
    private static final Set<String> OPERATORS =
            Set.of("prefix", "suffix", "anything-but", "equals-ignore-case", "numeric", "exists", "cidr");
    private static final int MAX_KEYS = 5;
    private static final int MAX_COMBINATIONS = 150;

    private final Machine machine = Machine.builder().build();
    private final boolean bodyScope;

    private FilterPolicy(String policy, boolean bodyScope) {
        this.bodyScope = bodyScope;
        try {
            machine.addRule("policy", policy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws AwsException InvalidParameter for a policy SNS would refuse */
    static FilterPolicy compile(String policy, String scope) {
        boolean body = BODY_SCOPE.equals(scope);
        if (!body && scope != null && !ATTRIBUTES_SCOPE.equals(scope)) {
            throw SnsErrors.invalidParameter("Attributes", "FilterPolicyScope: Invalid value [" + scope
                    + "]. Please use either MessageBody or MessageAttributes");
        }
        JsonNode parsed;
        try {
            parsed = Json.parse(policy);
        } catch (JsonProcessingException e) {
            throw invalid("failed to parse JSON.");
        }
        if (!parsed.isObject() || parsed.isEmpty()) {
            throw invalid("Filter policy must be a non-empty JSON object");
        }
        int keys = body ? parsed.size() : countKeys(parsed);
        if (keys > MAX_KEYS) {
            throw invalid("Filter policy can not have more than " + MAX_KEYS + " keys");
        }
        if (combinations(parsed, body) > MAX_COMBINATIONS) {
            throw invalid("Filter policy is too complex");
        }
        String error = JsonRuleCompiler.check(policy);
        if (error != null) {
            throw invalid(error);
        }
        return new FilterPolicy(policy, body);
    }

    boolean matches(Notification notification) {
        JsonNode event;
        if (bodyScope) {
            try {
                event = Json.parse(notification.message());
            } catch (JsonProcessingException e) {
                return false; // a body that is not JSON matches no body-scoped policy
            }
            if (!event.isObject()) {
                return false;
            }
        } else {
            event = attributesEvent(notification.attributes());
        }
        return !machine.rulesForJSONEvent(event).isEmpty();
    }

    /** Message attributes as the JSON Ruler matches: Numbers as numbers, String.Array as arrays, Binary ignored. */
    static ObjectNode attributesEvent(Map<String, MessageAttribute> attributes) {
        ObjectNode event = Json.object();
        attributes.forEach((name, a) -> {
            if (a.binary()) {
                return;
            }
            if (a.number()) {
                try {
                    event.put(name, new BigDecimal(a.value().trim()));
                    return;
                } catch (NumberFormatException ignored) {
                    // validated at Publish; fall through to a string
                }
            }
            if (a.stringArray()) {
                try {
                    JsonNode array = Json.parse(a.value());
                    if (array.isArray()) {
                        event.set(name, array);
                        return;
                    }
                } catch (JsonProcessingException ignored) {
                    // validated at Publish
                }
            }
            event.put(name, a.value());
        });
        return event;
    }

    private static int countKeys(JsonNode policy) {
        int keys = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = policy.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue();
            if (e.getKey().equals("$or") && value.isArray()) {
                for (JsonNode branch : value) {
                    keys = Math.max(keys, countKeys(branch));
                }
            } else if (value.isObject()) {
                throw invalid("Filter policy scope MessageAttributes does not support nested filter policy");
            } else {
                checkValues(e.getKey(), value);
                keys++;
            }
        }
        return keys;
    }

    private static long combinations(JsonNode policy, boolean body) {
        long product = 1;
        for (Iterator<Map.Entry<String, JsonNode>> it = policy.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue();
            if (e.getKey().equals("$or") && value.isArray()) {
                long sum = 0;
                for (JsonNode branch : value) {
                    sum += combinations(branch, body);
                }
                product *= Math.max(sum, 1);
            } else if (value.isObject()) {
                product *= combinations(value, body);
            } else {
                if (body) {
                    checkValues(e.getKey(), value);
                }
                product *= Math.max(value.size(), 1);
            }
        }
        return product;
    }

    /** SNS accepts a subset of Event Ruler's operators; the rest (wildcard …) are refused by name. */
    private static void checkValues(String key, JsonNode values) {
        if (!values.isArray()) {
            throw invalid("\"" + key + "\" must be an object or an array");
        }
        for (JsonNode v : values) {
            if (v.isObject()) {
                for (Iterator<String> ops = v.fieldNames(); ops.hasNext(); ) {
                    String op = ops.next();
                    if (!OPERATORS.contains(op)) {
                        throw invalid("Unrecognized match type " + op);
                    }
                }
            } else if (v.isNumber() && Math.abs(v.doubleValue()) > 1e9) {
                throw invalid("Value of " + key + " is outside the supported numeric range");
            }
        }
    }

    private static AwsException invalid(String reason) {
        return SnsErrors.invalidParameter("FilterPolicy: " + reason);
    }
}
