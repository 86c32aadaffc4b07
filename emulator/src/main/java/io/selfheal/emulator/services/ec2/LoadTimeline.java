package io.selfheal.emulator.services.ec2;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The history of one instance's {@link LoadState}s since the oldest period not yet published, so a datapoint can be
 * the time-weighted average of a period in which the load changed (CloudWatch's Average of EC2's own sampling).
 */
final class LoadTimeline {
    private record Step(Instant from, LoadState state) {
    }

    private final List<Step> steps = new ArrayList<>();
    private final double baseline;

    LoadTimeline(double baseline) {
        this.baseline = baseline;
    }

    double baseline() {
        return baseline;
    }

    void record(Instant at, LoadState state) {
        // Changes at one instant: the last one wins (a reboot right after a fault injection, say).
        while (!steps.isEmpty() && !steps.get(steps.size() - 1).from.isBefore(at)) {
            steps.remove(steps.size() - 1);
        }
        steps.add(new Step(at, state));
    }

    LoadState current() {
        return steps.isEmpty() ? LoadState.OFF : steps.get(steps.size() - 1).state;
    }

    /** Milliseconds the instance ran within {@code [from, to)}. */
    long runningMillis(Instant from, Instant to) {
        long total = 0;
        for (int k = 0; k < steps.size(); k++) {
            Instant[] span = overlap(k, from, to);
            if (span != null && steps.get(k).state.running()) {
                total += Duration.between(span[0], span[1]).toMillis();
            }
        }
        return total;
    }

    /** The average level over the running time within {@code [from, to)}; NaN if it did not run. */
    double averageWhileRunning(Instant from, Instant to) {
        double weighted = 0;
        long running = 0;
        for (int k = 0; k < steps.size(); k++) {
            Instant[] span = overlap(k, from, to);
            LoadState s = steps.get(k).state;
            if (span == null || !s.running()) {
                continue;
            }
            Instant a = span[0];
            Instant b = span[1];
            // The one break inside a state: an injected load's end.
            Instant cut = s.until() != null && s.until().isAfter(a) && s.until().isBefore(b) ? s.until() : null;
            if (cut != null) {
                weighted += s.level(a, baseline) * Duration.between(a, cut).toMillis()
                        + s.level(cut, baseline) * Duration.between(cut, b).toMillis();
            } else {
                weighted += s.level(a, baseline) * Duration.between(a, b).toMillis();
            }
            running += Duration.between(a, b).toMillis();
        }
        return running == 0 ? Double.NaN : weighted / running;
    }

    /** Whether the instance ran unresponsive at any time within {@code [from, to)}. */
    boolean impairedWithin(Instant from, Instant to) {
        for (int k = 0; k < steps.size(); k++) {
            Instant[] span = overlap(k, from, to);
            if (span != null && steps.get(k).state.running() && steps.get(k).state.impaired()) {
                return true;
            }
        }
        return false;
    }

    /** Forgets steps that ended by {@code before}, keeping the one in force then. */
    void dropBefore(Instant before) {
        while (steps.size() > 1 && !steps.get(1).from.isAfter(before)) {
            steps.remove(0);
        }
    }

    private Instant[] overlap(int k, Instant from, Instant to) {
        Instant a = steps.get(k).from;
        Instant b = k + 1 < steps.size() ? steps.get(k + 1).from : Instant.MAX;
        Instant start = a.isAfter(from) ? a : from;
        Instant end = b.isBefore(to) ? b : to;
        return start.isBefore(end) ? new Instant[] {start, end} : null;
    }
}
