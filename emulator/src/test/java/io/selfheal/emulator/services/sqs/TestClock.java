package io.selfheal.emulator.services.sqs;

import io.selfheal.emulator.core.EmulatorClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests move by hand, for retention, visibility and deduplication windows without waiting. */
final class TestClock implements EmulatorClock {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-01-01T00:00:00Z"));

    @Override
    public Instant now() {
        return now.get();
    }

    void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }
}
