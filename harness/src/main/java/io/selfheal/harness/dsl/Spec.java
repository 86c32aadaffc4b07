package io.selfheal.harness.dsl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The base of the immutable builders: a change copies the builder and alters the copy. Collections held are never
 * altered in place (see {@link #plus}), so the shallow copy is enough.
 */
abstract class Spec<T extends Spec<T>> implements Cloneable {

    @SuppressWarnings("unchecked")
    protected final T with(Consumer<T> change) {
        try {
            T next = (T) super.clone();
            change.accept(next);
            return next;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    /** A copy of {@code map} with one more entry, in insertion order. */
    static Map<String, String> plus(Map<String, String> map, String key, String value) {
        Map<String, String> next = new LinkedHashMap<>(map);
        next.put(key, value);
        return java.util.Collections.unmodifiableMap(next);
    }
}
