package io.selfheal.emulator.services.cloudwatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.service.Params;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one {@code MetricDatum} of PutMetricData, validated as the API reference describes it: exactly one of
 * {@code Value}, {@code StatisticValues} and {@code Values} (with optional {@code Counts} of the same length, at most
 * 150 values); values within -2^360..2^360 and neither NaN nor infinite (non-zero magnitudes below 2^-360 are refused
 * too: "CloudWatch rejects values that are either too small or too large"); timestamps "as much as two weeks before the
 * current date, and as much as 2 hours after"; StorageResolution 1 or 60.
 */
final class MetricDatumParser {
    static final int MAX_VALUES = 150;
    private static final double MAX_MAGNITUDE = Math.pow(2, 360);
    private static final double MIN_MAGNITUDE = Math.pow(2, -360);
    private static final Duration MAX_AGE = Duration.ofDays(14);
    private static final Duration MAX_AHEAD = Duration.ofHours(2);

    /** A parsed datum: the metric it belongs to and the point to add. */
    record Parsed(MetricKey key, MetricPoint point) {
    }

    private MetricDatumParser() {
    }

    static Parsed parse(String namespace, ObjectNode node, Params parent, String path, Instant now) {
        Params p = new Params(node, parent.errors());
        String name = MetricInput.metricName(p, "MetricName", path + ".MetricName");
        List<Dimension> dimensions = MetricInput.dimensions(p, "Dimensions", path + ".Dimensions");
        Instant timestamp = timestamp(p, path, now);
        String unit = MetricInput.unit(p, "Unit", path + ".Unit");
        storageResolution(p, path);
        return new Parsed(new MetricKey(namespace, name, dimensions),
                point(p, path, timestamp, unit == null ? "None" : unit));
    }

    private static MetricPoint point(Params p, String path, Instant timestamp, String unit) {
        boolean value = p.has("Value");
        boolean set = p.has("StatisticValues");
        boolean values = !AlarmDefinitionParser.isEmptyList(p.node("Values"));
        boolean counts = !AlarmDefinitionParser.isEmptyList(p.node("Counts"));
        exclusive(path, "Value", value, "StatisticValues", set);
        exclusive(path, "Value", value, "Values", values);
        exclusive(path, "StatisticValues", set, "Values", values);
        if (counts && !values) {
            throw CloudWatchErrors.combination("The parameter " + path + ".Counts can only be specified together with "
                    + path + ".Values.");
        }
        if (value) {
            return MetricPoint.value(timestamp, unit, checked(p.number("Value"), path + ".Value"));
        }
        if (set) {
            return statisticSet(p.child("StatisticValues"), path + ".StatisticValues", timestamp, unit);
        }
        if (values) {
            return distribution(p, path, timestamp, unit);
        }
        throw p.errors().missing(path + ".Value");
    }

    private static MetricPoint distribution(Params p, String path, Instant timestamp, String unit) {
        double[] values = MetricInput.numbers(p, "Values", path + ".Values");
        if (values.length > MAX_VALUES) {
            throw CloudWatchErrors.invalidValue("The collection " + path + ".Values must not have a size greater than "
                    + MAX_VALUES + ".");
        }
        for (int i = 0; i < values.length; i++) {
            checked(values[i], path + ".Values.member." + (i + 1));
        }
        double[] counts = MetricInput.numbers(p, "Counts", path + ".Counts");
        if (counts.length == 0) {
            counts = new double[values.length];
            Arrays.fill(counts, 1);
        } else if (counts.length != values.length) {
            throw CloudWatchErrors.combination("The parameters " + path + ".Values and " + path
                    + ".Counts must contain the same number of members (" + values.length + " and " + counts.length
                    + ").");
        }
        for (int i = 0; i < counts.length; i++) {
            if (!(counts[i] >= 0) || Double.isInfinite(counts[i])) {
                throw CloudWatchErrors.invalidValue("The value " + counts[i] + " for parameter " + path
                        + ".Counts.member." + (i + 1) + " is invalid. Counts must be non-negative numbers.");
            }
        }
        return MetricPoint.values(timestamp, unit, values, counts);
    }

    private static MetricPoint statisticSet(Params s, String path, Instant timestamp, String unit) {
        double sampleCount = checked(required(s, "SampleCount", path), path + ".SampleCount");
        double sum = checked(required(s, "Sum", path), path + ".Sum");
        double min = checked(required(s, "Minimum", path), path + ".Minimum");
        double max = checked(required(s, "Maximum", path), path + ".Maximum");
        if (sampleCount <= 0) {
            throw CloudWatchErrors.invalidValue("The value " + sampleCount + " for parameter " + path
                    + ".SampleCount is invalid. SampleCount must be greater than 0.");
        }
        if (min > max) {
            throw CloudWatchErrors.invalidValue("The parameter " + path + ".Minimum (" + min
                    + ") must not be greater than " + path + ".Maximum (" + max + ").");
        }
        return MetricPoint.statisticSet(timestamp, unit, sampleCount, sum, min, max);
    }

    private static double required(Params s, String name, String path) {
        Double v = s.number(name);
        if (v == null) {
            throw s.errors().missing(path + "." + name);
        }
        return v;
    }

    private static Instant timestamp(Params p, String path, Instant now) {
        Instant timestamp = Timestamps.optional(p, "Timestamp", path + ".Timestamp");
        if (timestamp == null) {
            return now;
        }
        if (timestamp.isBefore(now.minus(MAX_AGE))) {
            throw CloudWatchErrors.invalidValue("The parameter " + path
                    + ".Timestamp must specify a time within the past two weeks.");
        }
        if (timestamp.isAfter(now.plus(MAX_AHEAD))) {
            throw CloudWatchErrors.invalidValue("The parameter " + path
                    + ".Timestamp must specify a time no more than two hours in the future.");
        }
        return timestamp;
    }

    private static void storageResolution(Params p, String path) {
        Integer resolution = p.integer("StorageResolution");
        if (resolution != null && resolution != 1 && resolution != 60) {
            throw CloudWatchErrors.invalidValue("The value " + resolution + " for parameter " + path
                    + ".StorageResolution is invalid. Valid values are 1 and 60.");
        }
    }

    private static void exclusive(String path, String a, boolean hasA, String b, boolean hasB) {
        if (hasA && hasB) {
            throw CloudWatchErrors.combination("The parameters " + path + "." + a + " and " + path + "." + b
                    + " are mutually exclusive and you have specified both.");
        }
    }

    private static double checked(double v, String path) {
        double magnitude = Math.abs(v);
        if (Double.isNaN(v) || magnitude > MAX_MAGNITUDE || magnitude != 0 && magnitude < MIN_MAGNITUDE) {
            throw CloudWatchErrors.invalidValue("The value " + v + " for parameter " + path + " is invalid. Values "
                    + "must be in the range of -2^360 to 2^360; NaN and infinities are not supported.");
        }
        return v;
    }
}
