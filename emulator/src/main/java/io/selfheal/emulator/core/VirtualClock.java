package io.selfheal.emulator.core;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A clock that stands still until advanced. Advancing is a discrete-event loop: wait until nothing is in flight,
 * jump to the next timer, run it, wait for what it started, and so on — so time only jumps when the cloud is quiet,
 * and 10 minutes of alarm evaluation take as long as the work in them.
 */
public final class VirtualClock implements EmulatorClock {
    private static final Logger LOG = Logger.getLogger(VirtualClock.class.getName());
    /** How long (real time) one step may wait for in-flight work before advancing is declared stuck. */
    private static final Duration QUIET_TIMEOUT = Duration.ofSeconds(60);

    private record Entry(Instant at, long seq, Runnable task, boolean[] cancelled) {
    }

    private final PriorityQueue<Entry> timers = new PriorityQueue<>((a, b) -> a.at.equals(b.at)
            ? Long.compare(a.seq, b.seq) : a.at.compareTo(b.at));
    private Instant now;
    private long sequence;
    private volatile ActivityTracker activity;

    public VirtualClock(Instant start) {
        this.now = start;
    }

    /** The tracker whose idleness gates each step; the emulator connects it when it starts. */
    public void activity(ActivityTracker tracker) {
        this.activity = tracker;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public boolean isVirtual() {
        return true;
    }

    @Override
    public synchronized Timer schedule(Instant at, Runnable task) {
        boolean[] cancelled = {false};
        timers.add(new Entry(at.isBefore(now) ? now : at, sequence++, task, cancelled));
        return () -> {
            synchronized (VirtualClock.this) {
                cancelled[0] = true;
            }
        };
    }

    /** Advances by {@code duration}, running every timer due on the way in time order. */
    public void advance(Duration duration) {
        advanceUntil(() -> false, duration);
    }

    /**
     * Advances step by step (timer by timer) until {@code done} holds or {@code max} has passed.
     *
     * @return whether {@code done} held
     */
    public boolean advanceUntil(BooleanSupplier done, Duration max) {
        Instant limit;
        synchronized (this) {
            limit = now.plus(max);
        }
        awaitQuiet();
        while (!done.getAsBoolean()) {
            if (!step(limit)) {
                return done.getAsBoolean();
            }
        }
        return true;
    }

    /**
     * One step of {@link #advanceUntil}, for a harness in another process that checks its condition between steps:
     * runs the next timer due by {@code limit} and waits for quiet, or — when none is — moves to {@code limit}.
     *
     * @return whether a timer ran (false: the clock stands at {@code limit}, or beyond it already)
     */
    public boolean step(Instant limit) {
        Entry next = nextDue(limit);
        if (next == null) {
            synchronized (this) {
                if (now.isBefore(limit)) {
                    now = limit;
                }
            }
            awaitQuiet();
            return false;
        }
        try {
            next.task.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "timer task failed", e);
        }
        awaitQuiet();
        return true;
    }

    /** How many timers wait (cancelled ones excluded). */
    public synchronized int pendingTimers() {
        return (int) timers.stream().filter(e -> !e.cancelled[0]).count();
    }

    private synchronized Entry nextDue(Instant limit) {
        while (!timers.isEmpty()) {
            Entry head = timers.peek();
            if (head.cancelled[0]) {
                timers.poll();
                continue;
            }
            if (head.at.isAfter(limit)) {
                return null;
            }
            timers.poll();
            if (head.at.isAfter(now)) {
                now = head.at;
            }
            return head;
        }
        return null;
    }

    private void awaitQuiet() {
        ActivityTracker tracker = activity;
        if (tracker == null) {
            return;
        }
        try {
            if (!tracker.awaitIdle(QUIET_TIMEOUT)) {
                throw new CloudNotIdleException("the cloud did not become idle within " + QUIET_TIMEOUT
                        + " of real time (" + tracker.inFlight() + " tasks in flight): virtual time cannot advance");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while advancing virtual time", e);
        }
    }
}
