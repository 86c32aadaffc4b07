package io.selfheal.harness.scenario;

import io.selfheal.harness.expect.Expectation;
import io.selfheal.harness.stack.Stack;
import io.selfheal.harness.steps.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One scenario: a stack to provision, faults to inject, the outcomes that must follow, the bound on recovery, and
 * how the trigger is redelivered to prove the remediation idempotent.
 *
 * @param name        the {@code scenario} key: a short id used as the test name
 * @param description what it proves, in a sentence or two
 * @param tags        free labels for selecting scenarios
 * @param file        where it was read from
 * @param stack       the resources provisioned before the fault
 * @param faults      what goes wrong, in order
 * @param within      {@code expect.within}: the outcome deadline, from the first fault until every outcome holds.
 *                    Outcomes may hold before the steady state is restored (the reboot happened, but the alarm is
 *                    not yet back to OK); the steady state's return is bounded by {@code recovery}
 * @param outcomes    what must hold afterwards
 * @param idempotency how the trigger is redelivered afterwards; null for no idempotency check
 * @param steadyState probes that must hold before the faults (else the scenario is invalid) and again at the end
 * @param virtualTime whether the cloud runs on a virtual clock (the default) or in real time
 * @param recovery    the MTTR bound, null when the scenario sets none
 * @param seed        what the run's ids, request ids and timestamps derive from; null for the scenario's name
 */
public record Scenario(String name, String description, List<String> tags, Path file, Stack stack,
                       List<Fault> faults, Duration within, List<Expectation> outcomes, Idempotency idempotency,
                       List<Expectation> steadyState, boolean virtualTime, Recovery recovery, String seed) {

    public static final Duration DEFAULT_WITHIN = Duration.ofSeconds(60);
    /** How long the steady state may take to establish itself after provisioning. */
    public static final Duration STEADY_WITHIN = Duration.ofMinutes(15);

    /** A scenario seeded by its name. */
    public Scenario(String name, String description, List<String> tags, Path file, Stack stack, List<Fault> faults,
                    Duration within, List<Expectation> outcomes, Idempotency idempotency,
                    List<Expectation> steadyState, boolean virtualTime, Recovery recovery) {
        this(name, description, tags, file, stack, faults, within, outcomes, idempotency, steadyState, virtualTime,
                recovery, null);
    }

    /**
     * The seed of the run's ids: {@code seed:} when the file gives one (two scenarios that should be diffed against
     * each other share it), else the scenario's name.
     */
    public String idSeed() {
        return seed == null ? name : seed;
    }

    /**
     * What the scenario needs beyond the AWS APIs: a virtual clock unless it runs in real time, and what each fault,
     * outcome and steady-state probe declares.
     */
    public java.util.Set<io.selfheal.harness.backend.Capability> needs() {
        java.util.Set<io.selfheal.harness.backend.Capability> needs =
                java.util.EnumSet.noneOf(io.selfheal.harness.backend.Capability.class);
        if (virtualTime) {
            needs.add(io.selfheal.harness.backend.Capability.VIRTUAL_CLOCK);
        }
        faults.forEach(f -> needs.addAll(f.needs()));
        outcomes.forEach(e -> needs.addAll(e.needs()));
        steadyState.forEach(e -> needs.addAll(e.needs()));
        return needs;
    }

    /** A scenario without a recovery bound (the form before {@code recovery:} existed). */
    public Scenario(String name, String description, List<String> tags, Path file, Stack stack, List<Fault> faults,
                    Duration within, List<Expectation> outcomes, Idempotency idempotency,
                    List<Expectation> steadyState, boolean virtualTime) {
        this(name, description, tags, file, stack, faults, within, outcomes, idempotency, steadyState, virtualTime,
                null);
    }

    /**
     * {@code recovery: {within: PT15M}}: the mean-time-to-recovery bound, from the first fault until every outcome
     * AND every steady-state probe hold again.
     */
    public record Recovery(Duration within) {
    }

    /** How a redelivery is timed against the others and against the first delivery. */
    public enum RedeliveryMode {
        /** One after another, each awaited before the next (the default). */
        SEQUENTIAL,
        /** All N at once, in flight together: a remediation that checks-then-acts races itself. */
        CONCURRENT,
        /** After the virtual clock moved on by {@code lateBy}: the resource may have changed since the event. */
        LATE;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param redeliver how many times each trigger event is delivered again, per mode
     * @param modes     the modes, each its own check, in order
     * @param lateBy    how far the clock moves before a {@link RedeliveryMode#LATE} redelivery; null without it
     */
    public record Idempotency(int redeliver, List<RedeliveryMode> modes, Duration lateBy) {
        public static final Duration DEFAULT_LATE_BY = Duration.ofHours(1);

        /** The short form {@code redeliver: N}: N sequential redeliveries. */
        public Idempotency(int redeliver) {
            this(redeliver, List.of(RedeliveryMode.SEQUENTIAL), null);
        }

        public Idempotency {
            modes = List.copyOf(modes);
        }
    }
}
