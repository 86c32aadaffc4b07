package io.selfheal.harness.stack;

import io.selfheal.harness.yaml.Suggestions;
import io.selfheal.harness.yaml.YNode;

/** What a fault or expectation reader may check its values against: the stack read before it. */
public record ReadContext(Stack stack) {

    /**
     * Why {@code key} names no resource of {@code kind} in {@code stack} ("no alarms entry 'cpuHig' in stack (did you
     * mean 'cpuHigh'?); defined: cpuHigh"), or null when it does. The Java DSL reports the same words.
     */
    public static String missingKey(Stack stack, String kind, String key) {
        if (stack.has(kind, key)) {
            return null;
        }
        var known = stack.keys(kind);
        String suggestion = Suggestions.closest(key, known);
        return "no " + kind + " entry '" + key + "' in stack"
                + (suggestion != null ? " (did you mean '" + suggestion + "'?)" : "")
                + (known.isEmpty() ? "" : "; defined: " + String.join(", ", known));
    }

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
        String problem = key == null ? null : missingKey(stack, kind, key);
        if (problem != null) {
            node.problem(problem);
            return null;
        }
        return key;
    }

    /** Reads a security-group rule written as in {@code stack.securityGroups} (port, cidr/ipv6/group, protocol). */
    public SecurityGroupKind.Permission permission(YNode node) {
        return node == null ? null : SecurityGroupKind.permission(node.map(), stack.keys(SecurityGroupKind.KEY));
    }
}
