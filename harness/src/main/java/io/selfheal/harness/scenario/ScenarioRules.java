package io.selfheal.harness.scenario;

import io.selfheal.harness.scenario.Scenario.RedeliveryMode;
import io.selfheal.harness.yaml.ProblemAt;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of a scenario's own keys (its name, deadlines, fault times, idempotency), for the YAML loader and the Java
 * DSL alike: each rule and its words are written once, and both report them at the same key.
 */
public final class ScenarioRules {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private ScenarioRules() {
    }

    /** A scenario name names a test: letters, digits, '.', '_' and '-'. */
    public static void checkName(String name, ProblemAt problems) {
        if (name != null && !NAME.matcher(name).matches()) {
            problems.problem("scenario", "a scenario name is letters, digits, '.', '_' and '-' (it names the test)");
        }
    }

    /** {@code expect.within}; null after a problem. */
    public static Duration deadline(Duration within, ProblemAt problems) {
        return positive(within, "within", "a deadline must be longer than zero", problems);
    }

    /** {@code recovery.within}; null after a problem. */
    public static Duration recoveryBound(Duration within, ProblemAt problems) {
        return positive(within, "within", "a recovery bound must be longer than zero", problems);
    }

    private static Duration positive(Duration value, String key, String message, ProblemAt problems) {
        if (value != null && (value.isZero() || value.isNegative())) {
            problems.problem(key, message);
            return null;
        }
        return value;
    }

    /**
     * A fault's {@code at}: not negative, and not before the previous fault's (faults stay in file order).
     *
     * @return {@code at}, or null after a problem
     */
    public static Duration faultTime(Duration at, Duration previous, ProblemAt problems) {
        if (at.isNegative()) {
            problems.problem("at", "a fault's time is a duration after the steady state held, not negative");
            return null;
        }
        if (at.compareTo(previous) < 0) {
            problems.problem("at", "faults are injected in order: at " + at + " comes before the previous "
                    + "fault's " + previous + " (reorder the faults)");
            return null;
        }
        return at;
    }

    /** Why a redelivery mode may not be listed again. */
    public static String listedTwice(RedeliveryMode mode) {
        return "mode '" + mode.key() + "' is listed twice";
    }

    /** Why an empty list of modes is a mistake. */
    public static String noModes() {
        return "list at least one mode: " + String.join(", ", modeKeys());
    }

    static List<String> modeKeys() {
        return Arrays.stream(RedeliveryMode.values()).map(RedeliveryMode::key).toList();
    }

    /**
     * {@code idempotency}: 1 to 100 redeliveries; {@code lateBy} for mode {@code late} only, longer than zero (default
     * {@link Scenario.Idempotency#DEFAULT_LATE_BY}); a late redelivery needs the virtual clock.
     *
     * @param modes the modes, each once
     * @return the model, or null when redeliver or the modes are missing or wrong
     */
    public static Scenario.Idempotency idempotency(Integer redeliver, List<RedeliveryMode> modes, Duration lateBy,
                                                   boolean realClock, ProblemAt problems) {
        if (redeliver != null && (redeliver < 1 || redeliver > 100)) {
            problems.problem("redeliver", "redeliver between 1 and 100 times");
            redeliver = null;
        }
        boolean late = modes.contains(RedeliveryMode.LATE);
        if (lateBy != null && !late) {
            problems.problem("lateBy", "lateBy applies to mode 'late' only");
        } else {
            positive(lateBy, "lateBy", "a late redelivery comes more than zero after the first delivery", problems);
        }
        if (late && realClock) {
            problems.problem("mode", "a late redelivery moves the virtual clock: it needs 'clock: virtual'");
        }
        if (redeliver == null || modes.isEmpty()) {
            return null;
        }
        return new Scenario.Idempotency(redeliver, modes,
                late ? (lateBy == null ? Scenario.Idempotency.DEFAULT_LATE_BY : lateBy) : null);
    }
}
