package io.selfheal.emulator.services.cloudwatch;

import static io.selfheal.emulator.services.cloudwatch.CloudWatchAlarmStateChangeEventTest.paths;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.ServiceEventCapture;
import io.selfheal.emulator.messages.ServiceEvent;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * The composite "CloudWatch Alarm State Change" against the User Guide's sample ("Alarm events and EventBridge",
 * state change for a composite alarm with a suppressor alarm): the same keys in the same order, the same values for
 * the sample's alarm, and an event emitted through the SDK with the sample's keys.
 */
class CompositeAlarmStateChangeEventTest {
    @RegisterExtension
    static final EmulatorExtension AWS = AlarmCloud.extension();

    private static final JsonNode REFERENCE =
            ServiceEventCapture.reference("cloudwatch-alarm-state-change-composite.json");
    private static final JsonNode DETAIL = REFERENCE.get("detail");

    @Test
    void theSamplesAlarmGivesTheSamplesDetail() {
        JsonNode config = DETAIL.get("configuration");
        String prefix = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:";
        CompositeDefinition d = new CompositeDefinition(DETAIL.get("alarmName").asText(), null, true, List.of(),
                List.of(), List.of(), AlarmRule.parse(config.get("alarmRule").asText(), prefix),
                config.get("actionsSuppressor").asText(), config.get("actionsSuppressorWaitPeriod").asInt(),
                config.get("actionsSuppressorExtensionPeriod").asInt());
        ObjectNode produced = CompositeAlarmShapes.eventDetail(d, state(DETAIL.get("previousState")),
                state(DETAIL.get("state")), DETAIL.get("state").get("actionsSuppressedBy").asText());
        assertThat(paths(produced)).containsExactlyElementsOf(paths(DETAIL));
        assertThat(produced).isEqualTo(DETAIL);
    }

    @Test
    void anEmittedEventHasTheSamplesKeysAndEnvelope() {
        AlarmCloud cloud = new AlarmCloud(AWS);
        cloud.cw.putMetricAlarm(AlarmCloud.cpuAbove90("ServerCpuTooHigh", 1).build());
        cloud.cw.putMetricAlarm(AlarmCloud.cpuAbove90("ServiceMaintenanceAlarm", 1).build());
        cloud.cw.setAlarmState(b -> b.alarmName("ServiceMaintenanceAlarm").stateValue(StateValue.ALARM)
                .stateReason("maintenance"));
        cloud.cw.putCompositeAlarm(b -> b.alarmName("ServiceAggregatedAlarm")
                .alarmRule("ALARM(ServerCpuTooHigh)")
                .actionsSuppressor("ServiceMaintenanceAlarm").actionsSuppressorWaitPeriod(120)
                .actionsSuppressorExtensionPeriod(180));
        String arn = AlarmCloud.arn("ServiceAggregatedAlarm");
        cloud.cw.setAlarmState(b -> b.alarmName("ServerCpuTooHigh").stateValue(StateValue.ALARM)
                .stateReason("test"));
        List<ServiceEvent> events = await().until(() -> cloud.events.about(arn), e -> e.size() == 2);
        ServiceEvent event = events.get(1);
        assertThat(event.source()).isEqualTo(REFERENCE.get("source").asText());
        assertThat(event.detailType()).isEqualTo(REFERENCE.get("detail-type").asText());
        assertThat(event.resources()).containsExactly(arn);
        // The sample's previous state is a creation (no suppression keys); its new state a suppressed ALARM.
        assertThat(paths(event.detail())).containsExactlyElementsOf(paths(DETAIL));
        assertThat(event.detail().get("state").get("actionsSuppressedBy").asText()).isEqualTo("Alarm");
        assertThat(event.detail().get("state").get("reason").asText())
                .isEqualTo(AlarmCloud.arn("ServerCpuTooHigh") + " transitioned to ALARM at Thursday 1 January, "
                        + "2026 00:00:00 UTC");
    }

    private static AlarmState state(JsonNode node) {
        return new AlarmState(node.get("value").asText(), node.get("reason").asText(),
                node.get("reasonData").asText(), OffsetDateTime.parse(node.get("timestamp").asText(),
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant());
    }
}
