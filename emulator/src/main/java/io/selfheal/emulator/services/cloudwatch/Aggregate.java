package io.selfheal.emulator.services.cloudwatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The statistics of the points that fall in one period. Percentiles are exact over the raw samples (within about one
 * percent when a stored point had to bucket its values: {@link MetricPoint#MAX_DISTINCT_VALUES}), by the
 * nearest-rank definition: CloudWatch documents what a percentile means ("p95 ... 95 percent of the data within the
 * period is lower than this value", "CloudWatch statistics definitions") but not an interpolation, and nearest rank
 * always answers a value that was actually published. They are unavailable (null) when any point is a statistic set
 * without raw samples, or when any value is negative, as GetMetricStatistics documents.
 */
final class Aggregate {
    private double sampleCount;
    private double sum;
    private double minimum = Double.POSITIVE_INFINITY;
    private double maximum = Double.NEGATIVE_INFINITY;
    private boolean percentilesAvailable = true;
    private final List<double[]> samples = new ArrayList<>();
    private List<double[]> sorted;

    void add(MetricPoint point) {
        sampleCount += point.sampleCount;
        sum += point.sum;
        minimum = Math.min(minimum, point.minimum);
        maximum = Math.max(maximum, point.maximum);
        if (!point.hasSamples() || point.minimum < 0) {
            percentilesAvailable = false;
        } else {
            point.forEachSample((value, count) -> samples.add(new double[] {value, count}));
        }
        sorted = null;
    }

    double sampleCount() {
        return sampleCount;
    }

    double sum() {
        return sum;
    }

    double average() {
        return sum / sampleCount;
    }

    double minimum() {
        return minimum;
    }

    double maximum() {
        return maximum;
    }

    /** @return the statistic's value, or null when it cannot be computed from these points */
    Double value(Stat stat) {
        return switch (stat.kind()) {
            case SAMPLE_COUNT -> sampleCount;
            case AVERAGE -> average();
            case SUM -> sum;
            case MINIMUM -> minimum;
            case MAXIMUM -> maximum;
            case PERCENTILE -> percentile(stat.percentile());
        };
    }

    /** The smallest value with at least {@code p} percent of the samples at or below it (nearest rank). */
    private Double percentile(double p) {
        if (!percentilesAvailable || samples.isEmpty()) {
            return null;
        }
        if (sorted == null) {
            sorted = new ArrayList<>(samples);
            sorted.sort(Comparator.comparingDouble(s -> s[0]));
        }
        double total = 0;
        for (double[] s : sorted) {
            total += s[1];
        }
        double rank = Math.max(Math.ceil(p / 100 * total - 1e-9), 1);
        double seen = 0;
        for (double[] s : sorted) {
            seen += s[1];
            if (seen >= rank) {
                return s[0];
            }
        }
        return sorted.get(sorted.size() - 1)[0];
    }
}
