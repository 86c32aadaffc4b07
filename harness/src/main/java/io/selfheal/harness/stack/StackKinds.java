package io.selfheal.harness.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The registered {@link StackKind}s in dependency order: each after the kinds it {@linkplain StackKind#dependsOn
 * depends on}, otherwise in registration order. Reading and provisioning both follow it.
 */
public final class StackKinds {
    private static final List<StackKind<?>> ORDERED = order(load());

    private StackKinds() {
    }

    /** Every kind, each after those it depends on. */
    public static List<StackKind<?>> all() {
        return ORDERED;
    }

    /** The kind under {@code key}, or null. */
    public static StackKind<?> get(String key) {
        return ORDERED.stream().filter(k -> k.key().equals(key)).findFirst().orElse(null);
    }

    /** The keys of the kinds, sorted: for messages. */
    public static Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        ORDERED.forEach(k -> keys.add(k.key()));
        return keys;
    }

    @SuppressWarnings("unchecked")
    static <R> StackKind<R> forType(Class<R> type) {
        return (StackKind<R>) ORDERED.stream().filter(k -> k.type().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stack kind registered for " + type.getName()));
    }

    private static List<StackKind<?>> load() {
        List<StackKind<?>> kinds = new ArrayList<>();
        ServiceLoader.load(StackKind.class, StackKind.class.getClassLoader()).forEach(kinds::add);
        return kinds;
    }

    /**
     * Kahn's algorithm, taking the first registered of the kinds whose dependencies are all placed.
     *
     * @throws IllegalStateException for a dependency on an unknown kind or a cycle
     */
    static List<StackKind<?>> order(List<StackKind<?>> registered) {
        Map<String, StackKind<?>> pending = new LinkedHashMap<>();
        registered.forEach(k -> pending.put(k.key(), k));
        for (StackKind<?> kind : registered) {
            for (String dependency : kind.dependsOn()) {
                if (!pending.containsKey(dependency)) {
                    throw new IllegalStateException("stack kind " + kind.key() + " depends on " + dependency
                            + ", which is not registered");
                }
            }
        }
        List<StackKind<?>> ordered = new ArrayList<>();
        Set<String> placed = new java.util.HashSet<>();
        while (!pending.isEmpty()) {
            StackKind<?> next = pending.values().stream()
                    .filter(k -> k.dependsOn().stream().allMatch(d -> d.equals(k.key()) || placed.contains(d)))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "stack kinds depend on each other in a cycle: " + pending.keySet()));
            ordered.add(next);
            placed.add(next.key());
            pending.remove(next.key());
        }
        return List.copyOf(ordered);
    }
}
