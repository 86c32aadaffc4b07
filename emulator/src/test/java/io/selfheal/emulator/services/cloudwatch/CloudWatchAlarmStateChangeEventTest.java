package io.selfheal.emulator.services.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.ServiceEventCapture;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The event detail for the alarm of AWS's sample ("Alarm events and EventBridge", single-metric alarm) equals the
 * sample's detail: same keys in the same nesting, same values, same timestamp format.
 */
class CloudWatchAlarmStateChangeEventTest {
    private static final JsonNode REFERENCE = ServiceEventCapture.reference("cloudwatch-alarm-state-change-metric.json");
    private static final JsonNode DETAIL = REFERENCE.get("detail");

    @Test
    void theReferenceAlarmsDetailIsTheReferenceDetail() {
        ObjectNode produced = AlarmStateChangeEvent.detail(referenceAlarm(), referenceMetricId(),
                state(DETAIL.get("previousState")), state(DETAIL.get("state")));
        assertThat(paths(produced)).containsExactlyElementsOf(paths(DETAIL));
        assertThat(produced).isEqualTo(DETAIL);
    }

    @Test
    void stateTimestampsHaveMillisecondsAndAPlusZeroOffset() {
        assertThat(AlarmStateChangeEvent.timestamp(Instant.parse("2019-10-02T17:04:40.989Z")))
                .isEqualTo("2019-10-02T17:04:40.989+0000");
        assertThat(AlarmStateChangeEvent.timestamp(Instant.parse("2019-10-02T17:04:40Z")))
                .isEqualTo("2019-10-02T17:04:40.000+0000");
    }

    @Test
    void keysTheAlarmHasNoValueForAreLeftOut() {
        AlarmDefinition reference = referenceAlarm();
        AlarmDefinition bare = new AlarmDefinition(reference.name(), null, true, List.of(), List.of(), List.of(),
                "Errors", "AWS/Lambda", null, "p99", List.of(), 60, null, 1, null, 1.0, "GreaterThanThreshold", null,
                null);
        AlarmState initial = AlarmState.initial(Instant.parse("2024-01-01T00:00:00Z"));
        AlarmState alarm = new AlarmState("ALARM", "test", null, Instant.parse("2024-01-01T00:01:00.5Z"));
        ObjectNode produced = AlarmStateChangeEvent.detail(bare, "m1", initial, alarm);
        assertThat(produced.get("configuration").has("description")).isFalse();
        assertThat(produced.get("state").has("reasonData")).isFalse();
        assertThat(produced.get("previousState").get("reason").asText()).isEqualTo("Unchecked: Initial alarm creation");
        assertThat(produced.get("state").get("timestamp").asText()).isEqualTo("2024-01-01T00:01:00.500+0000");
        JsonNode metricStat = produced.get("configuration").get("metrics").get(0).get("metricStat");
        assertThat(metricStat.get("stat").asText()).isEqualTo("p99");
        assertThat(metricStat.get("metric").get("dimensions").isObject()).isTrue();
        assertThat(metricStat.get("metric").get("dimensions").size()).isZero();
    }

    /** The sample's alarm as PutMetricAlarm would have configured it. */
    private static AlarmDefinition referenceAlarm() {
        JsonNode query = DETAIL.get("configuration").get("metrics").get(0);
        JsonNode stat = query.get("metricStat");
        JsonNode metric = stat.get("metric");
        List<Dimension> dimensions = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = metric.get("dimensions").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            dimensions.add(new Dimension(e.getKey(), e.getValue().asText()));
        }
        return new AlarmDefinition(DETAIL.get("alarmName").asText(),
                DETAIL.get("configuration").get("description").asText(), true, List.of(), List.of(), List.of(),
                metric.get("name").asText(), metric.get("namespace").asText(), stat.get("stat").asText(), null,
                dimensions, stat.get("period").asInt(), null, 1, null, 50.0, "GreaterThanThreshold", null, null);
    }

    private static String referenceMetricId() {
        return DETAIL.get("configuration").get("metrics").get(0).get("id").asText();
    }

    private static AlarmState state(JsonNode node) {
        Instant timestamp = OffsetDateTime.parse(node.get("timestamp").asText(),
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
        return new AlarmState(node.get("value").asText(), node.get("reason").asText(),
                node.get("reasonData").asText(), timestamp);
    }

    /** Every key path with the type of its value, in document order: {@code state.timestamp:STRING}. */
    static List<String> paths(JsonNode node) {
        List<String> out = new ArrayList<>();
        collect("", node, out);
        return out;
    }

    private static void collect(String prefix, JsonNode node, List<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                out.add(path + ":" + e.getValue().getNodeType());
                collect(path, e.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(prefix + "[" + i + "]", node.get(i), out);
            }
        }
    }
}
