package io.selfheal.emulator.services.cloudwatch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.time.Instant;
import java.util.List;

/**
 * {@code ConfigurationUpdate} history items as DescribeAlarmHistory shows them: summary {@code Alarm "<name>" created}
 * (updated, deleted) and data {@code {"version":"1.0","type":"Create","createdAlarm":{…}}} (Update with
 * {@code updatedAlarm} and {@code originalAlarm}; Delete with {@code deletedAlarm}), the alarm in camel-case keys.
 */
final class AlarmHistoryData {
    private AlarmHistoryData() {
    }

    static AlarmHistoryItem created(AlarmDefinition d, Instant now) {
        ObjectNode data = Json.object().put("version", "1.0").put("type", "Create");
        data.set("createdAlarm", alarm(d));
        return item(d, now, "created", data);
    }

    static AlarmHistoryItem updated(AlarmDefinition before, AlarmDefinition after, Instant now) {
        ObjectNode data = Json.object().put("version", "1.0").put("type", "Update");
        data.set("updatedAlarm", alarm(after));
        data.set("originalAlarm", alarm(before));
        return item(after, now, "updated", data);
    }

    static AlarmHistoryItem deleted(AlarmDefinition d, Instant now) {
        ObjectNode data = Json.object().put("version", "1.0").put("type", "Delete");
        data.set("deletedAlarm", alarm(d));
        return item(d, now, "deleted", data);
    }

    private static AlarmHistoryItem item(AlarmDefinition d, Instant now, String what, ObjectNode data) {
        return new AlarmHistoryItem(d.name(), "MetricAlarm", now, AlarmHistoryItem.CONFIGURATION_UPDATE,
                "Alarm \"" + d.name() + "\" " + what, data.toString());
    }

    private static ObjectNode alarm(AlarmDefinition d) {
        ObjectNode a = Json.object().put("alarmName", d.name());
        if (d.description() != null) {
            a.put("alarmDescription", d.description());
        }
        a.put("actionsEnabled", d.actionsEnabled());
        a.set("okActions", strings(d.okActions()));
        a.set("alarmActions", strings(d.alarmActions()));
        a.set("insufficientDataActions", strings(d.insufficientDataActions()));
        a.put("metricName", d.metricName()).put("namespace", d.namespace());
        if (d.statistic() != null) {
            a.put("statistic", d.statistic());
        } else {
            a.put("extendedStatistic", d.extendedStatistic());
        }
        ArrayNode dims = a.putArray("dimensions");
        d.dimensions().forEach(dim -> dims.addObject().put("name", dim.name()).put("value", dim.value()));
        a.put("period", d.period());
        if (d.unit() != null) {
            a.put("unit", d.unit());
        }
        a.put("evaluationPeriods", d.evaluationPeriods());
        if (d.datapointsToAlarm() != null) {
            a.put("datapointsToAlarm", d.datapointsToAlarm());
        }
        a.put("threshold", d.threshold()).put("comparisonOperator", d.comparisonOperator());
        if (d.treatMissingData() != null) {
            a.put("treatMissingData", d.treatMissingData());
        }
        return a;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = Json.array();
        values.forEach(array::add);
        return array;
    }
}
