package io.selfheal.emulator.services.cloudwatch;

import static io.selfheal.emulator.services.cloudwatch.AlarmCloud.cpuAbove90;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.core.Json;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryResponse;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** DescribeAlarmHistory and DescribeAlarmsForMetric. */
class CloudWatchAlarmHistoryTest {
    @RegisterExtension
    static final EmulatorExtension AWS = AlarmCloud.extension().perTest();

    private AlarmCloud cloud;

    @BeforeEach
    void start() {
        cloud = new AlarmCloud(AWS);
    }

    @Test
    void historyHasConfigurationAndStateUpdatesNewestFirst() throws Exception {
        cloud.cw.putMetricAlarm(cpuAbove90("h", 1).build());
        cloud.minute(99);
        cloud.cw.putMetricAlarm(cpuAbove90("h", 1).threshold(95.0).build());
        cloud.minute(10);

        List<AlarmHistoryItem> items = cloud.cw.describeAlarmHistory(b -> b.alarmName("h")).alarmHistoryItems();
        assertThat(items).extracting(AlarmHistoryItem::historySummary).containsExactly(
                "Alarm updated from ALARM to OK", "Alarm \"h\" updated", "Alarm updated from INSUFFICIENT_DATA to ALARM",
                "Alarm \"h\" created");
        assertThat(items.get(0).historyItemType()).isEqualTo(HistoryItemType.STATE_UPDATE);
        assertThat(items.get(0).alarmTypeAsString()).isEqualTo("MetricAlarm");
        assertThat(items.get(0).timestamp()).isEqualTo(AlarmCloud.START.plusSeconds(120));
        JsonNode data = Json.parse(items.get(0).historyData());
        assertThat(data.get("version").asText()).isEqualTo("1.0");
        assertThat(data.at("/oldState/stateValue").asText()).isEqualTo("ALARM");
        assertThat(data.at("/newState/stateValue").asText()).isEqualTo("OK");
        assertThat(data.at("/newState/stateReasonData/threshold").asDouble()).isEqualTo(95.0);
        JsonNode created = Json.parse(items.get(3).historyData());
        assertThat(created.get("type").asText()).isEqualTo("Create");
        assertThat(created.at("/createdAlarm/threshold").asDouble()).isEqualTo(90.0);

        List<AlarmHistoryItem> configuration = cloud.cw.describeAlarmHistory(b -> b.alarmName("h")
                .historyItemType(HistoryItemType.CONFIGURATION_UPDATE).scanBy("TimestampAscending"))
                .alarmHistoryItems();
        assertThat(configuration).extracting(AlarmHistoryItem::historySummary)
                .containsExactly("Alarm \"h\" created", "Alarm \"h\" updated");
        assertThat(cloud.cw.describeAlarmHistory(b -> b.alarmName("h").startDate(AlarmCloud.START.plusSeconds(60)))
                .alarmHistoryItems()).hasSize(3);
        assertThat(cloud.cw.describeAlarmHistory(b -> b.alarmName("h").alarmTypesWithStrings("CompositeAlarm"))
                .alarmHistoryItems()).isEmpty();
    }

    @Test
    void historyPagesAndOutlivesTheAlarm() {
        cloud.cw.putMetricAlarm(cpuAbove90("p", 1).build());
        cloud.minute(99);
        cloud.minute(10);
        cloud.cw.deleteAlarms(b -> b.alarmNames("p"));
        DescribeAlarmHistoryResponse first = cloud.cw.describeAlarmHistory(b -> b.alarmName("p").maxRecords(3));
        assertThat(first.alarmHistoryItems()).hasSize(3);
        assertThat(first.alarmHistoryItems().get(0).historySummary()).isEqualTo("Alarm \"p\" deleted");
        DescribeAlarmHistoryResponse second = cloud.cw.describeAlarmHistory(b -> b.alarmName("p").maxRecords(3)
                .nextToken(first.nextToken()));
        assertThat(second.alarmHistoryItems()).extracting(AlarmHistoryItem::historySummary)
                .containsExactly("Alarm \"p\" created");
        assertThat(second.nextToken()).isNull();
        assertThatThrownBy(() -> cloud.cw.describeAlarmHistory(b -> b.maxRecords(0)))
                .isInstanceOf(CloudWatchException.class);
    }

    @Test
    void alarmsForMetricMatchTheMetricAndItsDimensions() {
        cloud.cw.putMetricAlarm(cpuAbove90("a", 1).build());
        cloud.cw.putMetricAlarm(cpuAbove90("b", 1).statistic(Statistic.MAXIMUM).build());
        cloud.cw.putMetricAlarm(cpuAbove90("c", 1).dimensions(d -> d.name("InstanceId").value("i-other")).build());
        List<MetricAlarm> all = cloud.cw.describeAlarmsForMetric(b -> b.namespace(AlarmCloud.NAMESPACE)
                .metricName("CPUUtilization")).metricAlarms();
        assertThat(all).extracting(MetricAlarm::alarmName).containsExactly("a", "b", "c");
        assertThat(cloud.cw.describeAlarmsForMetric(b -> b.namespace(AlarmCloud.NAMESPACE)
                .metricName("CPUUtilization").statistic(Statistic.AVERAGE)
                .dimensions(d -> d.name("InstanceId").value(AlarmCloud.INSTANCE)).period(60)).metricAlarms())
                .extracting(MetricAlarm::alarmName).containsExactly("a");
        assertThat(cloud.cw.describeAlarmsForMetric(b -> b.namespace("Other").metricName("CPUUtilization"))
                .metricAlarms()).isEmpty();
    }
}
