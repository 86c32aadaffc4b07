package io.selfheal.harness.engine;

import io.selfheal.harness.backend.Cloud;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
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

    /** Waits until {@code done} holds for the supplied value; returns the last value supplied. */
    public static <T> T until(Cloud cloud, String alias, Duration within, Callable<T> supplier, Predicate<T> done) {
        AtomicReference<T> last = new AtomicReference<>();
        until(cloud, alias, within, () -> {
            try {
                T value = supplier.call();
                last.set(value);
                return done.test(value);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return last.get();
    }
}
