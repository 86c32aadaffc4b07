package io.selfheal.emulator.services.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
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
 * TestEventPattern through the SDK: the documented examples of the user guide pages "Creating Amazon EventBridge
 * event patterns" and "Content filtering in Amazon EventBridge event patterns" (every operator, from the fixtures
 * corpus {@code corpus/patterns.json}), the spine's rule, and AWS's validation.
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

    static Stream<Arguments> documentedPatterns() {
        return Corpus.cases("patterns.json");
    }

    /** Each case of the fixtures corpus (the user guide section it comes from is in the case) via TestEventPattern. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedPatterns")
    void documentedPatternsMatchAsOnAws(String name, JsonNode c) {
        assertThat(test(Json.write(c.get("pattern")), Json.write(c.get("event"))))
                .as(name + " (" + c.path("doc").path("section").asText() + ")")
                .isEqualTo(c.path("matches").asBoolean());
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

    /**
     * TestEventPattern keeps compiled patterns: a refused pattern must be refused again (never cached), and before
     * the event is looked at, as without the cache.
     */
    @Test
    void aRefusedPatternIsRefusedEveryTimeAndBeforeTheEvent() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> events.testEventPattern(r -> r.eventPattern("{\"source\":[{\"prefix\":1}]}")
                    .event("not json")))
                    .isInstanceOf(InvalidEventPatternException.class);
        }
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
