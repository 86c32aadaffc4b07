package io.selfheal.emulator.services.cloudwatch;

import static io.selfheal.emulator.services.cloudwatch.AlarmCloud.arn;
import static io.selfheal.emulator.services.cloudwatch.AlarmCloud.cpuAbove90;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.ServiceEventCapture;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.messages.InvokeFunction;
import io.selfheal.emulator.messages.PublishToTopic;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** Alarm actions asked over the bus of stand-in SNS and Lambda, and recorded in history. */
class CloudWatchAlarmActionsTest {
    @RegisterExtension
    static final EmulatorExtension AWS = AlarmCloud.extension().perTest();

    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:ops";
    private static final String FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:restart";
    private static final String REBOOT = "arn:aws:automate:us-east-1:ec2:reboot";

    private AlarmCloud cloud;

    @BeforeEach
    void start() {
        cloud = new AlarmCloud(AWS);
    }

    @Test
    void anEvaluatedTransitionNotifiesSnsAndInvokesLambdaInAwsShapes() throws Exception {
        cloud.cw.putMetricAlarm(cpuAbove90("cpu", 1).alarmDescription("CPU too high")
                .alarmActions(TOPIC, FUNCTION).okActions(TOPIC).build());
        cloud.minute(99);

        assertThat(cloud.targets.published).hasSize(1);
        PublishToTopic sns = cloud.targets.published.get(0);
        assertThat(sns.topicArn()).isEqualTo(TOPIC);
        assertThat(sns.subject()).isEqualTo("ALARM: \"cpu\" in US East (N. Virginia)");
        assertThat(sns.principal()).isEqualTo("cloudwatch.amazonaws.com");
        assertThat(sns.sourceArn()).isEqualTo(arn("cpu"));
        JsonNode message = Json.parse(sns.message());
        assertThat(message.get("AlarmName").asText()).isEqualTo("cpu");
        assertThat(message.get("AlarmDescription").asText()).isEqualTo("CPU too high");
        assertThat(message.get("AWSAccountId").asText()).isEqualTo("123456789012");
        assertThat(message.get("NewStateValue").asText()).isEqualTo("ALARM");
        assertThat(message.get("OldStateValue").asText()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(message.get("NewStateReason").asText()).startsWith("Threshold Crossed: 1 datapoint [99.0");
        assertThat(message.get("StateChangeTime").asText()).isEqualTo("2026-01-01T00:01:00.000+0000");
        assertThat(message.get("Region").asText()).isEqualTo("US East (N. Virginia)");
        assertThat(message.get("AlarmArn").asText()).isEqualTo(arn("cpu"));
        assertThat(message.get("AlarmActions")).hasSize(2);
        assertThat(message.at("/Trigger/MetricName").asText()).isEqualTo("CPUUtilization");
        assertThat(message.at("/Trigger/StatisticType").asText()).isEqualTo("Statistic");
        assertThat(message.at("/Trigger/Statistic").asText()).isEqualTo("AVERAGE");
        assertThat(message.at("/Trigger/Dimensions/0/name").asText()).isEqualTo("InstanceId");
        assertThat(message.at("/Trigger/Dimensions/0/value").asText()).isEqualTo(AlarmCloud.INSTANCE);
        assertThat(message.at("/Trigger/Period").asInt()).isEqualTo(60);
        assertThat(message.at("/Trigger/ComparisonOperator").asText()).isEqualTo("GreaterThanThreshold");
        assertThat(message.at("/Trigger/Threshold").asDouble()).isEqualTo(90.0);

        assertThat(cloud.targets.invoked).hasSize(1);
        InvokeFunction lambda = cloud.targets.invoked.get(0);
        assertThat(lambda.functionArn()).isEqualTo(FUNCTION);
        assertThat(lambda.principal()).isEqualTo("lambda.alarms.cloudwatch.amazonaws.com");
        assertThat(lambda.sourceArn()).isEqualTo(arn("cpu"));
        assertThat(lambda.sourceAccount()).isEqualTo("123456789012");
        JsonNode payload = Json.parse(lambda.payload());
        JsonNode reference = ServiceEventCapture.reference("cloudwatch-alarm-lambda-action-payload.json");
        assertThat(fieldNames(payload)).containsExactlyInAnyOrderElementsOf(fieldNames(reference));
        assertThat(payload.get("source").asText()).isEqualTo("aws.cloudwatch");
        assertThat(payload.get("alarmArn").asText()).isEqualTo(arn("cpu"));
        assertThat(payload.at("/alarmData/alarmName").asText()).isEqualTo("cpu");
        assertThat(payload.at("/alarmData/state/value").asText()).isEqualTo("ALARM");
        assertThat(payload.at("/alarmData/previousState/value").asText()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(payload.at("/alarmData/configuration/metrics/0/metricStat/metric/name").asText())
                .isEqualTo("CPUUtilization");

        cloud.minute(10);
        assertThat(cloud.targets.published).hasSize(2);
        assertThat(cloud.targets.published.get(1).subject()).isEqualTo("OK: \"cpu\" in US East (N. Virginia)");
        assertThat(cloud.targets.invoked).hasSize(1);
    }

    @Test
    void setAlarmStateRunsActionsAndEveryAttemptIsInHistory() {
        cloud.targets.refused.add(FUNCTION);
        cloud.cw.putMetricAlarm(cpuAbove90("forced", 1).alarmActions(TOPIC, FUNCTION, REBOOT).build());
        cloud.cw.setAlarmState(b -> b.alarmName("forced").stateValue(StateValue.ALARM).stateReason("test"));

        assertThat(cloud.targets.published).hasSize(1);
        assertThat(cloud.targets.invoked).hasSize(1);
        List<AlarmHistoryItem> actions = cloud.cw.describeAlarmHistory(b -> b.alarmName("forced")
                .historyItemType(HistoryItemType.ACTION).scanBy("TimestampAscending")).alarmHistoryItems();
        assertThat(actions).extracting(AlarmHistoryItem::historySummary).containsExactly(
                "Successfully executed action " + TOPIC,
                "Failed to execute action " + FUNCTION + ". Received error: \"ResourceNotFoundException: "
                        + "Function not found: " + FUNCTION + "\"",
                // EC2 is asked for the alarm's InstanceId; this test runs no instance, so EC2 refuses.
                "Failed to execute action " + REBOOT + ". Received error: \"InvalidInstanceID.NotFound: The instance "
                        + "ID '" + AlarmCloud.INSTANCE + "' does not exist\"");
    }

    @Test
    void disabledActionsDoNotRunAndEnablingRestoresThem() {
        cloud.cw.putMetricAlarm(cpuAbove90("quiet", 1).alarmActions(TOPIC).okActions(TOPIC).build());
        cloud.cw.disableAlarmActions(b -> b.alarmNames("quiet", "no-such-alarm"));
        assertThat(cloud.describe("quiet").actionsEnabled()).isFalse();
        cloud.cw.setAlarmState(b -> b.alarmName("quiet").stateValue(StateValue.ALARM).stateReason("test"));
        assertThat(cloud.targets.published).isEmpty();

        cloud.cw.enableAlarmActions(b -> b.alarmNames("quiet"));
        assertThat(cloud.describe("quiet").actionsEnabled()).isTrue();
        cloud.cw.setAlarmState(b -> b.alarmName("quiet").stateValue(StateValue.OK).stateReason("test"));
        assertThat(cloud.targets.published).hasSize(1);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
