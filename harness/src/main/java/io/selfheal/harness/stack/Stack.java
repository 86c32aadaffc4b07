package io.selfheal.harness.stack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The resources a scenario provisions through the AWS APIs: kind ({@code instances}, one registered
 * {@link StackKind} each) → key → resource, each under the key that references use ({@code ${instances.web.id}}).
 * Maps keep file order, which is also the order of creation within a kind. Kinds without entries are left out, so two
 * stacks with the same resources are equal however they were built.
 *
 * @param resources by kind key, then by resource key
 */
public record Stack(Map<String, Map<String, Object>> resources) {
    public static final Stack EMPTY = new Stack(Map.of());

    public Stack {
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        resources.forEach((kind, entries) -> {
            if (!entries.isEmpty()) {
                // Not Map.copyOf: the Java DSL checks references against keys before it has their resources.
                copy.put(kind, Collections.unmodifiableMap(new LinkedHashMap<>(entries)));
            }
        });
        resources = Collections.unmodifiableMap(copy);
    }

    /** The resources of the kind whose model is {@code type}, by key ({@code stack.all(Instance.class)}). */
    @SuppressWarnings("unchecked")
    public <R> Map<String, R> all(Class<R> type) {
        return (Map<String, R>) resources.getOrDefault(StackKinds.forType(type).key(), Map.of());
    }

    public boolean has(String kind, String key) {
        return keys(kind).contains(key);
    }

    /** The keys defined for a kind of resource; empty for an unknown kind. */
    public Set<String> keys(String kind) {
        return resources.getOrDefault(kind, Map.of()).keySet();
    }
}
