package io.selfheal.emulator.services.logs;

import io.selfheal.emulator.core.EmulatorClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** An emulator clock the test moves by hand, for retention and the 14-day and 2-hour PutLogEvents limits. */
final class ManualClock implements EmulatorClock {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    private final EmulatorClock timers = EmulatorClock.of(this::now);

    @Override
    public Instant now() {
        return now.get();
    }

    @Override
    public Timer schedule(Instant at, Runnable task) {
        return timers.schedule(at, task);
    }

    long millis() {
        return now().toEpochMilli();
    }

    void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }
}
