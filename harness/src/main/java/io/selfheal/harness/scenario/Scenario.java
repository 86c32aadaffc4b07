package io.selfheal.harness.scenario;

import io.selfheal.harness.expect.Expectation;
import io.selfheal.harness.steps.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One scenario: a stack to provision, faults to inject, the outcomes that must follow, and how often the trigger is
 * redelivered to prove the remediation idempotent.
 *
 * @param name        the {@code scenario} key: a short id used as the test name
 * @param description what it proves, in a sentence or two
 * @param tags        free labels for selecting scenarios
 * @param file        where it was read from
 * @param stack       the resources provisioned before the fault
 * @param faults      what goes wrong, in order
 * @param within      how long the outcomes may take to hold after the faults
 * @param outcomes    what must hold afterwards
 * @param idempotency how the trigger is redelivered afterwards; null for no idempotency check
 * @param steadyState probes that must hold before the faults (else the scenario is invalid) and again at the end
 * @param virtualTime whether the cloud runs on a virtual clock (the default) or in real time
 */
public record Scenario(String name, String description, List<String> tags, Path file, Stack stack,
                       List<Fault> faults, Duration within, List<Expectation> outcomes, Idempotency idempotency,
                       List<Expectation> steadyState, boolean virtualTime) {

    public static final Duration DEFAULT_WITHIN = Duration.ofSeconds(60);
    /** How long the steady state may take to establish itself after provisioning. */
    public static final Duration STEADY_WITHIN = Duration.ofMinutes(15);

    /** @param redeliver how many times each trigger event is delivered again */
    public record Idempotency(int redeliver) {
    }
}
