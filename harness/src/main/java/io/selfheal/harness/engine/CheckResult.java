package io.selfheal.harness.engine;

import java.time.Duration;

/**
 * The result of one check of a scenario ({@code outcome} or {@code idempotency}).
 *
 * @param name     the check
 * @param passed   whether it passed
 * @param message  on failure, why — with what actually happened
 * @param duration how long the check took (wall clock)
 * @param skipReason why the check did not run on this cloud ("needs the emulator's invocation log"), or null
 */
public record CheckResult(String name, boolean passed, String message, Duration duration, String skipReason) {

    public CheckResult(String name, boolean passed, String message, Duration duration) {
        this(name, passed, message, duration, null);
    }

    /** A check not run because its cloud lacks what it needs: neither passed nor failed. */
    public static CheckResult skipped(String name, String reason) {
        return new CheckResult(name, false, reason, Duration.ZERO, reason);
    }

    public boolean skipped() {
        return skipReason != null;
    }
}
