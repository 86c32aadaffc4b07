package io.selfheal.harness.stack;

import io.selfheal.harness.yaml.Suggestions;
import io.selfheal.harness.yaml.YNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * References between resources: {@code ${instances.web.id}}, {@code ${functions.reboot.arn}}. Checked at load time
 * against the stack (a dangling reference is a problem at its position); resolved at run time by the engine.
 */
public final class References {
    public static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");

    private References() {
    }

    /** Checks every reference in every value under {@code node}. */
    public static void check(YNode node, Stack stack) {
        if (node == null) {
            return;
        }
        if (node.isMapping()) {
            node.map().entries().values().forEach(child -> check(child, stack));
        } else if (node.isSequence()) {
            node.list().forEach(child -> check(child, stack));
        } else if (node.isScalar()) {
            Matcher m = REFERENCE.matcher(node.text());
            while (m.find()) {
                checkOne(m.group(1), node, stack);
            }
        }
    }

    private static void checkOne(String reference, YNode node, Stack stack) {
        String problem = problem(reference, stack);
        if (problem != null) {
            node.problem(problem);
        }
    }

    /** Why every reference in {@code text} does not resolve against {@code stack}; empty when all do. */
    public static List<String> problems(String text, Stack stack) {
        List<String> out = new java.util.ArrayList<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            String problem = problem(m.group(1), stack);
            if (problem != null) {
                out.add(problem);
            }
        }
        return out;
    }

    /** Why {@code ${reference}} (without the braces) does not resolve against {@code stack}, or null when it does. */
    static String problem(String reference, Stack stack) {
        String[] parts = reference.split("\\.");
        StackKind<?> kind = parts.length == 3 ? StackKinds.get(parts[0]) : null;
        List<String> attributes = kind == null ? null : kind.attributes();
        if (attributes == null) {
            var kinds = StackKinds.keys();
            return "reference ${" + reference + "} is not of the form ${kind.key.attribute} with kind one of "
                    + String.join(", ", kinds) + didYouMean(parts[0], kinds);
        } else if (!stack.has(parts[0], parts[1])) {
            return "reference ${" + reference + "}: no " + parts[0] + " entry '" + parts[1] + "' in stack"
                    + didYouMean(parts[1], stack.keys(parts[0]));
        } else if (!attributes.contains(parts[2])) {
            return "reference ${" + reference + "}: " + parts[0] + " have no attribute '" + parts[2] + "'"
                    + didYouMean(parts[2], attributes) + "; available: " + String.join(", ", attributes);
        }
        return null;
    }

    private static String didYouMean(String written, java.util.Collection<String> known) {
        String suggestion = Suggestions.closest(written, known);
        return suggestion != null ? " (did you mean '" + suggestion + "'?)" : "";
    }
}
