package io.selfheal.emulator.services.events;

import java.time.Duration;

/**
 * How long EventBridge waits before each retry of a failed delivery. AWS documents "an exponential back off and
 * jitter" ("Event retry policy and using dead-letter queues") but not the schedule itself, so this one is
 * selfheal's: the first retry after {@code base}, each further one after twice the previous wait, capped at
 * {@code cap}, and no jitter, so that tests see attempts at exact instants. The default (1 s doubling to 480 s)
 * lets AWS's default policy — 185 retries, 24 hours — play out in full: the 185th retry comes after about 23.6 hours.
 *
 * @param base the wait before the first retry
 * @param cap  the longest wait
 */
record RetryBackoff(Duration base, Duration cap) {
    static final RetryBackoff DEFAULT = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(480));

    RetryBackoff {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= cap, got " + base + ", " + cap);
        }
    }

    /** The wait before retry {@code retry} (1 for the first retry). */
    Duration before(int retry) {
        Duration wait = base;
        for (int i = 1; i < retry && wait.compareTo(cap) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(cap) < 0 ? wait : cap;
    }
}
