package io.selfheal.harness.dsl;

import io.selfheal.harness.stack.AlarmKind;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * A CloudWatch metric alarm of the stack ({@code stack.alarms.<key>}), with the loader's defaults: statistic
 * Average, period 300, one evaluation period. Values may reference the stack:
 * {@code dimension("InstanceId", Refs.instance("web").id())}.
 */
public final class AlarmSpec extends Spec<AlarmSpec> {
    static final String[] COMPARISONS = {"GreaterThanThreshold", "GreaterThanOrEqualToThreshold",
        "LessThanThreshold", "LessThanOrEqualToThreshold"};
    static final String[] STATISTICS = {"Average", "Sum", "Minimum", "Maximum", "SampleCount"};

    private String name;
    private String description;
    private String namespace;
    private String metric;
    private Map<String, String> dimensions = Map.of();
    private String statistic = "Average";
    private int period = 300;
    private int evaluationPeriods = 1;
    private Integer datapointsToAlarm;
    private Double threshold;
    private String comparison;
    private String treatMissingData;

    AlarmSpec() {
    }

    public AlarmSpec name(String name) {
        return with(s -> s.name = name);
    }

    public AlarmSpec description(String description) {
        return with(s -> s.description = description);
    }

    /** {@code metric("AWS/EC2", "CPUUtilization")}. */
    public AlarmSpec metric(String namespace, String metric) {
        return with(s -> {
            s.namespace = namespace;
            s.metric = metric;
        });
    }

    public AlarmSpec dimension(String name, String value) {
        return with(s -> s.dimensions = plus(s.dimensions, name, value));
    }

    public AlarmSpec statistic(Statistic statistic) {
        return with(s -> s.statistic = statistic.toString());
    }

    public AlarmSpec period(int seconds) {
        return with(s -> s.period = seconds);
    }

    public AlarmSpec evaluationPeriods(int evaluationPeriods) {
        return with(s -> s.evaluationPeriods = evaluationPeriods);
    }

    public AlarmSpec datapointsToAlarm(int datapointsToAlarm) {
        return with(s -> s.datapointsToAlarm = datapointsToAlarm);
    }

    /** {@code threshold(GREATER_THAN_THRESHOLD, 90)}. */
    public AlarmSpec threshold(ComparisonOperator comparison, double threshold) {
        return with(s -> {
            s.comparison = comparison.toString();
            s.threshold = threshold;
        });
    }

    /** missing, ignore, breaching or notBreaching. */
    public AlarmSpec treatMissingData(String treatMissingData) {
        return with(s -> s.treatMissingData = treatMissingData);
    }

    AlarmKind.Alarm build(String key, Checks checks) {
        checks.required("name", name);
        checks.required("namespace", namespace);
        checks.required("metric", metric);
        checks.required("comparison", comparison);
        checks.choice("comparison", comparison, COMPARISONS);
        checks.choice("statistic", statistic, STATISTICS);
        checks.choice("treatMissingData", treatMissingData, "missing", "ignore", "breaching", "notBreaching");
        dimensions.forEach((k, v) -> checks.at("dimensions").at(k).references(v));
        return new AlarmKind.Alarm(key, name, description, namespace, metric, dimensions, statistic, period,
                evaluationPeriods, datapointsToAlarm, threshold == null ? 0 : threshold, comparison,
                treatMissingData);
    }
}
