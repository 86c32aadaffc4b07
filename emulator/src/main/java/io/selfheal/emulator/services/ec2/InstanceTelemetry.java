package io.selfheal.emulator.services.ec2;

import io.selfheal.emulator.core.EmulatorClock;
import java.time.Instant;

/**
 * What CloudWatch and the status checks see of one instance: its load history, monitoring state and the per-instance
 * metrics timer. Changed only under the owning region's monitor, by {@link InstanceMetrics}.
 */
final class InstanceTelemetry {
    MonitoringState monitoring = MonitoringState.DISABLED;
    /** Bumped when monitoring changes so a settle timer for an earlier change does nothing. */
    long monitoringSeq;
    LoadTimeline timeline;
    /** When the instance stopped responding (status check {@code impairedSince}), else null. */
    Instant impairedSince;
    EmulatorClock.Timer timer;
    /** Bumped whenever {@link #timer} is replaced or cancelled, so a tick that raced a cancel does nothing. */
    long timerSeq;
    /** Start of the CPU time not yet published. */
    Instant cpuFrom;
    /** Start of the status-check minute not yet published. */
    Instant statusFrom;

    /** A low idle load, 2–8 %, derived from the id so a scenario repeats run after run. */
    static double baseline(String instanceId) {
        return 2.0 + Math.floorMod(instanceId.hashCode(), 601) / 100.0;
    }

    LoadTimeline timeline(String instanceId) {
        if (timeline == null) {
            timeline = new LoadTimeline(baseline(instanceId));
        }
        return timeline;
    }

    void cancelTimer() {
        timerSeq++;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
