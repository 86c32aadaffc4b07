package io.selfheal.harness.engine;

import java.time.Duration;

/**
 * The result of one check of a scenario ({@code outcome} or {@code idempotency}).
 *
 * @param name     the check
 * @param passed   whether it passed
 * @param message  on failure, why — with what actually happened
 * @param duration how long the check took (wall clock)
 */
public record CheckResult(String name, boolean passed, String message, Duration duration) {
}
