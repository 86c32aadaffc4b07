package io.selfheal.harness.dsl;

import io.selfheal.harness.expect.Expectation;
import io.selfheal.harness.expect.MetricExpectation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * {@code metric}: a statistic over the last window compared to a threshold:
 * {@code Outcomes.metric("AWS/EC2", "CPUUtilization").dimension("InstanceId", Refs.instance("web").id())
 * .statistic(MAXIMUM).window(Duration.ofMinutes(10)).threshold(GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 99)}.
 */
public final class MetricOutcome extends Spec<MetricOutcome> implements OutcomeSpec {
    private final String namespace;
    private final String name;
    private Map<String, String> dimensions = Map.of();
    private Statistic statistic;
    private int period = 60;
    private Duration window;
    private ComparisonOperator comparison;
    private Double threshold;

    MetricOutcome(String namespace, String name) {
        this.namespace = namespace;
        this.name = name;
    }

    public MetricOutcome dimension(String name, String value) {
        return with(s -> s.dimensions = plus(s.dimensions, name, value));
    }

    public MetricOutcome statistic(Statistic statistic) {
        return with(s -> s.statistic = statistic);
    }

    /** Seconds per datapoint: 1, 5, 10, 30 or a multiple of 60 (default 60). */
    public MetricOutcome period(int seconds) {
        return with(s -> s.period = seconds);
    }

    public MetricOutcome window(Duration window) {
        return with(s -> s.window = window);
    }

    public MetricOutcome threshold(ComparisonOperator comparison, double threshold) {
        return with(s -> {
            s.comparison = comparison;
            s.threshold = threshold;
        });
    }

    @Override
    public String key() {
        return "metric";
    }

    @Override
    public Expectation build(Checks checks) {
        checks.required("namespace", namespace);
        checks.required("name", name);
        MetricExpectation.checkWindow(period, checks.required("window", window), checks);
        checks.required("comparison", comparison);
        checks.required("threshold", threshold);
        checks.required("statistic", statistic);
        String stat = checks.choice("statistic", statistic == null ? null : statistic.toString(),
                AlarmSpec.STATISTICS);
        String compare = checks.choice("comparison", comparison == null ? null : comparison.toString(),
                AlarmSpec.COMPARISONS);
        dimensions.forEach((k, v) -> checks.at("dimensions").at(k).references(v));
        return new MetricExpectation(namespace, name, dimensions, stat, period, window, compare,
                threshold == null ? 0 : threshold);
    }
}
