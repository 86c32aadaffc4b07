package io.selfheal.harness.backend;

import io.selfheal.harness.backend.Cloud;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * "Eventually", on either kind of clock. On a virtual clock the cloud is first left to go quiet, then advanced timer
 * by timer until the condition holds — no sleeping, and {@code within} is virtual time. On a real clock it is an
 * Awaitility poll. Either way, a condition that never holds ends in {@link ConditionTimeoutException}.
 */
public final class Waits {
    static final Duration POLL = Duration.ofMillis(25);

    private Waits() {
    }

    public static void until(Cloud cloud, String alias, Duration within, BooleanSupplier condition) {
        if (cloud.virtualTime()) {
            if (!cloud.advanceUntil(condition, within)) {
                throw new ConditionTimeoutException(alias + " did not hold within " + within + " of virtual time");
            }
            return;
        }
        Awaitility.await(alias).atMost(within).pollDelay(Duration.ZERO).pollInterval(POLL)
                .until(condition::getAsBoolean);
    }
}
