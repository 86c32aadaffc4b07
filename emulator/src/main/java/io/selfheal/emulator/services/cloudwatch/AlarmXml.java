package io.selfheal.emulator.services.cloudwatch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.protocol.TimestampNode;
import java.util.List;

/**
 * A {@code MetricAlarm} of DescribeAlarms in the API's member names (lists become {@code <member>} children). Action
 * lists are always present, possibly empty; optional settings the caller never set are omitted, as AWS omits them.
 * Timestamps are {@link TimestampNode}s: ISO-8601 over query, epoch seconds over AWS JSON.
 */
final class AlarmXml {
    private AlarmXml() {
    }

    static ObjectNode metricAlarm(MetricAlarm alarm) {
        AlarmDefinition d = alarm.definition;
        ObjectNode n = Json.object().put("AlarmName", d.name()).put("AlarmArn", alarm.arn);
        putIfSet(n, "AlarmDescription", d.description());
        n.set("AlarmConfigurationUpdatedTimestamp", TimestampNode.of(alarm.configurationUpdated));
        n.put("ActionsEnabled", d.actionsEnabled());
        n.set("OKActions", strings(d.okActions()));
        n.set("AlarmActions", strings(d.alarmActions()));
        n.set("InsufficientDataActions", strings(d.insufficientDataActions()));
        n.put("StateValue", alarm.state.value()).put("StateReason", alarm.state.reason());
        putIfSet(n, "StateReasonData", alarm.state.reasonData());
        n.set("StateUpdatedTimestamp", TimestampNode.of(alarm.state.timestamp()));
        n.put("MetricName", d.metricName())
                .put("Namespace", d.namespace());
        putIfSet(n, "Statistic", d.statistic());
        putIfSet(n, "ExtendedStatistic", d.extendedStatistic());
        ArrayNode dimensions = n.putArray("Dimensions");
        d.dimensions().forEach(dim -> dimensions.addObject().put("Name", dim.name()).put("Value", dim.value()));
        n.put("Period", d.period());
        putIfSet(n, "Unit", d.unit());
        n.put("EvaluationPeriods", d.evaluationPeriods());
        if (d.datapointsToAlarm() != null) {
            n.put("DatapointsToAlarm", d.datapointsToAlarm());
        }
        n.put("Threshold", d.threshold()).put("ComparisonOperator", d.comparisonOperator());
        putIfSet(n, "TreatMissingData", d.treatMissingData());
        putIfSet(n, "EvaluateLowSampleCountPercentile", d.evaluateLowSampleCountPercentile());
        n.set("StateTransitionedTimestamp", TimestampNode.of(alarm.state.timestamp()));
        return n;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = Json.array();
        values.forEach(array::add);
        return array;
    }

    private static void putIfSet(ObjectNode n, String name, String value) {
        if (value != null) {
            n.put(name, value);
        }
    }
}
