package io.selfheal.emulator.core;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Time from a source (real time unless given another), with timers on one shared daemon scheduler thread. */
final class SystemClock implements EmulatorClock {
    private static final Logger LOG = Logger.getLogger(SystemClock.class.getName());
    private static final ScheduledExecutorService TIMERS =
            Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("selfheal-clock", true));

    private final java.util.function.Supplier<Instant> source;

    SystemClock(java.util.function.Supplier<Instant> source) {
        this.source = source;
    }

    @Override
    public Instant now() {
        return source.get();
    }

    @Override
    public Timer schedule(Instant at, Runnable task) {
        long delay = Math.max(0, Duration.between(source.get(), at).toMillis());
        ScheduledFuture<?> future = TIMERS.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "timer task failed", e);
            }
        }, delay, TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }
}
