package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.selfheal.emulator.core.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON path subset EventBridge evaluates in InputPath and InputPathsMap ("Amazon EventBridge input
 * transformation"): dot notation from {@code $}, names with dashes and underscores, array indexes
 * ({@code $.detail.configuration.metrics[0].metricStat}) and wildcards ({@code [*]}, {@code .*}). Bracketed names
 * are not supported, as AWS documents ("You must use JSON dot notation, not bracket notation").
 */
final class JsonPath {
    /** One step: a field name, an array index, or a wildcard over children. */
    private record Step(String field, int index, boolean wildcard) {
    }

    private final String text;
    private final List<Step> steps;
    private final boolean hasWildcard;

    private JsonPath(String text, List<Step> steps) {
        this.text = text;
        this.steps = List.copyOf(steps);
        this.hasWildcard = steps.stream().anyMatch(Step::wildcard);
    }

    /** @throws IllegalArgumentException with the reason when {@code text} is not a path EventBridge accepts */
    static JsonPath parse(String text) {
        if (text == null || !text.startsWith("$")) {
            throw new IllegalArgumentException("a JSON path starts with $");
        }
        List<Step> steps = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                String name = text.substring(i + 1, end);
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("empty field name at position " + (i + 1));
                }
                steps.add(name.equals("*") ? new Step(null, -1, true) : new Step(name, -1, false));
                i = end;
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed [ at position " + i);
                }
                String inside = text.substring(i + 1, close).trim();
                if (inside.equals("*")) {
                    steps.add(new Step(null, -1, true));
                } else if (inside.matches("\\d+")) {
                    steps.add(new Step(null, Integer.parseInt(inside), false));
                } else {
                    throw new IllegalArgumentException(
                            "only array indexes and * may stand in brackets: [" + inside + "]");
                }
                i = close + 1;
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "' at position " + i);
            }
        }
        return new JsonPath(text, steps);
    }

    /**
     * @return the value at this path, or null when the path matches nothing. A path with a wildcard yields the
     *     array of everything it matched (null when that is nothing).
     */
    JsonNode evaluate(JsonNode root) {
        List<JsonNode> current = List.of(root);
        for (Step step : steps) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                if (step.wildcard()) {
                    node.elements().forEachRemaining(next::add);
                } else if (step.field() != null) {
                    JsonNode child = node.isObject() ? node.get(step.field()) : null;
                    if (child != null) {
                        next.add(child);
                    }
                } else if (node.isArray() && step.index() < node.size()) {
                    next.add(node.get(step.index()));
                }
            }
            current = next;
        }
        if (current.isEmpty()) {
            return null;
        }
        if (!hasWildcard) {
            return current.get(0);
        }
        ArrayNode all = Json.array();
        current.forEach(all::add);
        return all;
    }

    @Override
    public String toString() {
        return text;
    }
}
