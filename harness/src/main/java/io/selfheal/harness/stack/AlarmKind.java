package io.selfheal.harness.stack;

import io.selfheal.harness.yaml.YMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;

/** {@code stack.alarms}: CloudWatch metric alarms made with PutMetricAlarm. */
public final class AlarmKind extends AbstractStackKind<AlarmKind.Alarm> {
    public static final String KEY = "alarms";
    private static final String[] COMPARISONS = {"GreaterThanThreshold", "GreaterThanOrEqualToThreshold",
        "LessThanThreshold", "LessThanOrEqualToThreshold"};

    /** A CloudWatch metric alarm created with PutMetricAlarm. Values may contain references. */
    public record Alarm(String key, String name, String description, String namespace, String metric,
                        Map<String, String> dimensions, String statistic, int period, int evaluationPeriods,
                        Integer datapointsToAlarm, double threshold, String comparison, String treatMissingData) {
    }

    /** Dimensions name the instances and functions they watch. */
    public AlarmKind() {
        super(KEY, Alarm.class, List.of("name", "arn"), Set.of(InstanceKind.KEY, FunctionKind.KEY));
    }

    @Override
    public Alarm read(String key, YMap m, StackReading reading) {
        m.allow("name", "description", "namespace", "metric", "dimensions", "statistic", "period",
                "evaluationPeriods", "datapointsToAlarm", "threshold", "comparison", "treatMissingData");
        String statistic = m.choice("statistic", "Average", "Sum", "Minimum", "Maximum", "SampleCount");
        String comparison = m.choice("comparison", COMPARISONS);
        if (!m.has("comparison")) {
            m.require("comparison");
        }
        Double threshold = m.number("threshold");
        if (!m.has("threshold")) {
            m.require("threshold");
        }
        Integer period = m.integer("period");
        Integer evaluationPeriods = m.integer("evaluationPeriods");
        Integer datapointsToAlarm = m.integer("datapointsToAlarm");
        AlarmLimits.check(m, period, evaluationPeriods, datapointsToAlarm);
        return new Alarm(key, m.requiredString("name"), m.string("description"), m.requiredString("namespace"),
                m.requiredString("metric"), m.stringMap("dimensions"), StackReading.orElse(statistic, "Average"),
                StackReading.orElse(period, 300), StackReading.orElse(evaluationPeriods, 1), datapointsToAlarm,
                threshold == null ? 0 : threshold, comparison,
                m.choice("treatMissingData", "missing", "ignore", "breaching", "notBreaching"));
    }

    @Override
    public void provision(Map<String, Alarm> alarms, Provisioning p) {
        for (Alarm spec : alarms.values()) {
            List<Dimension> dimensions = new ArrayList<>();
            p.state().resolve(spec.dimensions())
                    .forEach((k, v) -> dimensions.add(Dimension.builder().name(k).value(v).build()));
            String name = p.name(spec.name(), io.selfheal.harness.runid.NameLimits.ALARM);
            p.clients().cloudWatch().putMetricAlarm(r -> r.alarmName(name)
                    .alarmDescription(spec.description()).namespace(spec.namespace()).metricName(spec.metric())
                    .dimensions(dimensions).statistic(spec.statistic()).period(spec.period())
                    .evaluationPeriods(spec.evaluationPeriods()).datapointsToAlarm(spec.datapointsToAlarm())
                    .treatMissingData(spec.treatMissingData()).threshold(spec.threshold())
                    .comparisonOperator(spec.comparison()));
            p.put(this, spec.key(), "name", name);
            p.put(this, spec.key(), "arn", p.arn("cloudwatch", "alarm:" + name));
        }
    }

    /** The JSON Schema of this kind: its section's description, one entry's schema, and defs it refers to. */
    @Override
    public String schema() {
        return """
            {"description": "CloudWatch metric alarms (PutMetricAlarm), by key.", "entry": {"description": "A CloudWatch metric alarm. References: ${alarms.<key>.name}, ${alarms.<key>.arn}.", "type": "object", "additionalProperties": false, "required": ["name", "namespace", "metric", "threshold", "comparison"], "properties": {
              "name": {"description": "The alarm name (AlarmName).", "$ref": "#/$defs/text"},
              "description": {"description": "The alarm description (AlarmDescription).", "$ref": "#/$defs/text"},
              "namespace": {"description": "The metric's namespace, e.g. AWS/EC2.", "type": "string"},
              "metric": {"description": "The metric name, e.g. CPUUtilization.", "type": "string"},
              "dimensions": {"description": "The metric's dimensions, name to value, e.g. {InstanceId: \\"${instances.web.id}\\"}.", "$ref": "#/$defs/textMap"},
              "statistic": {"description": "The statistic evaluated (default Average).", "$ref": "#/$defs/statistic", "default": "Average"},
              "period": {"description": "Seconds per datapoint evaluated (default 300): 10, 20, 30 or a multiple of 60, PutMetricAlarm's valid values.", "anyOf": [{"enum": [10, 20, 30]}, {"type": "integer", "minimum": 60, "multipleOf": 60}], "default": 300},
              "evaluationPeriods": {"description": "How many recent periods are evaluated (default 1). evaluationPeriods × period is at most one day (86,400 s) for a period under an hour, seven days (604,800 s) otherwise.", "type": "integer", "minimum": 1, "default": 1},
              "datapointsToAlarm": {"description": "How many of those must breach (default: evaluationPeriods); at most evaluationPeriods.", "type": "integer", "minimum": 1},
              "threshold": {"description": "The threshold compared against.", "type": "number"},
              "comparison": {"description": "The comparison operator (ComparisonOperator).", "$ref": "#/$defs/comparison"},
              "treatMissingData": {"description": "How missing datapoints count (default missing).", "enum": ["missing", "ignore", "breaching", "notBreaching"]}
            }}
            }
            """;
    }
}
