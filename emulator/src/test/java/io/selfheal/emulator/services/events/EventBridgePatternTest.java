package io.selfheal.emulator.services.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;

/**
 * TestEventPattern through the SDK with the examples of the user guide page "Content filtering in Amazon
 * EventBridge event patterns" (comparison operators), each with an event it matches and one it does not.
 */
class EventBridgePatternTest extends EventBridgeTestBase {
    /** The spine's rule: CPU alarms of EC2 instances whose alarm name says so. */
    static final String SPINE_PATTERN = "{\"source\":[\"aws.cloudwatch\"],\"detail-type\":[\"CloudWatch Alarm State "
            + "Change\"],\"detail\":{\"alarmName\":[{\"prefix\":\"EC2-CPU-High-\"}],\"configuration\":{\"metrics\":"
            + "{\"metricStat\":{\"metric\":{\"namespace\":[\"AWS/EC2\"],\"name\":[\"CPUUtilization\"]}}}}}}";

    /** The EC2 envelope of the user guide's examples, with {@code detail} replaced. */
    static String event(String detail) {
        return "{\"version\":\"0\",\"id\":\"7bf73129-1428-4cd3-a780-95db273d1602\","
                + "\"detail-type\":\"EC2 Instance State-change Notification\",\"source\":\"aws.ec2\","
                + "\"account\":\"123456789012\",\"time\":\"2017-10-02T21:29:54Z\",\"region\":\"us-east-1\","
                + "\"resources\":[\"arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111\"],"
                + "\"detail\":" + detail + "}";
    }

