package io.selfheal.emulator.services.sqs;

import io.selfheal.emulator.core.EmulatorClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests move by hand, for retention, visibility and deduplication windows without waiting. */
final class TestClock implements EmulatorClock {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-01-01T00:00:00Z"));

    private final EmulatorClock timers = EmulatorClock.of(this::now);

    @Override
    public Instant now() {
        return now.get();
    }

    @Override
    public Timer schedule(Instant at, Runnable task) {
        return timers.schedule(at, task);
    }

    void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }
}
