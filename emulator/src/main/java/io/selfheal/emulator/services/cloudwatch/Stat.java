package io.selfheal.emulator.services.cloudwatch;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statistic selfheal computes: the five standard ones, or a percentile {@code pNN(.NN)} from p0 to p100
 * ("CloudWatch statistics definitions"). Trimmed and winsorized means, IQM and percentile ranks are recognised by
 * {@link #isUnsupportedExtended} so callers can say they are not computed yet rather than call them invalid.
 */
record Stat(String name, Kind kind, double percentile) {
    enum Kind { SAMPLE_COUNT, AVERAGE, SUM, MINIMUM, MAXIMUM, PERCENTILE }

    private static final Pattern PERCENTILE = Pattern.compile("p(\\d{1,3}(?:\\.\\d{1,10})?)");
    private static final Pattern OTHER_EXTENDED =
            Pattern.compile("(tm|tc|ts|wm)\\d{1,2}(\\.\\d{0,10})?|(tm|tc|ts|wm)100|IQM|(TM|TC|TS|WM|PR)\\([^)]*\\)");

    /** @return the statistic, or null when {@code name} is none that selfheal computes */
    static Stat parse(String name) {
        return switch (name) {
            case "SampleCount" -> new Stat(name, Kind.SAMPLE_COUNT, 0);
            case "Average" -> new Stat(name, Kind.AVERAGE, 0);
            case "Sum" -> new Stat(name, Kind.SUM, 0);
            case "Minimum" -> new Stat(name, Kind.MINIMUM, 0);
            case "Maximum" -> new Stat(name, Kind.MAXIMUM, 0);
            default -> percentile(name);
        };
    }

    /** @return the percentile {@code pNN}, or null when {@code name} is not one between p0 and p100 */
    static Stat percentile(String name) {
        Matcher m = PERCENTILE.matcher(name);
        if (!m.matches()) {
            return null;
        }
        double p = Double.parseDouble(m.group(1));
        return p <= 100 ? new Stat(name, Kind.PERCENTILE, p) : null;
    }

    /** Trimmed means, winsorized means, IQM, percentile ranks: valid in AWS, not computed by selfheal yet. */
    static boolean isUnsupportedExtended(String name) {
        return OTHER_EXTENDED.matcher(name).matches();
    }
}