    static Stream<Arguments> documentedOperators() {
        return Stream.of(
                Arguments.of("exact", "{\"detail\":{\"state\":[\"running\"]}}",
                        "{\"state\":\"running\"}", "{\"state\":\"stopped\"}"),
                Arguments.of("exact in an array", "{\"detail\":{\"state\":[\"running\"]}}",
                        "{\"state\":[\"pending\",\"running\"]}", "{\"state\":[\"pending\"]}"),
                Arguments.of("null", "{\"detail\":{\"responseElements\":[null]}}",
                        "{\"responseElements\":null}", "{\"responseElements\":\"x\"}"),
                Arguments.of("empty string", "{\"detail\":{\"eventVersion\":[\"\"]}}",
                        "{\"eventVersion\":\"\"}", "{\"eventVersion\":\"1.0\"}"),
                Arguments.of("prefix", "{\"time\":[{\"prefix\":\"2017-10-02\"}]}", "{}", null),
                Arguments.of("prefix equals-ignore-case",
                        "{\"detail\":{\"state\":[{\"prefix\":{\"equals-ignore-case\":\"OK\"}}]}}",
                        "{\"state\":\"ok-ish\"}", "{\"state\":\"alarm\"}"),
                Arguments.of("suffix", "{\"detail\":{\"FileName\":[{\"suffix\":\".png\"}]}}",
                        "{\"FileName\":\"cat.png\"}", "{\"FileName\":\"cat.PNG\"}"),
                Arguments.of("suffix equals-ignore-case",
                        "{\"detail\":{\"FileName\":[{\"suffix\":{\"equals-ignore-case\":\".png\"}}]}}",
                        "{\"FileName\":\"cat.PNG\"}", "{\"FileName\":\"cat.gif\"}"),
                Arguments.of("anything-but", "{\"detail\":{\"state\":[{\"anything-but\":\"initializing\"}]}}",
                        "{\"state\":\"running\"}", "{\"state\":\"initializing\"}"),
                Arguments.of("anything-but number", "{\"detail\":{\"x-limit\":[{\"anything-but\":123}]}}",
                        "{\"x-limit\":456}", "{\"x-limit\":123}"),
                Arguments.of("anything-but list",
                        "{\"detail\":{\"state\":[{\"anything-but\":[\"stopped\",\"overloaded\"]}]}}",
                        "{\"state\":\"running\"}", "{\"state\":\"overloaded\"}"),
                Arguments.of("anything-but prefix",
                        "{\"detail\":{\"state\":[{\"anything-but\":{\"prefix\":\"init\"}}]}}",
                        "{\"state\":\"running\"}", "{\"state\":\"initializing\"}"),
                Arguments.of("anything-but suffix",
                        "{\"detail\":{\"FileName\":[{\"anything-but\":{\"suffix\":\".txt\"}}]}}",
                        "{\"FileName\":\"a.png\"}", "{\"FileName\":\"a.txt\"}"),
                Arguments.of("anything-but equals-ignore-case",
                        "{\"detail\":{\"state\":[{\"anything-but\":"
                                + "{\"equals-ignore-case\":[\"Stopped\",\"OverLoaded\"]}}]}}",
                        "{\"state\":\"running\"}", "{\"state\":\"STOPPED\"}"),
                Arguments.of("anything-but wildcard",
                        "{\"detail\":{\"FilePath\":[{\"anything-but\":{\"wildcard\":\"*/dir/*\"}}]}}",
                        "{\"FilePath\":\"/other/a.txt\"}", "{\"FilePath\":\"/dir/a.txt\"}"),
                Arguments.of("numeric", "{\"detail\":{\"c-count\":[{\"numeric\":[\">\",0,\"<=\",5]}],"
                                + "\"d-count\":[{\"numeric\":[\"<\",10]}],"
                                + "\"x-limit\":[{\"numeric\":[\"=\",3.018e2]}]}}",
                        "{\"c-count\":5,\"d-count\":0,\"x-limit\":301.8}",
                        "{\"c-count\":6,\"d-count\":0,\"x-limit\":301.8}"),
                Arguments.of("cidr", "{\"detail\":{\"sourceIPAddress\":[{\"cidr\":\"10.0.0.0/24\"}]}}",
                        "{\"sourceIPAddress\":\"10.0.0.255\"}", "{\"sourceIPAddress\":\"10.0.1.1\"}"),
                Arguments.of("exists", "{\"detail\":{\"state\":[{\"exists\":true}]}}",
                        "{\"state\":\"running\"}", "{\"status\":\"running\"}"),
                Arguments.of("exists false", "{\"detail\":{\"state\":[{\"exists\":false}]}}",
                        "{\"status\":\"running\"}", "{\"state\":\"running\"}"),
                Arguments.of("equals-ignore-case",
                        "{\"detail-type\":[{\"equals-ignore-case\":\"ec2 instance state-change notification\"}]}",
                        "{}", null),
                Arguments.of("wildcard",
                        "{\"detail\":{\"EventBusArn\":[{\"wildcard\":\"arn:aws:events:us-east-1:*:event-bus/*\"}]}}",
                        "{\"EventBusArn\":\"arn:aws:events:us-east-1:123456789012:event-bus/default\"}",
                        "{\"EventBusArn\":\"arn:aws:events:eu-west-1:123456789012:event-bus/default\"}"),
                Arguments.of("$or", "{\"detail\":{\"$or\":[{\"c-count\":[{\"numeric\":[\">\",0,\"<=\",5]}]},"
                                + "{\"d-count\":[{\"numeric\":[\"<\",10]}]},"
                                + "{\"x-limit\":[{\"numeric\":[\"=\",3.018e2]}]}]}}",
                        "{\"c-count\":99,\"d-count\":99,\"x-limit\":301.8}",
                        "{\"c-count\":99,\"d-count\":99,\"x-limit\":1}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedOperators")
    void documentedOperatorsMatchAsOnAws(String operator, String pattern, String matching, String notMatching) {
        assertThat(test(pattern, event(matching))).as(operator + " matches " + matching).isTrue();
        if (notMatching != null) {
            assertThat(test(pattern, event(notMatching))).as(operator + " rejects " + notMatching).isFalse();
        }
    }

    @Test
    void prefixAndIgnoreCaseOnEnvelopeFieldsRejectOtherEvents() {
        String other = event("{}").replace("2017-10-02", "2018-01-01")
                .replace("EC2 Instance State-change Notification", "EC2 Spot Instance Interruption Warning");
        assertThat(test("{\"time\":[{\"prefix\":\"2017-10-02\"}]}", other)).isFalse();
        assertThat(test("{\"detail-type\":[{\"equals-ignore-case\":\"ec2 instance state-change notification\"}]}",
                other)).isFalse();
    }

    @Test
    void theSpineRuleMatchesAnEc2CpuAlarmAndNotAnRdsOne() throws IOException {
        ObjectNode alarm = referenceAlarm();
        ((ObjectNode) alarm.get("detail")).put("alarmName", "EC2-CPU-High-i-12345678901234567");
        assertThat(test(SPINE_PATTERN, Json.write(alarm))).isTrue();

        ObjectNode rds = alarm.deepCopy();
        ((ObjectNode) rds.at("/detail/configuration/metrics/0/metricStat/metric")).put("namespace", "AWS/RDS");
        assertThat(test(SPINE_PATTERN, Json.write(rds))).isFalse();

        assertThat(test(SPINE_PATTERN, Json.write(referenceAlarm()))).as("alarm name without the prefix").isFalse();
    }

    @Test
    void anInvalidPatternIsInvalidEventPatternException() {
        assertThatThrownBy(() -> events.testEventPattern(r -> r.eventPattern("{\"source\":\"aws.ec2\"}")
                .event(event("{}"))))
                .isInstanceOf(InvalidEventPatternException.class)
                .hasMessageContaining("Event pattern is not valid. Reason: \"source\" must be an object or an array");
    }

    @Test
    void theEventMustBeAnEnvelope() {
        for (String bad : new String[] {"not json", "[]", "{\"source\":\"aws.ec2\",\"detail\":{}}",
                event("{}").replace("\"region\"", "\"regio\"")}) {
            assertThatThrownBy(() -> events.testEventPattern(r -> r.eventPattern("{\"source\":[\"aws.ec2\"]}")
                    .event(bad)))
                    .isInstanceOf(EventBridgeException.class)
                    .hasMessageContaining("Parameter Event is not valid.")
                    .satisfies(e -> assertThat(((EventBridgeException) e).awsErrorDetails().errorCode())
                            .isEqualTo("ValidationException"));
        }
    }

    private static boolean test(String pattern, String event) {
        return events.testEventPattern(r -> r.eventPattern(pattern).event(event)).result();
    }

    /** AWS's sample "CloudWatch Alarm State Change" event for a single-metric EC2 CPU alarm. */
    static ObjectNode referenceAlarm() throws IOException {
        try (InputStream in = EventBridgePatternTest.class.getResourceAsStream(
                "cloudwatch-alarm-state-change-metric.json")) {
            return (ObjectNode) Json.MAPPER.readTree(in);
        }
    }
}
