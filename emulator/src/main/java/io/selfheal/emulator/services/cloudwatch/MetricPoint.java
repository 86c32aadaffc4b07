package io.selfheal.emulator.services.cloudwatch;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ObjDoubleConsumer;

/**
 * Published data as CloudWatch keeps it: a statistic set (SampleCount, Sum, Minimum, Maximum), and the raw values
 * with their counts while they are known, since "CloudWatch needs raw data points to calculate percentile
 * statistics" (PutMetricData). A {@link MetricSeries} merges every datum of one unit and storage period into one
 * point, so a metric costs the same memory at one datum a second or ten thousand, and its SampleCount, Sum, Minimum,
 * Maximum and Average stay exact.
 *
 * <p>Percentiles are exact while a point holds at most {@link #MAX_DISTINCT_VALUES} distinct values (always, for
 * counts: every {@code AWS/Events} datum is 1). Beyond that the values are kept in buckets one percent wide
 * (logarithmic), so a percentile is off by at most about one percent; {@link #approximate()} says so.
 */
final class MetricPoint {
    static final int MAX_DISTINCT_VALUES = 1_000;
    /** Bucket width of the approximated values: each bucket is this factor wider than the one below. */
    private static final double BUCKET_RATIO = 1.01;

    final Instant timestamp;
    final String unit;
    double sampleCount;
    double sum;
    double minimum;
    double maximum;
    /** Distinct value → how often it occurred; null when a statistic set without raw values was merged in. */
    private Map<Double, Double> samples;
    private boolean approximate;

    private MetricPoint(Instant timestamp, String unit, double sampleCount, double sum, double minimum, double maximum,
                        Map<Double, Double> samples) {
        this.timestamp = timestamp;
        this.unit = unit;
        this.sampleCount = sampleCount;
        this.sum = sum;
        this.minimum = minimum;
        this.maximum = maximum;
        this.samples = samples;
    }

    /** {@code Value}: one sample. */
    static MetricPoint value(Instant timestamp, String unit, double value) {
        Map<Double, Double> samples = new HashMap<>(2);
        samples.put(value, 1.0);
        return new MetricPoint(timestamp, unit, 1, value, value, value, samples);
    }

    /** {@code Values} and {@code Counts} (counts default to 1 each). */
    static MetricPoint values(Instant timestamp, String unit, double[] values, double[] counts) {
        double n = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        Map<Double, Double> samples = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            n += counts[i];
            sum += values[i] * counts[i];
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
            samples.merge(values[i], counts[i], Double::sum);
        }
        MetricPoint point = new MetricPoint(timestamp, unit, n, sum, min, max, samples);
        point.boundSamples();
        return point;
    }

    /**
     * {@code StatisticValues}. Percentiles stay available only when the set describes identical samples: "The
     * SampleCount value of the statistic set is 1 and Min, Max, and Sum are all equal" or "Min and Max are equal, and
     * Sum is equal to Min multiplied by SampleCount" (PutMetricData).
     */
    static MetricPoint statisticSet(Instant timestamp, String unit, double sampleCount, double sum, double min,
                                    double max) {
        boolean identical = min == max && sum == min * sampleCount;
        Map<Double, Double> samples = null;
        if (identical) {
            samples = new HashMap<>(2);
            samples.put(min, sampleCount);
        }
        return new MetricPoint(timestamp, unit, sampleCount, sum, min, max, samples);
    }

    /** An empty point at {@code timestamp} that data of {@code unit} is merged into. */
    static MetricPoint empty(Instant timestamp, String unit) {
        return new MetricPoint(timestamp, unit, 0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                new HashMap<>(2));
    }

    /** Adds {@code other}'s data to this point (same unit; the timestamps are the caller's business). */
    void merge(MetricPoint other) {
        sampleCount += other.sampleCount;
        sum += other.sum;
        minimum = Math.min(minimum, other.minimum);
        maximum = Math.max(maximum, other.maximum);
        approximate |= other.approximate;
        if (samples == null || other.samples == null) {
            samples = null;
            return;
        }
        other.samples.forEach((value, count) -> samples.merge(approximate ? bucket(value) : value, count,
                Double::sum));
        boundSamples();
    }

    boolean hasSamples() {
        return samples != null;
    }

    /** Whether the raw values were bucketed (more than {@link #MAX_DISTINCT_VALUES} distinct ones). */
    boolean approximate() {
        return approximate;
    }

    /** Each distinct value (or bucket) with its count. */
    void forEachSample(ObjDoubleConsumer<Double> action) {
        if (samples != null) {
            samples.forEach((value, count) -> action.accept(value, count));
        }
    }

    int distinctValues() {
        return samples == null ? 0 : samples.size();
    }

    private void boundSamples() {
        if (samples == null || samples.size() <= MAX_DISTINCT_VALUES) {
            return;
        }
        Map<Double, Double> bucketed = new HashMap<>();
        samples.forEach((value, count) -> bucketed.merge(bucket(value), count, Double::sum));
        samples = bucketed;
        approximate = true;
    }

    /** The representative of {@code value}'s one-percent bucket (the bucket's lower bound, exact for 0). */
    private static double bucket(double value) {
        if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        double magnitude = Math.abs(value);
        double lower = Math.pow(BUCKET_RATIO, Math.floor(Math.log(magnitude) / Math.log(BUCKET_RATIO)));
        return Math.copySign(lower, value);
    }
}
