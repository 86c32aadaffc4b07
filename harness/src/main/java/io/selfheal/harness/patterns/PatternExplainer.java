package io.selfheal.harness.patterns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;

/**
 * Explains a pattern against an event. Every verdict comes from Event Ruler: the whole pattern decides
 * {@link Explanation#matches()}; each leaf (a field with its list of allowed values or operators) is compiled as a
 * pattern of its own and matched alone, and so is each alternative of a {@code $or}. Nothing here re-implements
 * matching, so the explanation can never disagree with EventBridge about an operator. The verdicts may also come from
 * a cloud's own matcher ({@link Matcher}, e.g. EventBridge's TestEventPattern), which is how the engine explains a
 * miss on whichever backend it runs.
 */
public final class PatternExplainer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OR = "$or";

    /** A pattern EventBridge would refuse; the message is EventBridge's InvalidEventPatternException text. */
    public static final class InvalidPatternException extends IllegalArgumentException {
        public InvalidPatternException(String reason) {
            super("Event pattern is not valid. Reason: " + reason);
        }
    }

    /** Decides whether a (sub-)pattern matches an event. */
    @FunctionalInterface
    public interface Matcher {
        boolean matches(String pattern, JsonNode event);
    }

    private PatternExplainer() {
    }

    /**
     * @throws InvalidPatternException when the pattern is not JSON, not an object, or Event Ruler refuses it
     */
    public static Explanation explain(String pattern, JsonNode event) {
        return explain(pattern, event, PatternExplainer::matches);
    }

    /**
     * As {@link #explain(String, JsonNode)}, each verdict from {@code matcher}.
     *
     * @throws InvalidPatternException when the pattern is not JSON, not an object, or Event Ruler refuses it
     */
    public static Explanation explain(String pattern, JsonNode event, Matcher matcher) {
        ObjectNode root = parse(pattern);
        boolean matches = matcher.matches(pattern, event);
        List<Check> checks = checks(root, List.of(), event, matcher);
        String note = null;
        if (!matches && checks.stream().allMatch(Check::matches)) {
            note = "every field matches on its own, but not within one element of the same array"
                    + " (Event Ruler matches fields under an array in the same element)";
        }
        return new Explanation(matches, checks, note);
    }

    /** Parses and validates a pattern as PutRule does. */
    public static ObjectNode parse(String pattern) {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(pattern);
        } catch (JsonProcessingException e) {
            throw new InvalidPatternException(e.getOriginalMessage());
        }
        if (parsed == null || !parsed.isObject()) {
            throw new InvalidPatternException("Filter is not an object");
        }
        String error = JsonRuleCompiler.check(pattern);
        if (error != null) {
            throw new InvalidPatternException(error);
        }
        return (ObjectNode) parsed;
    }

    /** Whether Event Ruler matches the (valid) pattern against the event. */
    public static boolean matches(String pattern, JsonNode event) {
        Machine machine = Machine.builder().build();
        try {
            machine.addRule("pattern", pattern);
            return !machine.rulesForJSONEvent(event).isEmpty();
        } catch (IOException e) {
            throw new InvalidPatternException(e.getMessage());
        }
    }

    private static List<Check> checks(ObjectNode node, List<String> path, JsonNode event, Matcher matcher) {
        List<Check> checks = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (OR.equals(field.getKey()) && value.isArray() && allObjects(value)) {
                List<Alternative> alternatives = new ArrayList<>();
                for (JsonNode alternative : value) {
                    alternatives.add(new Alternative(matcher.matches(wrap(path, alternative), event),
                            checks((ObjectNode) alternative, path, event, matcher)));
                }
                checks.add(new Check.AnyOf(String.join(".", path), alternatives));
            } else {
                List<String> fieldPath = append(path, field.getKey());
                if (value.isObject()) {
                    checks.addAll(checks((ObjectNode) value, fieldPath, event, matcher));
                } else {
                    checks.add(new Check.Field(String.join(".", fieldPath), value, valuesAt(event, fieldPath),
                            matcher.matches(wrap(fieldPath, value), event)));
                }
            }
        }
        return checks;
    }

    private static boolean allObjects(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isObject()) {
                return false;
            }
        }
        return !array.isEmpty();
    }

    private static List<String> append(List<String> path, String key) {
        List<String> longer = new ArrayList<>(path);
        longer.add(key);
        return longer;
    }

    /** The sub-pattern {@code {"a": {"b": node}}} for path a.b. */
    private static String wrap(List<String> path, JsonNode node) {
        JsonNode wrapped = node;
        for (int i = path.size() - 1; i >= 0; i--) {
            ObjectNode parent = JSON.createObjectNode();
            parent.set(path.get(i), wrapped);
            wrapped = parent;
        }
        return wrapped.toString();
    }

    /** The event's values at a path, looking into arrays as Event Ruler does; empty when the field is absent. */
    static List<JsonNode> valuesAt(JsonNode event, List<String> path) {
        List<JsonNode> current = List.of(event);
        for (String key : path) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                for (JsonNode element : node.isArray() ? node : List.of(node)) {
                    if (element.isObject() && element.has(key)) {
                        next.add(element.get(key));
                    }
                }
            }
            current = next;
        }
        List<JsonNode> leaves = new ArrayList<>();
        for (JsonNode node : current) {
            if (node.isArray()) {
                node.forEach(leaves::add);
            } else {
                leaves.add(node);
            }
        }
        return leaves;
    }
}
