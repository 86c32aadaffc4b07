package io.selfheal.harness.expect;

import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.yaml.ProblemAt;
import io.selfheal.harness.yaml.YMap;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * A statistic of a metric over the last {@code window}, as CloudWatch GetMetricStatistics reports it, compared to a
 * threshold: {@code metric: {namespace: AWS/EC2, name: CPUUtilization, dimensions: {InstanceId:
 * "${instances.web.id}"}, statistic: Maximum, window: PT10M, comparison: GreaterThanOrEqualToThreshold,
 * threshold: 99}}. The window's datapoints ({@code period} seconds each, default 60) are combined as the statistic
 * says (the maximum of maxima, sums added, averages weighted by sample count); no datapoint never holds.
 */
public record MetricExpectation(String namespace, String name, Map<String, String> dimensions, String statistic,
                                int period, Duration window, String comparison, double threshold)
        implements Expectation {
    private static final String[] STATISTICS = {"Average", "Sum", "Minimum", "Maximum", "SampleCount"};
    private static final String[] COMPARISONS = {"GreaterThanThreshold", "GreaterThanOrEqualToThreshold",
            "LessThanThreshold", "LessThanOrEqualToThreshold"};

    @Override
    public String describe() {
        return statistic + " of " + namespace + " " + name + " " + dimensions + " over the last " + window + " "
                + comparison.replace("Threshold", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase() + " "
                + threshold;
    }

    @Override
    public Verdict check(ProbeContext run) {
        Instant end = run.cloud().now();
        List<Dimension> dims = new ArrayList<>();
        dimensions.forEach((k, v) -> dims.add(Dimension.builder().name(k).value(run.state().resolve(v)).build()));
        List<Datapoint> points = run.clients().cloudWatch().getMetricStatistics(r -> r.namespace(namespace)
                .metricName(name).dimensions(dims).startTime(end.minus(window)).endTime(end).period(period)
                .statistics(Statistic.SUM, Statistic.SAMPLE_COUNT, Statistic.MINIMUM, Statistic.MAXIMUM))
                .datapoints();
        if (points.isEmpty()) {
            return Verdict.of(false, "no datapoints in the last " + window);
        }
        double value = combine(points);
        return Verdict.of(compare(value), statistic + " " + value + " over " + points.size() + " datapoint"
                + (points.size() == 1 ? "" : "s"));
    }

    private double combine(List<Datapoint> points) {
        double sum = points.stream().mapToDouble(Datapoint::sum).sum();
        double samples = points.stream().mapToDouble(Datapoint::sampleCount).sum();
        return switch (statistic) {
            case "Maximum" -> points.stream().mapToDouble(Datapoint::maximum).max().orElseThrow();
            case "Minimum" -> points.stream().mapToDouble(Datapoint::minimum).min().orElseThrow();
            case "Sum" -> sum;
            case "SampleCount" -> samples;
            default -> sum / samples;
        };
    }

    private boolean compare(double value) {
        return switch (comparison) {
            case "GreaterThanThreshold" -> value > threshold;
            case "GreaterThanOrEqualToThreshold" -> value >= threshold;
            case "LessThanThreshold" -> value < threshold;
            default -> value <= threshold;
        };
    }

    /** Registered as {@code metric}. */
    /**
     * A GetMetricStatistics period (1, 5, 10, 30 or a multiple of 60 seconds; default 60) and a window that holds at
     * least one, for the YAML reader and the Java DSL alike.
     */
    public static void checkWindow(Integer period, Duration window, ProblemAt problems) {
        if (period != null && !(List.of(1, 5, 10, 30).contains(period) || period > 0 && period % 60 == 0)) {
            problems.problem("period", "a period is 1, 5, 10, 30 or a multiple of 60 seconds");
        }
        if (window != null && window.compareTo(Duration.ofSeconds(period == null ? 60 : period)) < 0) {
            problems.problem("window", "the window must hold at least one period");
        }
    }

    public static final class Type implements ExpectationType {
        @Override
        public String key() {
            return "metric";
        }

        @Override
        public Expectation read(YMap spec, ReadContext context) {
            spec.allow("namespace", "name", "dimensions", "statistic", "period", "window", "comparison",
                    "threshold");
            String namespace = spec.requiredString("namespace");
            String name = spec.requiredString("name");
            String statistic = spec.choice("statistic", STATISTICS);
            Integer period = spec.integer("period");
            Duration window = spec.duration("window");
            checkWindow(period, window, spec.problems());
            if (window == null && !spec.has("window")) {
                spec.require("window");
            }
            String comparison = spec.choice("comparison", COMPARISONS);
            if (!spec.has("comparison")) {
                spec.require("comparison");
            }
            Double threshold = spec.number("threshold");
            if (!spec.has("threshold")) {
                spec.require("threshold");
            }
            if (!spec.has("statistic")) {
                spec.require("statistic");
            }
            return new MetricExpectation(namespace, name, spec.stringMap("dimensions"), statistic,
                    period == null ? 60 : period, window, comparison, threshold == null ? 0 : threshold);
        }

        @Override
        public String schema() {
            return """
                {"description": "A statistic of a metric over the last window, from GetMetricStatistics, compared to a threshold. No datapoint never holds.", "type": "object", "additionalProperties": false, "required": ["namespace", "name", "statistic", "window", "comparison", "threshold"], "properties": {
                  "namespace": {"description": "The metric's namespace, e.g. AWS/EC2.", "type": "string"},
                  "name": {"description": "The metric name, e.g. CPUUtilization.", "type": "string"},
                  "dimensions": {"description": "The metric's dimensions, name to value.", "$ref": "#/$defs/textMap"},
                  "statistic": {"description": "How the window's datapoints combine: the maximum of maxima, sums added, averages weighted by sample count.", "$ref": "#/$defs/statistic"},
                  "period": {"description": "Seconds per datapoint (default 60).", "$ref": "#/$defs/period", "default": 60},
                  "window": {"description": "How far back from now (ISO-8601 duration; at least one period).", "$ref": "#/$defs/positiveDuration"},
                  "comparison": {"description": "How the statistic is compared to the threshold.", "$ref": "#/$defs/comparison"},
                  "threshold": {"description": "The threshold.", "type": "number"}
                }}
                """;
        }
    }
}
