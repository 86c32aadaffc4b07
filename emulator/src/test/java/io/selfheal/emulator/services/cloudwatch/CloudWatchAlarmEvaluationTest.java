package io.selfheal.emulator.services.cloudwatch;

import static io.selfheal.emulator.services.cloudwatch.AlarmCloud.START;
import static io.selfheal.emulator.services.cloudwatch.AlarmCloud.arn;
import static io.selfheal.emulator.services.cloudwatch.AlarmCloud.cpuAbove90;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.messages.ServiceEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** Metric alarms evaluated every minute on the virtual clock from data put through the SDK. */
class CloudWatchAlarmEvaluationTest {
    @RegisterExtension
    static final EmulatorExtension AWS = AlarmCloud.extension().perTest();

    private AlarmCloud cloud;

    @BeforeEach
    void start() {
        cloud = new AlarmCloud(AWS);
    }

    @Test
    void fiveBreachingMinutesAlarmAtTheEvaluationAfterTheFifthAndNotBefore() throws Exception {
        cloud.cw.putMetricAlarm(cpuAbove90("cpu-high", 5).build());
        for (int i = 0; i < 4; i++) {
            cloud.minute(99.0);
        }
        assertThat(cloud.describe("cpu-high").stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
        assertThat(cloud.events.about(arn("cpu-high"))).isEmpty();

        cloud.minute(99.0);

        MetricAlarm alarm = cloud.describe("cpu-high");
        assertThat(alarm.stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(alarm.stateUpdatedTimestamp()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(alarm.stateReason()).isEqualTo("Threshold Crossed: 5 out of the last 5 datapoints "
                + "[99.0 (01/01/26 00:04:00), 99.0 (01/01/26 00:03:00), 99.0 (01/01/26 00:02:00), "
                + "99.0 (01/01/26 00:01:00), 99.0 (01/01/26 00:00:00)] were greater than the threshold (90.0) "
                + "(minimum 5 datapoints for INSUFFICIENT_DATA -> ALARM transition).");
        JsonNode data = Json.parse(alarm.stateReasonData());
        assertThat(data.get("version").asText()).isEqualTo("1.0");
        assertThat(data.get("queryDate").asText()).isEqualTo("2026-01-01T00:05:00.000+0000");
        assertThat(data.get("startDate").asText()).isEqualTo("2026-01-01T00:00:00.000+0000");
        assertThat(data.get("statistic").asText()).isEqualTo("Average");
        assertThat(data.get("period").asInt()).isEqualTo(60);
        assertThat(data.get("threshold").asDouble()).isEqualTo(90.0);
        assertThat(data.get("recentDatapoints")).hasSize(5);
        assertThat(data.get("evaluatedDatapoints")).hasSize(5);
        assertThat(data.at("/evaluatedDatapoints/0/timestamp").asText()).isEqualTo("2026-01-01T00:04:00.000+0000");
        assertThat(data.at("/evaluatedDatapoints/0/value").asDouble()).isEqualTo(99.0);
        assertThat(data.at("/evaluatedDatapoints/0/sampleCount").asDouble()).isEqualTo(1.0);

        List<ServiceEvent> events = cloud.events.about(arn("cpu-high"));
        assertThat(events).hasSize(1);
        JsonNode detail = events.get(0).detail();
        assertThat(detail.at("/previousState/value").asText()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(detail.at("/state/value").asText()).isEqualTo("ALARM");
        assertThat(detail.at("/state/reason").asText()).isEqualTo(alarm.stateReason());
        assertThat(detail.at("/state/reasonData").asText()).isEqualTo(alarm.stateReasonData());
        assertThat(detail.at("/state/timestamp").asText()).isEqualTo("2026-01-01T00:05:00.000+0000");
    }

    @Test
    void staysInAlarmWhileLoadLastsAndReturnsToOkWhenItClears() {
        cloud.cw.putMetricAlarm(cpuAbove90("cpu", 5).build());
        for (int i = 0; i < 8; i++) {
            cloud.minute(99.0);
        }
        assertThat(cloud.describe("cpu").stateValue()).isEqualTo(StateValue.ALARM);
        cloud.minute(20.0);
        MetricAlarm alarm = cloud.describe("cpu");
        assertThat(alarm.stateValue()).isEqualTo(StateValue.OK);
        assertThat(alarm.stateReason()).isEqualTo("Threshold Crossed: 1 out of the last 5 datapoints "
                + "[20.0 (01/01/26 00:08:00)] was not greater than the threshold (90.0) "
                + "(minimum 1 datapoint for ALARM -> OK transition).");
        cloud.minute(20.0);
        assertThat(cloud.events.about(arn("cpu"))).extracting(e -> e.detail().at("/previousState/value").asText()
                + "->" + e.detail().at("/state/value").asText())
                .containsExactly("INSUFFICIENT_DATA->ALARM", "ALARM->OK");
    }

    @Test
    void threeOutOfFiveAlarmsOnTheThirdBreachWithinTheLastFive() {
        cloud.cw.putMetricAlarm(cpuAbove90("m-of-n", 5).datapointsToAlarm(3).build());
        double[] load = {99, 10, 99, 10};
        for (double v : load) {
            cloud.minute(v);
        }
        // Two of four real datapoints breach, one period unknown: "If fewer than the value of Datapoints to Alarm are
        // breaching, the alarm state is set to OK" (User Guide, as the 2-of-3 row "0 - X - -" shows under missing).
        assertThat(cloud.describe("m-of-n").stateValue()).isEqualTo(StateValue.OK);
        cloud.minute(99);
        MetricAlarm alarm = cloud.describe("m-of-n");
        assertThat(alarm.stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(alarm.stateReason()).startsWith("Threshold Crossed: 3 out of the last 5 datapoints "
                + "[99.0 (01/01/26 00:04:00), 99.0 (01/01/26 00:02:00), 99.0 (01/01/26 00:00:00)] were greater")
                .endsWith("(minimum 3 datapoints for OK -> ALARM transition).");
        cloud.minute(10);
        // The last five are now 10, 99, 10, 99, 10: two breaches, fewer than three.
        assertThat(cloud.describe("m-of-n").stateValue()).isEqualTo(StateValue.OK);
    }

    @Test
    void backToInsufficientDataWhenTheMetricStopsAndAnAlarmWithoutMetricStaysSo() {
        cloud.cw.putMetricAlarm(cpuAbove90("stops", 2).build());
        cloud.cw.putMetricAlarm(cpuAbove90("never", 2).metricName("NoSuchMetric").build());
        cloud.minute(10);
        cloud.minute(10);
        assertThat(cloud.describe("stops").stateValue()).isEqualTo(StateValue.OK);
        // Range of N + 2 = 4 periods: the last real datapoint leaves it after four quiet minutes.
        cloud.advance(Duration.ofMinutes(3));
        assertThat(cloud.describe("stops").stateValue()).isEqualTo(StateValue.OK);
        cloud.advance(Duration.ofMinutes(1));
        MetricAlarm alarm = cloud.describe("stops");
        assertThat(alarm.stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
        assertThat(alarm.stateReason()).isEqualTo("Insufficient Data: 2 datapoints were unknown.");
        assertThat(cloud.describe("never").stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
        assertThat(cloud.events.about(arn("never"))).isEmpty();
    }

    @Test
    void aDeletedAlarmIsNoLongerEvaluatedAndTheTimerStops() {
        cloud.cw.putMetricAlarm(cpuAbove90("gone", 1).build());
        cloud.cw.deleteAlarms(b -> b.alarmNames("gone"));
        cloud.minute(99);
        cloud.minute(99);
        assertThat(cloud.events.about(arn("gone"))).isEmpty();
        assertThat(((io.selfheal.emulator.core.VirtualClock) cloud.emulator.control().clock()).pendingTimers())
                .isZero();
    }
}
