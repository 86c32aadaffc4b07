package io.selfheal.harness.engine;

import java.time.Duration;

/**
 * The result of one check of a scenario ({@code outcome} or {@code idempotency}).
 *
 * @param name       the check
 * @param passed     whether it passed (a skipped check did not fail: true)
 * @param message    on failure, why — with what actually happened
 * @param duration   how long the check took (wall clock)
 * @param skipReason why the check did not run on this cloud ("needs event redelivery"), or null when it ran
 */
public record CheckResult(String name, boolean passed, String message, Duration duration, String skipReason) {
    public CheckResult(String name, boolean passed, String message, Duration duration) {
        this(name, passed, message, duration, null);
    }

    /** A check its cloud cannot run: not failed, reported with the reason. */
    public static CheckResult skipped(String name, String reason) {
        return new CheckResult(name, true, null, Duration.ZERO, reason);
    }

    public boolean isSkipped() {
        return skipReason != null;
    }
}
