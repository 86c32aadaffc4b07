package io.selfheal.remediations;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a remediation needs from a CloudWatch alarm, read from any of the three shapes that reach a Lambda function:
 * <ul>
 *   <li>{@link Shape#TRANSFORMED}: an EventBridge rule's input transformer output
 *       ({@code instance_id}, {@code alarm_name}, {@code state_value}, {@code state_timestamp});</li>
 *   <li>{@link Shape#EVENTBRIDGE_EVENT}: the raw "CloudWatch Alarm State Change" event ({@code detail…});</li>
 *   <li>{@link Shape#ALARM_ACTION}: the payload of an alarm that invokes Lambda directly ({@code alarmData…}).</li>
 * </ul>
 * Only {@code instanceId} is required; the others are null when the input does not carry them.
 */
record AlarmInput(Shape shape, String instanceId, String alarmName, String stateValue, String stateTimestamp) {

    enum Shape { TRANSFORMED, EVENTBRIDGE_EVENT, ALARM_ACTION }

    static final String ALARM = "ALARM";

    /** @throws IllegalArgumentException when the shape is unknown or no instance id can be found */
    static AlarmInput parse(Map<String, Object> input) {
        if (input == null || input.isEmpty()) {
            throw new IllegalArgumentException("Empty input: expected an EventBridge transformed input with instance_id, "
                    + "a CloudWatch Alarm State Change event or a CloudWatch alarm action payload");
        }
        if (input.containsKey("instance_id")) {
            String id = text(input.get("instance_id"));
            if (id == null) {
                throw new IllegalArgumentException("instance_id is empty: the rule's input transformer found no "
                        + "InstanceId dimension ($.detail.configuration.metrics[0].metricStat.metric.dimensions.InstanceId)");
            }
            return new AlarmInput(Shape.TRANSFORMED, id, text(input.get("alarm_name")),
                    text(input.get("state_value")), text(input.get("state_timestamp")));
        }
        if (input.get("alarmData") instanceof Map<?, ?> alarmData) {
            return fromAlarmBody(Shape.ALARM_ACTION, alarmData, "alarmData");
        }
        if (input.get("detail") instanceof Map<?, ?> detail) {
            return fromAlarmBody(Shape.EVENTBRIDGE_EVENT, detail, "detail");
        }
        throw new IllegalArgumentException("Unrecognised input with keys " + input.keySet() + ": expected instance_id "
                + "(transformed input), detail (CloudWatch Alarm State Change event) or alarmData (alarm action payload)");
    }

    /** True unless the input says the alarm is in a state other than ALARM; an input without a state is acted on. */
    boolean inAlarmOrUnstated() {
        return stateValue == null || ALARM.equals(stateValue);
    }

    /** Identifies one alarm transition: every redelivery of it carries the same key. Empty without a transition identity. */
    Optional<String> idempotencyKey() {
        return alarmName != null && stateTimestamp != null
                ? Optional.of(alarmName + "@" + stateTimestamp)
                : Optional.empty();
    }

    // The EventBridge event's "detail" and the alarm action's "alarmData" share one inner structure.
    private static AlarmInput fromAlarmBody(Shape shape, Map<?, ?> body, String bodyName) {
        String alarmName = text(body.get("alarmName"));
        String instanceId = instanceIdFromMetrics(path(body, "configuration", "metrics"));
        if (instanceId == null) {
            throw new IllegalArgumentException("No EC2 instance id in alarm " + (alarmName == null ? "(unnamed)" : "'" + alarmName + "'")
                    + ": no " + bodyName + ".configuration.metrics[].metricStat.metric.dimensions.InstanceId "
                    + "(a composite alarm or a metric without an InstanceId dimension cannot be remediated here)");
        }
        Object state = body.get("state");
        return new AlarmInput(shape, instanceId, alarmName,
                text(path(state, "value")), text(path(state, "timestamp")));
    }

    // Metric-math alarms list several metrics; the one with returnData true is usually the expression, so prefer a
    // returnData metric that has the dimension and fall back to the first metric that has it.
    private static String instanceIdFromMetrics(Object metrics) {
        if (!(metrics instanceof List<?> list)) {
            return null;
        }
        String first = null;
        for (Object metric : list) {
            String id = text(path(metric, "metricStat", "metric", "dimensions", "InstanceId"));
            if (id == null) {
                continue;
            }
            if (Boolean.TRUE.equals(path(metric, "returnData")) || "true".equals(text(path(metric, "returnData")))) {
                return id;
            }
            if (first == null) {
                first = id;
            }
        }
        return first;
    }

    private static Object path(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    private static String text(Object value) {
        if (value instanceof String s) {
            return s.isBlank() ? null : s.trim();
        }
        return value instanceof Number || value instanceof Boolean ? value.toString() : null;
    }
}
