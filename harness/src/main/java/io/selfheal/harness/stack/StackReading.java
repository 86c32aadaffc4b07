package io.selfheal.harness.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfheal.harness.yaml.Suggestions;
import io.selfheal.harness.yaml.YMap;
import io.selfheal.harness.yaml.YNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code stack} section kind by kind ({@link StackKinds} order), and is what a kind's reader checks against:
 * every key the section declares, and where relative paths start. Defaults follow AWS's own.
 */
public final class StackReading {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path scenarioDir;
    private final Map<String, Set<String>> declared = new LinkedHashMap<>();

    private StackReading(Path scenarioDir) {
        this.scenarioDir = scenarioDir;
    }

    /** Reads {@code node} (the {@code stack} mapping, or null for none) with paths relative to {@code scenarioDir}. */
    public static Stack read(YNode node, Path scenarioDir) {
        if (node == null) {
            return Stack.EMPTY;
        }
        YMap stack = node.map().allow(StackKinds.all().stream().map(StackKind::key).toArray(String[]::new));
        StackReading reading = new StackReading(scenarioDir);
        for (StackKind<?> kind : StackKinds.all()) {
            YNode section = stack.get(kind.key());
            reading.declared.put(kind.key(), section == null || !section.isMapping() ? Set.of() : section.map().keys());
        }
        Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
        for (StackKind<?> kind : StackKinds.all()) {
            YNode section = stack.get(kind.key());
            if (section != null) {
                resources.put(kind.key(), new LinkedHashMap<>(kind.readAll(section.map(), reading)));
            }
        }
        return new Stack(resources);
    }

    /** Where relative paths in the scenario start (its file's directory). */
    public Path scenarioDir() {
        return scenarioDir;
    }

    /** The keys the section declares for {@code kind}, read or not yet. */
    public Set<String> declared(String kind) {
        return declared.getOrDefault(kind, Set.of());
    }

    /** A key of another stack entry; a problem with a did-you-mean, and null, if there is none. */
    public String stackKey(String kind, YNode node) {
        String key = node == null ? null : node.text();
        Set<String> known = declared(kind);
        if (key != null && !known.contains(key)) {
            String suggestion = Suggestions.closest(key, known);
            node.problem("no " + kind + " entry '" + key + "' in stack"
                    + (suggestion != null ? " (did you mean '" + suggestion + "'?)" : ""));
            return null;
        }
        return key;
    }

    /** Inline YAML, inline JSON text, {@code classpath:…} or a file path: all become JSON; null after a problem. */
    public JsonNode json(YNode node) {
        if (node == null) {
            return null;
        }
        if (!node.isScalar()) {
            return node.toJson();
        }
        String text = node.text();
        String trimmed = text.trim();
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            if (!trimmed.startsWith("classpath:") && !trimmed.endsWith(".json")) {
                return JSON.getNodeFactory().textNode(text);
            }
            text = ResourceText.read(trimmed, scenarioDir, node);
            if (text == null) {
                return null;
            }
        }
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Jackson's own location is relative to the JSON text; the problem's position is the file's.
            node.problem("not valid JSON: " + e.getOriginalMessage().replaceAll("\\s*\\(start marker.*$", ""));
            return null;
        }
    }

    static <T> T orElse(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
