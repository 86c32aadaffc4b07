package io.selfheal.emulator.services.cloudwatch;

import static io.selfheal.emulator.services.cloudwatch.CloudWatchAlarmStateChangeEventTest.paths;
import static io.selfheal.emulator.services.cloudwatch.CloudWatchAlarmsTest.cpuAlarm;
import static io.selfheal.emulator.services.cloudwatch.CloudWatchAlarmsTest.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.ServiceEventCapture;
import io.selfheal.emulator.messages.ServiceEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** Each alarm state change is one "CloudWatch Alarm State Change" on the bus, shaped as AWS's sample. */
class CloudWatchAlarmEventsTest {
    // A virtual clock: these tests force states; minute-by-minute evaluation (tested elsewhere) must not interfere.
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension
            .virtualTime(java.time.Instant.now()).recording(ServiceEvent.class);

    private static final Duration QUIET = Duration.ofSeconds(5);
    private static final String STATE_TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000";

    private static final ServiceEventCapture CAPTURE = new ServiceEventCapture(AWS);
    private static Emulator emulator;
    private static CloudWatchClient cw;

    @BeforeAll
    static void start() {
        emulator = AWS.emulator();
        cw = AWS.client(CloudWatchClient.class);
    }

    @Test
    void theFirstTransitionCarriesTheInitialStateAsPreviousAndHasTheReferenceShape() {
        String name = unique("ServerCpuTooHigh");
        String arn = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + name;
        cw.putMetricAlarm(cpuAlarm(name).toBuilder().alarmDescription("Goes into alarm when CPU is too high").build());
        assertThat(quietEvents(arn)).isEmpty(); // creation is not a state change
        cw.setAlarmState(b -> b.alarmName(name).stateValue(StateValue.ALARM).stateReason("Threshold Crossed: test")
                .stateReasonData("{\"version\":\"1.0\",\"threshold\":80.0}"));

        List<ServiceEvent> events = awaitEvents(arn, 1);
        ServiceEvent event = events.get(0);
        assertThat(event.source()).isEqualTo("aws.cloudwatch");
        assertThat(event.detailType()).isEqualTo("CloudWatch Alarm State Change");
        assertThat(event.accountId()).isEqualTo("123456789012");
        assertThat(event.region()).isEqualTo("us-east-1");
        assertThat(event.resources()).containsExactly(arn);

        JsonNode detail = event.detail();
        JsonNode reference = ServiceEventCapture.reference("cloudwatch-alarm-state-change-metric.json").get("detail");
        // previousState of a fresh alarm has no reasonData; everything else is keyed exactly as the sample.
        List<String> expected = paths(reference).stream().filter(p -> !p.startsWith("previousState.reasonData"))
                .toList();
        assertThat(paths(detail)).containsExactlyElementsOf(expected);

        assertThat(detail.get("alarmName").asText()).isEqualTo(name);
        assertThat(detail.at("/configuration/description").asText()).isEqualTo("Goes into alarm when CPU is too high");
        JsonNode metricStat = detail.at("/configuration/metrics/0/metricStat");
        assertThat(metricStat.at("/metric/namespace").asText()).isEqualTo("AWS/EC2");
        assertThat(metricStat.at("/metric/name").asText()).isEqualTo("CPUUtilization");
        assertThat(metricStat.at("/metric/dimensions/InstanceId").asText()).isEqualTo("i-0123456789abcdef0");
        assertThat(metricStat.get("period").asInt()).isEqualTo(300);
        assertThat(metricStat.get("stat").asText()).isEqualTo("Average");
        assertThat(detail.at("/configuration/metrics/0/returnData").asBoolean()).isTrue();

        assertThat(detail.at("/previousState/value").asText()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(detail.at("/previousState/reason").asText()).isEqualTo("Unchecked: Initial alarm creation");
        assertThat(detail.at("/previousState/timestamp").asText()).matches(STATE_TIMESTAMP);
        assertThat(detail.at("/state/value").asText()).isEqualTo("ALARM");
        assertThat(detail.at("/state/reason").asText()).isEqualTo("Threshold Crossed: test");
        assertThat(detail.at("/state/reasonData").asText()).isEqualTo("{\"version\":\"1.0\",\"threshold\":80.0}");
        assertThat(detail.at("/state/timestamp").asText()).matches(STATE_TIMESTAMP);

        MetricAlarm described = cw.describeAlarms(b -> b.alarmNames(name)).metricAlarms().get(0);
        assertThat(detail.at("/state/timestamp").asText())
                .isEqualTo(AlarmStateChangeEvent.timestamp(described.stateUpdatedTimestamp()));
        assertThat(event.time()).isEqualTo(described.stateUpdatedTimestamp());
    }

    @Test
    void oneEventPerChangeAndNoneForTheSameValue() {
        String name = unique("flap");
        String arn = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + name;
        cw.putMetricAlarm(cpuAlarm(name));
        cw.setAlarmState(b -> b.alarmName(name).stateValue(StateValue.ALARM).stateReason("one"));
        awaitEvents(arn, 1);
        cw.setAlarmState(b -> b.alarmName(name).stateValue(StateValue.ALARM).stateReason("again"));
        cw.setAlarmState(b -> b.alarmName(name).stateValue(StateValue.OK).stateReason("two"));
        awaitEvents(arn, 2);
        cw.setAlarmState(b -> b.alarmName(name).stateValue(StateValue.ALARM).stateReason("three"));
        List<ServiceEvent> events = awaitEvents(arn, 3);
        assertThat(quietEvents(arn)).hasSize(3);
        assertThat(events).extracting(e -> e.detail().at("/previousState/value").asText() + "->"
                + e.detail().at("/state/value").asText())
                .containsExactly("INSUFFICIENT_DATA->ALARM", "ALARM->OK", "OK->ALARM");
        assertThat(events).extracting(e -> e.detail().at("/state/reason").asText()).containsExactly("one", "two", "three");
        assertThat(events.get(1).detail().at("/previousState/reason").asText()).isEqualTo("one");
        // The metric id is the alarm's, the same in every event.
        assertThat(events.stream().map(e -> e.detail().at("/configuration/metrics/0/id").asText()).distinct())
                .hasSize(1);
    }

    private static List<ServiceEvent> awaitEvents(String arn, int count) {
        await().atMost(QUIET).until(() -> CAPTURE.about(arn).size() >= count);
        return CAPTURE.about(arn);
    }

    private static List<ServiceEvent> quietEvents(String arn) {
        assertThat(emulator.control().awaitIdle(QUIET)).isTrue();
        return CAPTURE.about(arn);
    }
}
