package io.selfheal.remediations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AlarmInputTest {

    @Test
    void readsTheRuleTransformedInput() {
        AlarmInput input = AlarmInput.parse(Events.transformed("i-0abc", "ALARM", "2019-10-02T17:04:40.989+0000"));

        assertThat(input).isEqualTo(new AlarmInput(AlarmInput.Shape.TRANSFORMED, "i-0abc",
                "EC2-CPU-High-webserver-prod", "ALARM", "2019-10-02T17:04:40.989+0000"));
        assertThat(input.idempotencyKey()).contains("EC2-CPU-High-webserver-prod@2019-10-02T17:04:40.989+0000");
        assertThat(input.inAlarmOrUnstated()).isTrue();
    }

    @Test
    void transformedInputWithOnlyAnInstanceIdHasNoTransitionIdentity() {
        AlarmInput input = AlarmInput.parse(Map.of("instance_id", "i-0abc"));

        assertThat(input.instanceId()).isEqualTo("i-0abc");
        assertThat(input.stateValue()).isNull();
        assertThat(input.inAlarmOrUnstated()).isTrue();
        assertThat(input.idempotencyKey()).isEmpty();
    }

    @Test
    void readsTheRawAlarmStateChangeEvent() {
        AlarmInput input = AlarmInput.parse(Events.load("cloudwatch-alarm-state-change-metric.json"));

        assertThat(input).isEqualTo(new AlarmInput(AlarmInput.Shape.EVENTBRIDGE_EVENT, "i-12345678901234567",
                "ServerCpuTooHigh", "ALARM", "2019-10-02T17:04:40.989+0000"));
    }

    @Test
    void readsTheAlarmActionPayload() {
        AlarmInput input = AlarmInput.parse(Events.load("cloudwatch-alarm-lambda-action-payload.json"));

        assertThat(input).isEqualTo(new AlarmInput(AlarmInput.Shape.ALARM_ACTION, "i-12345678",
                "lambda-demo-metric-alarm", "ALARM", "2023-08-04T12:36:15.490+0000"));
    }

    @Test
    void okStateIsNotAnAlarm() {
        assertThat(AlarmInput.parse(Events.transformed("i-0abc", "OK", "t")).inAlarmOrUnstated()).isFalse();
        assertThat(AlarmInput.parse(Events.transformed("i-0abc", "INSUFFICIENT_DATA", "t")).inAlarmOrUnstated()).isFalse();
    }

    @Test
    void metricMathAlarmPrefersTheReturnedMetricWithAnInstanceIdElseTheFirstWithOne() {
        Map<String, Object> event = Events.load("cloudwatch-alarm-state-change-metric.json");
        Map<String, Object> configuration = Events.child(event, "detail", "configuration");
        Map<String, Object> expression = Map.of("id", "e1", "expression", "m1 * 2", "returnData", true);
        Map<String, Object> noDimension = metric("m0", Map.of(), false);
        Map<String, Object> first = metric("m1", Map.of("InstanceId", "i-first"), false);
        Map<String, Object> second = metric("m2", Map.of("InstanceId", "i-returned"), true);

        configuration.put("metrics", List.of(expression, noDimension, first, second));
        assertThat(AlarmInput.parse(event).instanceId()).isEqualTo("i-returned");

        configuration.put("metrics", List.of(expression, noDimension, first));
        assertThat(AlarmInput.parse(event).instanceId()).isEqualTo("i-first");
    }

    @Test
    void failsClearlyWithoutAnInstanceId() {
        assertThatThrownBy(() -> AlarmInput.parse(Events.load("cloudwatch-alarm-state-change-composite.json")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No EC2 instance id in alarm 'ServiceAggregatedAlarm'")
                .hasMessageContaining("detail.configuration.metrics[].metricStat.metric.dimensions.InstanceId");

        Map<String, Object> emptyId = new HashMap<>();
        emptyId.put("instance_id", null);
        emptyId.put("alarm_name", "EC2-CPU-High-webserver-prod");
        assertThatThrownBy(() -> AlarmInput.parse(emptyId))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("instance_id is empty");

        assertThatThrownBy(() -> AlarmInput.parse(Map.of("hello", "world")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unrecognised input with keys [hello]");

        assertThatThrownBy(() -> AlarmInput.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Empty input");
    }

    @Test
    void alarmActionPayloadWithoutMetricsFails() {
        Map<String, Object> payload = Events.load("cloudwatch-alarm-lambda-action-payload.json");
        Events.child(payload, "alarmData", "configuration").remove("metrics");

        assertThatThrownBy(() -> AlarmInput.parse(payload))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alarmData.configuration.metrics[]");
    }

    private static Map<String, Object> metric(String id, Map<String, String> dimensions, boolean returnData) {
        return Map.of("id", id, "returnData", returnData, "metricStat", Map.of("metric",
                Map.of("namespace", "AWS/EC2", "name", "CPUUtilization", "dimensions", dimensions), "period", 300, "stat", "Average"));
    }
}
