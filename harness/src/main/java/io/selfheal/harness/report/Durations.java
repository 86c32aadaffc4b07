package io.selfheal.harness.report;

import java.time.Duration;
import java.util.Locale;

/** Durations as people read them in a report: {@code 850 ms}, {@code 6.0 s}, {@code 6 min 0 s}. */
public final class Durations {
    private Durations() {
    }

    public static String format(Duration d) {
        if (d == null) {
            return "—";
        }
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return (millis / 60_000) + " min " + (millis % 60_000) / 1000 + " s";
    }
}
