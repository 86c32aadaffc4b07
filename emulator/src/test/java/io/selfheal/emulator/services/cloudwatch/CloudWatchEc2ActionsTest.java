package io.selfheal.emulator.services.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.EmulatorExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/**
 * EC2 alarm actions, "Create alarms to stop, terminate, reboot, or recover an EC2 instance" (EC2 User Guide):
 * {@code arn:aws:automate:<region>:ec2:stop|terminate|reboot|recover} act on the instance of the alarm's
 * {@code InstanceId} dimension when the alarm enters the state, and each attempt is an Action history item.
 */
class CloudWatchEc2ActionsTest {
    @RegisterExtension
    static final EmulatorExtension AWS = AlarmCloud.extension().perTest();

    private static final String STOP = "arn:aws:automate:us-east-1:ec2:stop";
    private static final String TERMINATE = "arn:aws:automate:us-east-1:ec2:terminate";
    private static final String REBOOT = "arn:aws:automate:us-east-1:ec2:reboot";

    private AlarmCloud cloud;
    private Ec2Client ec2;
    private String instance;

    @BeforeEach
    void start() {
        cloud = new AlarmCloud(AWS);
        ec2 = AWS.client(Ec2Client.class);
        instance = ec2.runInstances(r -> r.imageId("ami-12345678").minCount(1).maxCount(1)).instances().get(0)
                .instanceId();
        cloud.advance(Duration.ofSeconds(1));
        assertThat(state()).isEqualTo(InstanceStateName.RUNNING);
    }

    @Test
    void anEvaluatedAlarmStopsItsInstance() {
        cloud.cw.putMetricAlarm(AlarmCloud.cpuAbove90("stop-it", 1)
                .dimensions(d -> d.name("InstanceId").value(instance)).alarmActions(STOP).build());
        cloud.advance(Duration.ofSeconds(30));
        cloud.cw.putMetricData(b -> b.namespace(AlarmCloud.NAMESPACE).metricData(m -> m.metricName("CPUUtilization")
                .dimensions(d -> d.name("InstanceId").value(instance)).value(99.0).timestamp(cloud.now())));
        cloud.advance(Duration.ofSeconds(30)); // the next minute's evaluation: ALARM, then the action

        assertThat(cloud.describe("stop-it").stateValue()).isEqualTo(StateValue.ALARM);
        // Evaluated at the minute, the stop began then and has settled by now (one second later).
        assertThat(state()).isEqualTo(InstanceStateName.STOPPED);
        assertThat(actions("stop-it")).containsExactly("Successfully executed action " + STOP);
    }

    @Test
    void setAlarmStateTerminatesAndAnActionEc2RefusesIsAFailedHistoryItem() {
        cloud.cw.putMetricAlarm(AlarmCloud.cpuAbove90("reboot-it", 1)
                .dimensions(d -> d.name("InstanceId").value(instance)).alarmActions(REBOOT).build());
        cloud.cw.putMetricAlarm(AlarmCloud.cpuAbove90("end-it", 1)
                .dimensions(d -> d.name("InstanceId").value(instance)).okActions(TERMINATE).build());
        cloud.cw.setAlarmState(b -> b.alarmName("end-it").stateValue(StateValue.OK).stateReason("test"));
        cloud.advance(Duration.ofSeconds(1));
        assertThat(state()).isEqualTo(InstanceStateName.TERMINATED);
        assertThat(actions("end-it")).containsExactly("Successfully executed action " + TERMINATE);

        cloud.cw.setAlarmState(b -> b.alarmName("reboot-it").stateValue(StateValue.ALARM).stateReason("test"));
        // "Requests to reboot terminated instances are ignored" (RebootInstances): EC2 accepts, nothing changes.
        assertThat(actions("reboot-it")).containsExactly("Successfully executed action " + REBOOT);
        assertThat(state()).isEqualTo(InstanceStateName.TERMINATED);
    }

    @Test
    void ec2ActionsNeedAnInstanceIdDimensionAndAKnownAction() {
        assertThatThrownBy(() -> cloud.cw.putMetricAlarm(AlarmCloud.cpuAbove90("no-instance", 1)
                .dimensions(d -> d.name("AutoScalingGroupName").value("web")).alarmActions(STOP).build()))
                .isInstanceOfSatisfying(CloudWatchException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("InstanceId");
                });
        assertThatThrownBy(() -> cloud.cw.putMetricAlarm(AlarmCloud.cpuAbove90("bad", 1)
                .alarmActions("arn:aws:automate:us-east-1:ec2:explode").build()))
                .isInstanceOfSatisfying(CloudWatchException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
    }

    private InstanceStateName state() {
        return ec2.describeInstances(r -> r.instanceIds(instance)).reservations().get(0).instances().get(0).state()
                .name();
    }

    private List<String> actions(String alarm) {
        return cloud.cw.describeAlarmHistory(b -> b.alarmName(alarm).historyItemType(HistoryItemType.ACTION))
                .alarmHistoryItems().stream().map(AlarmHistoryItem::historySummary).toList();
    }
}
