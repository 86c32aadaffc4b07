package io.selfheal.emulator.services.cloudwatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.messages.ServiceEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The "CloudWatch Alarm State Change" event of a single-metric alarm, in the shape of the sample in the CloudWatch
 * User Guide, "Alarm events and EventBridge": {@code alarmName}, {@code state}, {@code previousState} and
 * {@code configuration{description?, metrics[{id, metricStat{metric{namespace, name, dimensions{}}, period, stat},
 * returnData}]}}. Keys the alarm has no value for ({@code description}, {@code reasonData}) are left out, as AWS does.
 * {@code dimensions} is an object, and state timestamps have milliseconds and a {@code +0000} offset, unlike the
 * envelope's {@code time}.
 */
final class AlarmStateChangeEvent {
    static final String SOURCE = "aws.cloudwatch";
    static final String DETAIL_TYPE = "CloudWatch Alarm State Change";

    private static final DateTimeFormatter STATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private AlarmStateChangeEvent() {
    }

    static ServiceEvent of(String accountId, String region, MetricAlarm alarm, AlarmState previous) {
        return new ServiceEvent(accountId, region, SOURCE, DETAIL_TYPE, List.of(alarm.arn),
                detail(alarm.definition, alarm.metricId, previous, alarm.state), alarm.state.timestamp());
    }

    static ObjectNode detail(AlarmDefinition definition, String metricId, AlarmState previous, AlarmState current) {
        ObjectNode detail = Json.object().put("alarmName", definition.name());
        detail.set("configuration", configuration(definition, metricId));
        detail.set("previousState", state(previous));
        detail.set("state", state(current));
        return detail;
    }

    /** {@code 2019-10-02T17:04:40.989+0000}. */
    static String timestamp(Instant instant) {
        return STATE_TIME.format(instant);
    }

    private static ObjectNode configuration(AlarmDefinition definition, String metricId) {
        ObjectNode configuration = Json.object();
        if (definition.description() != null) {
            configuration.put("description", definition.description());
        }
        ObjectNode query = configuration.putArray("metrics").addObject().put("id", metricId);
        ObjectNode metricStat = query.putObject("metricStat");
        ObjectNode metric = metricStat.putObject("metric");
        ObjectNode dimensions = metric.putObject("dimensions");
        definition.dimensions().forEach(d -> dimensions.put(d.name(), d.value()));
        metric.put("name", definition.metricName()).put("namespace", definition.namespace());
        metricStat.put("period", definition.period()).put("stat", definition.stat());
        query.put("returnData", true);
        return configuration;
    }

    private static ObjectNode state(AlarmState state) {
        ObjectNode node = Json.object().put("reason", state.reason());
        if (state.reasonData() != null) {
            node.put("reasonData", state.reasonData());
        }
        return node.put("timestamp", timestamp(state.timestamp())).put("value", state.value());
    }
}
