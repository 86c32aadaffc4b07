package io.selfheal.harness.engine;

import io.selfheal.harness.scenario.Scenario;
import io.selfheal.harness.scenario.Scenario.RedeliveryMode;
import java.util.ArrayList;
import java.util.List;

/**
 * One check of a scenario run: its {@code outcome}, its {@code recovery} bound, its idempotency under one
 * redelivery mode, or (for a stack with functions) that no asynchronous event was lost. The one place a check's name, tag and display name are made and read back.
 *
 * @param kind what is checked
 * @param mode the redelivery mode of an idempotency check; null otherwise
 */
public record Check(Kind kind, RedeliveryMode mode) {
    public static final Check OUTCOME = new Check(Kind.OUTCOME, null);
    public static final Check RECOVERY = new Check(Kind.RECOVERY, null);
    public static final Check NOTHING_LOST = new Check(Kind.NOTHING_LOST, null);

    /** What a check checks; its lower-case name is also its test tag ({@code -DexcludedGroups=idempotency}). */
    public enum Kind {
        OUTCOME, RECOVERY, IDEMPOTENCY, NOTHING_LOST;

        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public Check {
        if ((kind == Kind.IDEMPOTENCY) != (mode != null)) {
            throw new IllegalArgumentException("an idempotency check, and only one, has a redelivery mode");
        }
    }

    public static Check idempotency(RedeliveryMode mode) {
        return new Check(Kind.IDEMPOTENCY, mode);
    }

    /** The checks a run of {@code scenario} reports, in order. */
    public static List<Check> of(Scenario scenario) {
        List<Check> checks = new ArrayList<>(List.of(OUTCOME));
        if (scenario.recovery() != null) {
            checks.add(RECOVERY);
        }
        if (!scenario.stack().all(io.selfheal.harness.stack.FunctionKind.Function.class).isEmpty()) {
            checks.add(NOTHING_LOST); // before idempotency, whose redeliveries are not the scenario's events
        }
        if (scenario.idempotency() != null) {
            scenario.idempotency().modes().forEach(m -> checks.add(idempotency(m)));
        }
        return List.copyOf(checks);
    }


    /**
     * What the check itself needs beyond what the scenario's faults and outcomes declare: the nothing-lost check
     * reads every invocation; an idempotency check redelivers events and blames what followed by the call log (and a
     * late one moves the clock on first).
     */
    public java.util.Set<io.selfheal.harness.backend.Capability> needs() {
        return switch (kind) {
            case OUTCOME, RECOVERY -> java.util.Set.of();
            case NOTHING_LOST -> java.util.Set.of(io.selfheal.harness.backend.Capability.INVOCATION_LOG);
            case IDEMPOTENCY -> {
                var needs = java.util.EnumSet.of(io.selfheal.harness.backend.Capability.REDELIVERY,
                        io.selfheal.harness.backend.Capability.EVENT_LOG,
                        io.selfheal.harness.backend.Capability.INVOCATION_LOG,
                        io.selfheal.harness.backend.Capability.CALL_LOG);
                if (mode == RedeliveryMode.LATE) {
                    needs.add(io.selfheal.harness.backend.Capability.VIRTUAL_CLOCK);
                }
                yield needs;
            }
        };
    }

    /** {@code outcome}, {@code recovery}, {@code idempotency} (sequential) or {@code idempotency-<mode>}. */
    public String name() {
        if (kind != Kind.IDEMPOTENCY || mode == RedeliveryMode.SEQUENTIAL) {
            return kind.tag();
        }
        return kind.tag() + "-" + mode.key();
    }

    /** "outcome", "recovery (within PT15M)", "idempotency (3 concurrent redeliveries)". */
    public String displayName(Scenario scenario) {
        return switch (kind) {
            case OUTCOME -> name();
            case NOTHING_LOST -> "nothing lost";
            case RECOVERY -> "recovery (within " + scenario.recovery().within() + ")";
            case IDEMPOTENCY -> {
                Scenario.Idempotency idempotency = scenario.idempotency();
                yield "idempotency (" + idempotency.redeliver() + " " + mode.key() + " redeliver"
                        + (idempotency.redeliver() == 1 ? "y" : "ies")
                        + (mode == RedeliveryMode.LATE ? " " + idempotency.lateBy() + " later" : "") + ")";
            }
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
