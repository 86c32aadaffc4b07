package io.selfheal.emulator.services.cloudwatch;

import java.time.Instant;

/**
 * One published datum as CloudWatch keeps it: its statistic set, and the raw values (with their counts) when they are
 * known, since "CloudWatch needs raw data points to calculate percentile statistics" (PutMetricData).
 */
final class MetricPoint {
    final Instant timestamp;
    final String unit;
    final double sampleCount;
    final double sum;
    final double minimum;
    final double maximum;
    /** Distinct values and how often each occurred; null when only a statistic set is known. */
    private final double[] values;
    private final double[] counts;

    private MetricPoint(Instant timestamp, String unit, double sampleCount, double sum, double minimum, double maximum,
                        double[] values, double[] counts) {
        this.timestamp = timestamp;
        this.unit = unit;
        this.sampleCount = sampleCount;
        this.sum = sum;
        this.minimum = minimum;
        this.maximum = maximum;
        this.values = values;
        this.counts = counts;
    }

    /** {@code Value}: one sample. */
    static MetricPoint value(Instant timestamp, String unit, double value) {
        return new MetricPoint(timestamp, unit, 1, value, value, value, new double[] {value}, new double[] {1});
    }

    /** {@code Values} and {@code Counts} (counts default to 1 each). */
    static MetricPoint values(Instant timestamp, String unit, double[] values, double[] counts) {
        double n = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            n += counts[i];
            sum += values[i] * counts[i];
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        return new MetricPoint(timestamp, unit, n, sum, min, max, values.clone(), counts.clone());
    }

    /**
     * {@code StatisticValues}. Percentiles stay available only when the set describes identical samples: "The
     * SampleCount value of the statistic set is 1 and Min, Max, and Sum are all equal" or "Min and Max are equal, and
     * Sum is equal to Min multiplied by SampleCount" (PutMetricData).
     */
    static MetricPoint statisticSet(Instant timestamp, String unit, double sampleCount, double sum, double min,
                                    double max) {
        boolean identical = min == max && sum == min * sampleCount;
        return new MetricPoint(timestamp, unit, sampleCount, sum, min, max,
                identical ? new double[] {min} : null, identical ? new double[] {sampleCount} : null);
    }

    boolean hasSamples() {
        return values != null;
    }

    int distinctValues() {
        return values == null ? 0 : values.length;
    }

    double valueAt(int i) {
        return values[i];
    }

    double countAt(int i) {
        return counts[i];
    }
}
