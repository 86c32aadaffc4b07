package io.selfheal.harness.dsl;

/** Rule targets: {@code Targets.function("reboot").inputTransformer(Path.of("transformer.json"))}. */
public final class Targets {
    private Targets() {
    }

    /** The stack's function under {@code key}; the harness grants EventBridge permission to invoke it. */
    public static TargetSpec function(String key) {
        return new TargetSpec(key);
    }
}
