package io.selfheal.emulator.services.cloudwatch;

import static io.selfheal.emulator.services.cloudwatch.AlarmCloud.START;
import static io.selfheal.emulator.services.cloudwatch.AlarmCloud.cpuAbove90;
import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.EmulatorExtension;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * The examples table of "Configuring how CloudWatch alarms treat missing data" (CloudWatch User Guide): Evaluation
 * Periods 3, an evaluation range of 5, the most recent datapoint on the right; {@code 0} not breaching, {@code X}
 * breaching, {@code -} missing. "RETAIN" is the guide's "Retain current state". Plus the M-of-N (2 of 3) table's
 * rows.
 */
class CloudWatchMissingDataTest {
    @RegisterExtension
    static final EmulatorExtension AWS = AlarmCloud.extension();

    private static final String RETAIN = "RETAIN";
    private static AlarmCloud cloud;
    private static int count;

    @BeforeAll
    static void start() {
        cloud = new AlarmCloud(AWS);
        // Every case evaluates at a fresh minute after its five periods; start with room for them.
        cloud.advance(Duration.ofMinutes(1));
    }

    static Stream<Arguments> table() {
        return Stream.of(
                rows(3, "0 - X - X", "OK", "OK", "OK", "OK"),
                rows(3, "- - - - 0", "OK", "OK", "OK", "OK"),
                rows(3, "- - - - -", "INSUFFICIENT_DATA", RETAIN, "ALARM", "OK"),
                rows(3, "0 X X - X", "ALARM", "ALARM", "ALARM", "ALARM"),
                rows(3, "- - X - -", "ALARM", RETAIN, "ALARM", "OK"),
                rows(2, "0 - X - X", "ALARM", "ALARM", "ALARM", "ALARM"),
                rows(2, "0 0 X 0 X", "ALARM", "ALARM", "ALARM", "ALARM"),
                // The 2-of-3 table's further rows, as last published in awsdocs/amazon-cloudwatch-user-guide
                // (doc_source/AlarmThatSendsEmail.md, "How Alarm State is Evaluated When Data is Missing"). Its last
                // row, "- - - - X", reads "Insufficient data" under missing there, which the current page's words
                // for missing ("INSUFFICIENT_DATA" only when every datapoint of the range is missing) contradict:
                // left out.
                rows(2, "0 - X - -", "OK", "OK", "ALARM", "OK"),
                rows(2, "- - - - 0", "OK", "OK", "ALARM", "OK"))
                .flatMap(s -> s);
    }

    private static Stream<Arguments> rows(int datapointsToAlarm, String data, String missing, String ignore,
                                          String breaching, String notBreaching) {
        return Stream.of(Arguments.of(datapointsToAlarm, data, "missing", missing),
                Arguments.of(datapointsToAlarm, data, "ignore", ignore),
                Arguments.of(datapointsToAlarm, data, "breaching", breaching),
                Arguments.of(datapointsToAlarm, data, "notBreaching", notBreaching));
    }

    @ParameterizedTest(name = "{1} ({0} of 3), {2} -> {3}")
    @MethodSource("table")
    void theGuidesTable(int datapointsToAlarm, String data, String treatMissingData, String expected) {
        String name = "md-" + ++count;
        // A namespace per case keeps the cases' datapoints apart on the one shared clock.
        String namespace = "Selfheal/MissingData" + count;
        String[] slots = data.split(" ");
        // The five periods are the five whole minutes before the next evaluation.
        java.time.Instant now = cloud.now();
        java.time.Instant first = START.plusSeconds((now.getEpochSecond() - START.getEpochSecond()) / 60 * 60);
        cloud.advance(Duration.between(now, first.plus(Duration.ofMinutes(5)).minusSeconds(1)));
        for (int i = 0; i < slots.length; i++) {
            if (!slots[i].equals("-")) {
                double value = slots[i].equals("X") ? 99 : 10;
                java.time.Instant at = first.plus(Duration.ofMinutes(i)).plusSeconds(5);
                cloud.cw.putMetricData(b -> b.namespace(namespace).metricData(m -> m.metricName("CPUUtilization")
                        .dimensions(d -> d.name("InstanceId").value(AlarmCloud.INSTANCE)).value(value)
                        .timestamp(at)));
            }
        }
        cloud.cw.putMetricAlarm(cpuAbove90(name, 3).namespace(namespace).datapointsToAlarm(datapointsToAlarm)
                .treatMissingData(treatMissingData).build());
        // The state before the evaluation: one that differs from the expected outcome, so a change shows.
        StateValue before = expected.equals("ALARM") ? StateValue.OK : StateValue.ALARM;
        cloud.cw.setAlarmState(b -> b.alarmName(name).stateValue(before).stateReason("test"));

        cloud.advance(Duration.ofSeconds(1));

        StateValue after = cloud.describe(name).stateValue();
        assertThat(after).isEqualTo(expected.equals(RETAIN) ? before : StateValue.fromValue(expected));
        cloud.cw.deleteAlarms(b -> b.alarmNames(name));
    }
}
