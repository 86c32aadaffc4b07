package io.selfheal.harness.dsl;

/**
 * Rule targets: {@code Targets.function("reboot").inputTransformer(Path.of("transformer.json"))},
 * {@code Targets.queue("alerts").deadLetterQueue("dlq")}.
 */
public final class Targets {
    private Targets() {
    }

    /** The stack's function under {@code key}; the harness grants EventBridge permission to invoke it. */
    public static TargetSpec function(String key) {
        return new TargetSpec("functions", key);
    }

    /** The stack's queue under {@code key}. */
    public static TargetSpec queue(String key) {
        return new TargetSpec("queues", key);
    }

    /**
     * The stack's HTTP endpoint under {@code key}, as an API destination (POST to its URL) with a default API-key
     * connection unless {@link TargetSpec#apiKey}/{@link TargetSpec#basicAuth} say otherwise.
     */
    public static TargetSpec httpEndpoint(String key) {
        return new TargetSpec("httpEndpoints", key);
    }

    /** The stack's topic under {@code key}. */
    public static TargetSpec topic(String key) {
        return new TargetSpec("topics", key);
    }
}
