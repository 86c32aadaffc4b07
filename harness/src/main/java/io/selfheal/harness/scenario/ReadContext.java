package io.selfheal.harness.scenario;

import io.selfheal.harness.yaml.Suggestions;
import io.selfheal.harness.yaml.YNode;

/** What a fault or expectation reader may check its values against: the stack read before it. */
public record ReadContext(Stack stack) {

    /**
     * Checks that {@code node} names a resource of {@code kind} in the stack ({@code alarm: cpuHigh}).
     *
     * @return the name, or null after reporting a problem
     */
    public String stackKey(String kind, YNode node) {
        if (node == null) {
            return null;
        }
        String key = node.text();
        if (key != null && !stack.has(kind, key)) {
            var known = switch (kind) {
                case "instances" -> stack.instances().keySet();
                case "alarms" -> stack.alarms().keySet();
                case "functions" -> stack.functions().keySet();
                default -> stack.rules().keySet();
            };
            String suggestion = Suggestions.closest(key, known);
            node.problem("no " + kind + " entry '" + key + "' in stack"
                    + (suggestion != null ? " (did you mean '" + suggestion + "'?)" : "")
                    + (known.isEmpty() ? "" : "; defined: " + String.join(", ", known)));
            return null;
        }
        return key;
    }
}
