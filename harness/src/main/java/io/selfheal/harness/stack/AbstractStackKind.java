package io.selfheal.harness.stack;

import java.util.List;
import java.util.Set;

/** A {@link StackKind} whose key, model, reference attributes and dependencies are given once, to the constructor. */
public abstract class AbstractStackKind<R> implements StackKind<R> {
    private final String key;
    private final Class<R> type;
    private final List<String> attributes;
    private final Set<String> dependsOn;

    protected AbstractStackKind(String key, Class<R> type, List<String> attributes, Set<String> dependsOn) {
        this.key = key;
        this.type = type;
        this.attributes = List.copyOf(attributes);
        this.dependsOn = Set.copyOf(dependsOn);
    }

    @Override
    public final String key() {
        return key;
    }

    @Override
    public final Class<R> type() {
        return type;
    }

    @Override
    public final List<String> attributes() {
        return attributes;
    }

    @Override
    public final Set<String> dependsOn() {
        return dependsOn;
    }
}
