package io.selfheal.emulator.services.ec2;

import java.time.Instant;

/**
 * What drives an instance's CPU from one moment until the next change: whether it runs, an injected load (NaN when
 * none) that lasts until {@code until} (null: until reboot, stop or terminate), and whether it stopped responding.
 * The level is piecewise constant in time; its only break inside one state is {@code until}.
 */
record LoadState(boolean running, double override, Instant until, boolean impaired) {
    static final LoadState OFF = new LoadState(false, Double.NaN, null, false);
    /** A hung instance spins: status checks fail and CPU reads flat out. */
    static final double PINNED = 100.0;

    static LoadState idle(boolean running) {
        return new LoadState(running, Double.NaN, null, false);
    }

    LoadState withOverride(double percent, Instant end) {
        return new LoadState(running, percent, end, impaired);
    }

    /** Launch and start: a load injected while pending carries into running; a hang does not survive a boot. */
    LoadState booting(boolean nowRunning) {
        return new LoadState(nowRunning, override, until, false);
    }

    LoadState withImpaired() {
        return new LoadState(running, override, until, true);
    }

    boolean overridden(Instant t) {
        return !Double.isNaN(override) && (until == null || t.isBefore(until));
    }

    double level(Instant t, double baseline) {
        if (!running) {
            return 0;
        }
        if (impaired) {
            return PINNED;
        }
        return overridden(t) ? override : baseline;
    }
}
