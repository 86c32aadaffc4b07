package io.selfheal.emulator.core;

import java.time.Duration;
import java.time.Instant;

/**
 * The one clock every service reads and schedules on: alarm periods, instance transitions, scheduled rules, message
 * visibility. {@link #system()} follows real time (for {@code serve}); {@link VirtualClock} stands still until the
 * harness advances it, so "CPU above 90% for 5 minutes" takes milliseconds.
 *
 * <p>Timers are not in-flight work: a waiting timer never keeps the cloud from being idle. What a timer starts (a bus
 * message, an invocation) is tracked as usual.
 */
public interface EmulatorClock {
    Instant now();

    /**
     * Runs {@code task} once this clock reaches {@code at}: on a scheduler thread in real time, or, for a virtual
     * clock, on the thread that advances it past {@code at}.
     */
    Timer schedule(Instant at, Runnable task);

    default Timer schedule(Duration delay, Runnable task) {
        return schedule(now().plus(delay), task);
    }

    /** Whether time moves only when advanced. */
    default boolean isVirtual() {
        return false;
    }

    /** Real time. */
    static EmulatorClock system() {
        return new SystemClock(Instant::now);
    }

    /** Time read from {@code source} (e.g. a test's settable clock); timers wait in real time for its instants. */
    static EmulatorClock of(java.util.function.Supplier<Instant> source) {
        return new SystemClock(source);
    }

    /** A scheduled task that can be called off. */
    @FunctionalInterface
    interface Timer {
        /** Calls the task off if it has not run; harmless afterwards. */
        void cancel();
    }
}
