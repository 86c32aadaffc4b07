package io.selfheal.harness.dsl;

import io.selfheal.harness.expect.Expectation;

/**
 * An outcome or steady-state probe to be built, made by {@link Outcomes} (or {@link Probes}). Implement it for an
 * expectation type of your own.
 */
public interface OutcomeSpec {
    /** The YAML key of the expectation type ({@code apiCalls}), under which problems are reported. */
    String key();

    /**
     * The model's expectation; problems go to {@code checks} (at this outcome's key path).
     *
     * @return the expectation, or null after a problem
     */
    Expectation build(Checks checks);
}
