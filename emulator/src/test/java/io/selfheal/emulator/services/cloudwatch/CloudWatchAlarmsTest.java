package io.selfheal.emulator.services.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.TestClients;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** PutMetricAlarm, DescribeAlarms, SetAlarmState and DeleteAlarms through the SDK's CloudWatchClient (query). */
class CloudWatchAlarmsTest {
    // A virtual clock: these tests force states; minute-by-minute evaluation (tested elsewhere) must not interfere.
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension
            .virtualTime(java.time.Instant.now());

    private static Emulator emulator;
    private static CloudWatchClient cw;

    @BeforeAll
    static void start() {
        emulator = AWS.emulator();
        cw = AWS.client(CloudWatchClient.class);
    }

    @Test
    void aNewAlarmIsDescribedWithEveryFieldAndStartsInInsufficientData() {
        // The emulator's (virtual) clock, not the wall clock: it stands still while the tests run.
        Instant before = emulator.control().clock().now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String name = unique("cpu-high");
        cw.putMetricAlarm(cpuAlarm(name).toBuilder().alarmDescription("CPU too high").datapointsToAlarm(2)
                .treatMissingData("notBreaching").unit(StandardUnit.PERCENT)
                .alarmActions("arn:aws:lambda:us-east-1:123456789012:function:restart")
                .okActions("arn:aws:sns:us-east-1:123456789012:ops").build());
        MetricAlarm a = describe(name);
        assertThat(a.alarmName()).isEqualTo(name);
        assertThat(a.alarmArn()).isEqualTo("arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + name);
        assertThat(a.alarmDescription()).isEqualTo("CPU too high");
        assertThat(a.actionsEnabled()).isTrue();
        assertThat(a.alarmActions()).containsExactly("arn:aws:lambda:us-east-1:123456789012:function:restart");
        assertThat(a.okActions()).containsExactly("arn:aws:sns:us-east-1:123456789012:ops");
        assertThat(a.insufficientDataActions()).isEmpty();
        assertThat(a.stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
        assertThat(a.stateReason()).isEqualTo("Unchecked: Initial alarm creation");
        assertThat(a.stateReasonData()).isNull();
        assertThat(a.stateUpdatedTimestamp()).isAfterOrEqualTo(before);
        assertThat(a.alarmConfigurationUpdatedTimestamp()).isEqualTo(a.stateUpdatedTimestamp());
        assertThat(a.stateTransitionedTimestamp()).isEqualTo(a.stateUpdatedTimestamp());
        assertThat(a.metricName()).isEqualTo("CPUUtilization");
        assertThat(a.namespace()).isEqualTo("AWS/EC2");
        assertThat(a.statistic()).isEqualTo(Statistic.AVERAGE);
        assertThat(a.extendedStatistic()).isNull();
        assertThat(a.dimensions()).containsExactly(Dimension.builder().name("InstanceId").value("i-0123456789abcdef0")
                .build());
        assertThat(a.period()).isEqualTo(300);
        assertThat(a.unit()).isEqualTo(StandardUnit.PERCENT);
        assertThat(a.evaluationPeriods()).isEqualTo(3);
        assertThat(a.datapointsToAlarm()).isEqualTo(2);
        assertThat(a.threshold()).isEqualTo(80.0);
        assertThat(a.comparisonOperator()).isEqualTo(ComparisonOperator.GREATER_THAN_THRESHOLD);
        assertThat(a.treatMissingData()).isEqualTo("notBreaching");
    }

    @Test
    void optionalSettingsNeverSetAreAbsentAndExtendedStatisticsWork() {
        String name = unique("latency");
        cw.putMetricAlarm(b -> b.alarmName(name).metricName("Duration").namespace("AWS/Lambda").extendedStatistic("p99")
                .period(60).evaluationPeriods(1).threshold(1000.0).comparisonOperator("GreaterThanThreshold"));
        MetricAlarm a = describe(name);
        assertThat(a.extendedStatistic()).isEqualTo("p99");
        assertThat(a.statistic()).isNull();
        assertThat(a.alarmDescription()).isNull();
        assertThat(a.datapointsToAlarm()).isNull();
        assertThat(a.treatMissingData()).isNull();
        assertThat(a.unit()).isNull();
        assertThat(a.dimensions()).isEmpty();
    }

    @Test
    void updatingAnAlarmOverwritesItsConfigurationAndKeepsItsState() {
        String name = unique("update");
        cw.putMetricAlarm(cpuAlarm(name));
        cw.setAlarmState(b -> b.alarmName(name).stateValue(StateValue.ALARM).stateReason("forced"));
        MetricAlarm before = describe(name);
        cw.putMetricAlarm(cpuAlarm(name).toBuilder().threshold(95.0).alarmDescription("updated").build());
        MetricAlarm after = describe(name);
        assertThat(after.threshold()).isEqualTo(95.0);
        assertThat(after.alarmDescription()).isEqualTo("updated");
        assertThat(after.stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(after.stateReason()).isEqualTo("forced");
        assertThat(after.stateUpdatedTimestamp()).isEqualTo(before.stateUpdatedTimestamp());
        assertThat(after.alarmConfigurationUpdatedTimestamp()).isAfterOrEqualTo(before.alarmConfigurationUpdatedTimestamp());
    }

    @Test
    void describeAlarmsFiltersByNamesPrefixAndStateAndPages() {
        String prefix = unique("page") + "-";
        for (int i = 0; i < 5; i++) {
            cw.putMetricAlarm(cpuAlarm(prefix + i));
        }
        cw.setAlarmState(b -> b.alarmName(prefix + 3).stateValue(StateValue.ALARM).stateReason("test"));
        assertThat(names(cw.describeAlarms(b -> b.alarmNamePrefix(prefix))))
                .containsExactly(prefix + 0, prefix + 1, prefix + 2, prefix + 3, prefix + 4);
        assertThat(names(cw.describeAlarms(b -> b.alarmNames(prefix + 4, prefix + 1, "no-such-alarm"))))
                .containsExactly(prefix + 1, prefix + 4);
        assertThat(names(cw.describeAlarms(b -> b.alarmNamePrefix(prefix).stateValue(StateValue.ALARM))))
                .containsExactly(prefix + 3);
        DescribeAlarmsResponse first = cw.describeAlarms(b -> b.alarmNamePrefix(prefix).maxRecords(2));
        assertThat(names(first)).containsExactly(prefix + 0, prefix + 1);
        assertThat(first.nextToken()).isNotBlank();
        assertThat(first.compositeAlarms()).isEmpty();
        DescribeAlarmsResponse second = cw.describeAlarms(b -> b.alarmNamePrefix(prefix).maxRecords(2)
                .nextToken(first.nextToken()));
        assertThat(names(second)).containsExactly(prefix + 2, prefix + 3);
        assertThat(cw.describeAlarmsPaginator(b -> b.alarmNamePrefix(prefix).maxRecords(2)).metricAlarms()
                .stream().map(MetricAlarm::alarmName).toList()).hasSize(5);

        assertError(() -> cw.describeAlarms(b -> b.alarmNamePrefix(prefix).alarmNames("x")),
                "InvalidParameterCombination", 400);
        assertError(() -> cw.describeAlarms(b -> b.maxRecords(101)), "ValidationError", 400);
        assertError(() -> cw.describeAlarms(b -> b.nextToken("garbage!")), "InvalidNextToken", 400);
    }

    @Test
    void setAlarmStateChangesTheStateAndAcceptsJsonReasonData() {
        String name = unique("set");
        cw.putMetricAlarm(cpuAlarm(name));
        cw.setAlarmState(b -> b.alarmName(name).stateValue(StateValue.ALARM).stateReason("testing")
                .stateReasonData("{\"version\":\"1.0\"}"));
        MetricAlarm a = describe(name);
        assertThat(a.stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(a.stateReason()).isEqualTo("testing");
        assertThat(a.stateReasonData()).isEqualTo("{\"version\":\"1.0\"}");
    }

    @Test
    void setAlarmStateToTheCurrentValueIsNotATransition() {
        String name = unique("same");
        cw.putMetricAlarm(cpuAlarm(name));
        cw.setAlarmState(b -> b.alarmName(name).stateValue(StateValue.OK).stateReason("first"));
        MetricAlarm first = describe(name);
        cw.setAlarmState(b -> b.alarmName(name).stateValue(StateValue.OK).stateReason("second"));
        MetricAlarm second = describe(name);
        assertThat(second.stateReason()).isEqualTo("first");
        assertThat(second.stateUpdatedTimestamp()).isEqualTo(first.stateUpdatedTimestamp());
    }

    @Test
    void setAlarmStateRefusesWhatAwsRefuses() {
        String name = unique("refuse");
        cw.putMetricAlarm(cpuAlarm(name));
        // The SDK maps code ResourceNotFound to DashboardNotFoundErrorException (two model shapes share the code),
        // against AWS as here: callers must test the code, not the class.
        assertError(() -> cw.setAlarmState(b -> b.alarmName("no-such-alarm").stateValue(StateValue.ALARM)
                .stateReason("x")), "ResourceNotFound", 404);
        assertError(() -> cw.setAlarmState(b -> b.alarmName(name).stateValue(StateValue.ALARM).stateReason("x")
                .stateReasonData("{not json")), "InvalidFormat", 400);
        assertError(() -> cw.setAlarmState(b -> b.alarmName(name).stateValue(StateValue.ALARM)), "MissingParameter",
                400);
        assertError(() -> cw.setAlarmState(b -> b.alarmName(name).stateValue("BROKEN").stateReason("x")),
                "ValidationError", 400);
        assertThat(describe(name).stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
    }

    @Test
    void putMetricAlarmRefusesWhatAwsRefuses() {
        PutMetricAlarmRequest ok = cpuAlarm(unique("invalid"));
        assertRefused(ok, b -> b.alarmName(null), "MissingParameter");
        assertRefused(ok, b -> b.metricName(null), "MissingParameter");
        assertRefused(ok, b -> b.evaluationPeriods(null), "MissingParameter");
        assertRefused(ok, b -> b.evaluationPeriods(0), "ValidationError");
        assertRefused(ok, b -> b.period(45), "ValidationError");
        assertRefused(ok, b -> b.period(3600).evaluationPeriods(200), "ValidationError");
        assertRefused(ok, b -> b.period(60).evaluationPeriods(1441), "ValidationError");
        assertRefused(ok, b -> b.datapointsToAlarm(4), "ValidationError");
        assertRefused(ok, b -> b.comparisonOperator("Bigger"), "ValidationError");
        assertRefused(ok, b -> b.statistic("Median"), "ValidationError");
        assertRefused(ok, b -> b.extendedStatistic("p99"), "InvalidParameterCombination");
        assertRefused(ok, b -> b.statistic((String) null), "MissingParameter");
        assertRefused(ok, b -> b.treatMissingData("sometimes"), "ValidationError");
        assertRefused(ok, b -> b.alarmName("x".repeat(256)), "ValidationError");
        assertRefused(ok, b -> b.threshold(null), "MissingParameter");
        assertThat(cw.describeAlarms(b -> b.alarmNames(ok.alarmName())).metricAlarms()).isEmpty();
    }

    @Test
    void deleteAlarmsDeletesAllOrNothing() {
        String a = unique("del-a");
        String b2 = unique("del-b");
        cw.putMetricAlarm(cpuAlarm(a));
        cw.putMetricAlarm(cpuAlarm(b2));
        assertError(() -> cw.deleteAlarms(b -> b.alarmNames(a, "no-such-alarm")), "ResourceNotFound", 404);
        assertThat(names(cw.describeAlarms(b -> b.alarmNames(a, b2)))).containsExactly(a, b2);
        cw.deleteAlarms(b -> b.alarmNames(a, b2));
        assertThat(cw.describeAlarms(b -> b.alarmNames(a, b2)).metricAlarms()).isEmpty();
        assertError(() -> cw.deleteAlarms(b -> { }), "MissingParameter", 400);
    }

    @Test
    void resetForgetsAlarms() {
        try (Emulator own = Emulator.startOnFreePort();
             CloudWatchClient client = TestClients.of(CloudWatchClient.builder(), own)) {
            client.putMetricAlarm(cpuAlarm("forgotten"));
            own.control().reset();
            assertThat(client.describeAlarms().metricAlarms()).isEmpty();
        }
    }

    private static void assertRefused(PutMetricAlarmRequest ok, Consumer<PutMetricAlarmRequest.Builder> change,
                                      String code) {
        PutMetricAlarmRequest.Builder b = ok.toBuilder();
        change.accept(b);
        assertError(() -> cw.putMetricAlarm(b.build()), code, 400);
    }

    static CloudWatchException assertError(Runnable call, String code, int status) {
        CloudWatchException e = catchThrowableOfType(CloudWatchException.class, call::run);
        assertThat(e).as("expected %s", code).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.statusCode()).isEqualTo(status);
        return e;
    }

    static PutMetricAlarmRequest cpuAlarm(String name) {
        return PutMetricAlarmRequest.builder().alarmName(name).metricName("CPUUtilization").namespace("AWS/EC2")
                .statistic(Statistic.AVERAGE).period(300).evaluationPeriods(3).threshold(80.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .dimensions(Dimension.builder().name("InstanceId").value("i-0123456789abcdef0").build()).build();
    }

    private static MetricAlarm describe(String name) {
        List<MetricAlarm> alarms = cw.describeAlarms(b -> b.alarmNames(name)).metricAlarms();
        assertThat(alarms).hasSize(1);
        return alarms.get(0);
    }

    private static List<String> names(DescribeAlarmsResponse r) {
        return r.metricAlarms().stream().map(MetricAlarm::alarmName).toList();
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
