package io.selfheal.emulator.services.events;

import io.selfheal.emulator.core.ActivityTracker;
import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.core.EmulatorContext;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivery retries waiting on the emulator clock. A due retry runs on the worker pool, not on the clock's thread
 * (one scheduler thread serves every real-time timer, and an API destination may take 5 s to answer) nor on the
 * ordered delivery thread (other events keep flowing while one is in backoff).
 *
 * <p>Idleness: a running attempt is in-flight work on any clock. A waiting retry is a clock timer like any other on
 * a virtual clock — never in flight, or time could not advance to it. On a real clock it counts as in flight from
 * the failure until its attempt has run, as EC2's state transitions do, so "wait until idle" also waits for
 * retries that are due: a target that keeps failing keeps the cloud busy until its RetryPolicy gives up.
 */
final class Retries {
    private static final Logger LOG = Logger.getLogger(Retries.class.getName());

    private final EmulatorClock clock;
    private final ActivityTracker activity;
    private final Executor workers;
    private final Set<Pending> pending = ConcurrentHashMap.newKeySet();
    private volatile RetryBackoff backoff = RetryBackoff.DEFAULT;
    private volatile boolean closed;

    Retries(EmulatorContext context) {
        this.clock = context.clock();
        this.activity = context.activity();
        this.workers = context.workers();
    }

    RetryBackoff backoff() {
        return backoff;
    }

    /** Another backoff (tests on a real clock keep their retries short). */
    void backoff(RetryBackoff backoff) {
        this.backoff = backoff;
    }

    EmulatorClock clock() {
        return clock;
    }

    /** Runs {@code attempt} on a worker once the clock reaches {@code at}, unless called off before. */
    void schedule(Instant at, Runnable attempt) {
        Pending p = new Pending(attempt, !clock.isVirtual());
        if (p.counted) {
            activity.begin();
        }
        pending.add(p);
        if (closed) {
            p.cancel();
            return;
        }
        p.timer = clock.schedule(at, p::fire);
    }

    /** Calls off every waiting retry (reset): their events are given up without a further attempt. */
    void cancelAll() {
        List.copyOf(pending).forEach(Pending::cancel);
    }

    void close() {
        closed = true;
        cancelAll();
    }

    private final class Pending {
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final Runnable attempt;
        /** Whether it counts as in-flight work while it waits (real clock). */
        private final boolean counted;
        private volatile EmulatorClock.Timer timer;

        Pending(Runnable attempt, boolean counted) {
            this.attempt = attempt;
            this.counted = counted;
        }

        /** Hands the attempt to a worker, counted from now (before the clock looks for quiet again). */
        void fire() {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            pending.remove(this);
            try {
                Runnable tracked = activity.track(() -> {
                    try {
                        attempt.run();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "a delivery retry failed", e);
                    }
                });
                try {
                    workers.execute(tracked);
                } catch (RejectedExecutionException shuttingDown) {
                    activity.end();
                }
            } finally {
                if (counted) {
                    activity.end();
                }
            }
        }

        void cancel() {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            pending.remove(this);
            EmulatorClock.Timer t = timer;
            if (t != null) {
                t.cancel();
            }
            if (counted) {
                activity.end();
            }
        }
    }
}
