package io.selfheal.emulator.core;

import java.time.Instant;

/**
 * The one clock every service reads. Real time for {@code serve}; the virtual mode that scenarios advance
 * arrives with the clock work (issue 4) behind this same interface.
 */
public interface EmulatorClock {
    Instant now();

    static EmulatorClock system() {
        return Instant::now;
    }
}
