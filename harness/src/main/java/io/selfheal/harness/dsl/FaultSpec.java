package io.selfheal.harness.dsl;

import io.selfheal.harness.steps.Fault;

/**
 * A fault to be built, made by {@link Faults}. Implement it for a fault type of your own.
 */
public interface FaultSpec {
    /** The YAML key of the fault type ({@code alarmState}), under which problems are reported. */
    String key();

    /**
     * The model's fault; problems go to {@code checks} (at this fault's key path).
     *
     * @return the fault, or null after a problem
     */
    Fault build(Checks checks);
}
