package io.selfheal.emulator.services.events;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.control.EventsControl;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;

import static org.assertj.core.api.Assertions.assertThat;

/** One emulator per test class with a stand-in Lambda, reset before each test; an unmodified SDK client. */
abstract class EventBridgeTestBase {
    static final String ACCOUNT = "123456789012";
    static final String FUNCTION = "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:remediate";

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime().resetBeforeEach();

    static final StandInLambda lambda = new StandInLambda();

    static Emulator emulator;
    static EventBridgeClient events;

    @BeforeAll
    static void startEmulator() {
        lambda.answerOn(AWS.bus());
        emulator = AWS.emulator();
        events = AWS.client(EventBridgeClient.class);
    }

    @BeforeEach
    void forgetInvocations() {
        lambda.clear();
    }

    static String putRule(String name, String pattern) {
        return events.putRule(r -> r.name(name).eventPattern(pattern)).ruleArn();
    }

    static void putTarget(String rule, Target target) {
        assertThat(events.putTargets(r -> r.rule(rule).targets(target)).failedEntryCount()).isZero();
    }

    static void awaitIdle() {
        assertThat(emulator.control().awaitIdle(Duration.ofSeconds(10))).as("emulator went idle").isTrue();
    }

    static EventsControl control() {
        return emulator.control().component(EventsControl.class);
    }

    static List<EventRecord> recorded() {
        return withoutCloudTrail(control().events());
    }

    /**
     * The events these tests put, without the "AWS API Call via CloudTrail" events that CloudTrail (as on AWS) puts
     * on the default bus for the tests' own PutRule and PutTargets calls.
     */
    static List<EventRecord> withoutCloudTrail(List<EventRecord> events) {
        return events.stream()
                .filter(e -> !"AWS API Call via CloudTrail".equals(e.event().path("detail-type").asText())).toList();
    }
}
