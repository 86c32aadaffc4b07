package io.selfheal.emulator.services.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.control.EventRecord.TargetDelivery;
import io.selfheal.emulator.control.EventsControl;
import io.selfheal.emulator.core.EmulatorClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * One emulator per test class with stand-ins for Lambda, SQS, SNS and CloudWatch Logs and a clock the test moves,
 * reset before each test; unmodified SDK clients.
 */
abstract class EventBridgeTargetTestBase {
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    static final String FUNCTION = "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:remediate";
    static final String QUEUE = "arn:aws:sqs:us-east-1:" + ACCOUNT + ":alarms";
    static final String DLQ = "arn:aws:sqs:us-east-1:" + ACCOUNT + ":alarms-dlq";
    static final String PATTERN = "{\"source\":[\"selfheal.test\"]}";

    static final RetryBackoff SHORT_BACKOFF = new RetryBackoff(Duration.ofMillis(10), Duration.ofMillis(10));
    /** The emulator's clock: real time until a test sets it. */
    static final AtomicReference<Instant> NOW = new AtomicReference<>();
    static final StandInLambda lambda = new StandInLambda();
    static final StandInTargets services = new StandInTargets();

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension
            .on(() -> EmulatorClock.of(() -> NOW.get() == null ? Instant.now() : NOW.get()))
            .resetBeforeEach();

    static Emulator emulator;
    static EventBridgeClient events;

    @BeforeAll
    static void startEmulator() {
        lambda.answerOn(AWS.bus());
        services.answerOn(AWS.bus());
        emulator = AWS.emulator();
        // Real time: retries 10 ms apart, so a test waits milliseconds, not AWS's seconds, for them.
        emulator.services().get(EventsService.class).retries().backoff(SHORT_BACKOFF);
        events = AWS.client(EventBridgeClient.class);
    }

    @BeforeEach
    void forgetEverything() {
        lambda.clear();
        services.clear();
        NOW.set(null);
    }

    /** A client of another region of the same account. */
    static EventBridgeClient client(Region region) {
        return EventBridgeClient.builder().endpointOverride(URI.create(emulator.endpoint().toString()))
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))
                .build();
    }

    static String putRule(String name, String pattern) {
        return events.putRule(r -> r.name(name).eventPattern(pattern)).ruleArn();
    }

    static void putTarget(String rule, Target target) {
        var put = events.putTargets(r -> r.rule(rule).targets(target));
        assertThat(put.failedEntries()).as("failed entries").isEmpty();
    }

    /** Puts one {@code selfheal.test} event with {@code detail} and waits until its deliveries are done. */
    static String putEvent(String detail) {
        PutEventsResponse put = events.putEvents(r -> r.entries(e -> e.source("selfheal.test")
                .detailType("Test Event").detail(detail)));
        assertThat(put.failedEntryCount()).isZero();
        awaitIdle();
        return put.entries().get(0).eventId();
    }

    static void awaitIdle() {
        assertThat(emulator.control().awaitIdle(Duration.ofSeconds(15))).as("emulator went idle").isTrue();
    }

    static EventsControl control() {
        return emulator.control().component(EventsControl.class);
    }

    static List<EventRecord> recorded() {
        return EventBridgeTestBase.withoutCloudTrail(control().events());
    }

    /** Every delivery attempt of the event with this id (on every bus it reached). */
    static List<TargetDelivery> deliveries(String eventId) {
        return recorded().stream().filter(e -> e.eventId().equals(eventId))
                .flatMap(e -> e.deliveries().stream()).toList();
    }
}
