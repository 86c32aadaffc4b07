package io.selfheal.emulator.services.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.control.EventRecord.TargetDelivery;
import io.selfheal.emulator.control.EventsControl;
import io.selfheal.emulator.core.VirtualClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ConnectionAuthorizationType;
import software.amazon.awssdk.services.eventbridge.model.RetryPolicy;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Retries on the virtual clock ("Event retry policy and using dead-letter queues in Amazon EventBridge"): a
 * retriable failure (an API destination answering 500) is retried "with an exponential back off" — selfheal's
 * schedule is 1 s doubling to 480 s, without jitter ({@link RetryBackoff}) — until MaximumRetryAttempts or
 * MaximumEventAgeInSeconds runs out, then the event goes to the dead-letter queue with EXHAUSTED_RETRY_CONDITION
 * naming the limit; "for errors that result from missing permissions to a target, or a target resource that no
 * longer exists" there is no retry. Real SQS queues (read with an SqsClient) and a JDK HTTP server on loopback.
 */
class EventBridgeRetryTest {
    static final String ROLE = "arn:aws:iam::123456789012:role/invoke-api-destinations";
    static final String PATTERN = "{\"source\":[\"selfheal.retry\"]}";
    static final VirtualClock CLOCK = new VirtualClock(Instant.parse("2026-01-01T00:00:00Z"));

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.on(() -> CLOCK);
    static Emulator emulator;
    static EventBridgeClient events;
    static SqsClient sqs;
    static HttpServer web;
    /** When the API destination was called, on the emulator clock. */
    static final List<Instant> calls = new CopyOnWriteArrayList<>();
    static final AtomicInteger status = new AtomicInteger(500);

    String dlqUrl;
    String dlqArn;
    String hook;

    @BeforeAll
    static void start() throws IOException {
        emulator = AWS.emulator();
        events = AWS.client(EventBridgeClient.class);
        sqs = AWS.client(SqsClient.class);
        web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        web.createContext("/hook", exchange -> {
            calls.add(CLOCK.now());
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        web.start();
    }

    @AfterAll
    static void stop() {
        web.stop(0);
    }

    @BeforeEach
    void aDeadLetterQueueAndAnApiDestination() {
        emulator.control().awaitIdle(Duration.ofSeconds(10));
        emulator.control().reset();
        calls.clear();
        status.set(500);
        dlqUrl = queue("dlq");
        dlqArn = arn(dlqUrl);
        String connection = events.createConnection(r -> r.name("key")
                .authorizationType(ConnectionAuthorizationType.API_KEY)
                .authParameters(a -> a.apiKeyAuthParameters(k -> k.apiKeyName("x-api-key").apiKeyValue("k"))))
                .connectionArn();
        awaitIdle();
        hook = events.createApiDestination(r -> r.name("hook").connectionArn(connection).httpMethod("POST")
                .invocationEndpoint("http://127.0.0.1:" + web.getAddress().getPort() + "/hook")).apiDestinationArn();
        events.putRule(r -> r.name("remediate").eventPattern(PATTERN));
    }

    @Test
    void aRetriableFailureIsRetriedWithBackoffThenDeadLetteredWhenRetriesRunOut() {
        target(hook, p -> p.maximumRetryAttempts(2));
        Instant t0 = CLOCK.now();

        String id = putEvent("selfheal.retry");

        assertThat(calls).as("the first attempt, at once").containsExactly(t0);
        assertThat(CLOCK.pendingTimers()).as("the retry waits on the clock, not as in-flight work").isPositive();
        assertThat(deadLetters()).isEmpty();

        CLOCK.advance(Duration.ofSeconds(10));

        assertThat(calls).containsExactly(t0, t0.plusSeconds(1), t0.plusSeconds(3));
        assertThat(deliveries(id)).hasSize(3).allSatisfy(d -> assertThat(d.errorCode()).isEqualTo("HTTP_500"));
        assertThat(deliveries(id).get(0).errorMessage()).endsWith("(retry 1 due at " + t0.plusSeconds(1) + ")");
        Message dead = single(deadLetters());
        assertThat(attributes(dead)).containsEntry("EXHAUSTED_RETRY_CONDITION", "MaximumRetryAttempts")
                .containsEntry("RETRY_ATTEMPTS", "2").containsEntry("ERROR_CODE", "INTERNAL_ERROR")
                .containsEntry("TARGET_ARN", hook);
        assertThat(dead.body()).contains("\"id\":\"" + id + "\"");
        assertThat(sentAt(dead)).isEqualTo(t0.plusSeconds(3));
    }

    @Test
    void anEventIsNotRetriedPastMaximumEventAgeInSeconds() {
        target(hook, p -> p.maximumEventAgeInSeconds(60));
        Instant t0 = CLOCK.now();

        String id = putEvent("selfheal.retry");
        CLOCK.advance(Duration.ofMinutes(10));

        // Retries 1 s, 2 s, 4 s, 8 s, 16 s apart; the next would come 32 s later, when the event is 63 s old.
        assertThat(calls).containsExactly(t0, t0.plusSeconds(1), t0.plusSeconds(3), t0.plusSeconds(7),
                t0.plusSeconds(15), t0.plusSeconds(31));
        assertThat(deliveries(id)).hasSize(6);
        Message dead = single(deadLetters());
        assertThat(attributes(dead)).containsEntry("EXHAUSTED_RETRY_CONDITION", "MaximumEventAgeInSeconds")
                .containsEntry("RETRY_ATTEMPTS", "5");
        assertThat(sentAt(dead)).isBefore(t0.plusSeconds(60));
    }

    @Test
    void withoutARetryPolicyAwsDefaultsApply185RetriesWithin24Hours() {
        target(hook, null);
        Instant t0 = CLOCK.now();

        putEvent("selfheal.retry");
        CLOCK.advance(Duration.ofHours(25));

        assertThat(calls).hasSize(186);
        // 1 + 2 + … + 256 s for the first nine retries, then 480 s each.
        assertThat(calls.get(9)).isEqualTo(t0.plusSeconds(511));
        assertThat(calls.get(185)).isEqualTo(t0.plusSeconds(511 + 176 * 480)).isBefore(t0.plus(Duration.ofDays(1)));
        assertThat(attributes(single(deadLetters()))).containsEntry("EXHAUSTED_RETRY_CONDITION",
                "MaximumRetryAttempts").containsEntry("RETRY_ATTEMPTS", "185");
    }

    @Test
    void otherEventsKeepFlowingWhileOneIsInBackoffAndARetryCanSucceed() {
        target(hook, p -> p.maximumRetryAttempts(3));
        String queueUrl = queue("alarms");
        events.putRule(r -> r.name("notify").eventPattern("{\"source\":[\"selfheal.other\"]}"));
        events.putTargets(r -> r.rule("notify").targets(Target.builder().id("q").arn(arn(queueUrl)).build()));
        Instant t0 = CLOCK.now();

        String failing = putEvent("selfheal.retry");
        String other = putEvent("selfheal.other");

        assertThat(deliveries(other)).singleElement().satisfies(d -> assertThat(d.delivered()).isTrue());
        assertThat(sqs.receiveMessage(r -> r.queueUrl(queueUrl)).messages()).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("\"id\":\"" + other + "\""));
        assertThat(CLOCK.now()).as("no time passed").isEqualTo(t0);

        status.set(200);
        CLOCK.advance(Duration.ofSeconds(1));

        assertThat(calls).containsExactly(t0, t0.plusSeconds(1));
        assertThat(deliveries(failing)).extracting(TargetDelivery::delivered).containsExactly(false, true);
        CLOCK.advance(Duration.ofHours(1));
        assertThat(calls).hasSize(2);
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void permissionAndMissingResourceFailuresGoToTheDeadLetterQueueWithoutRetries() {
        String noPolicy = arn(sqs.createQueue(r -> r.queueName("no-policy")).queueUrl());
        String missing = "arn:aws:lambda:us-east-1:123456789012:function:missing";
        events.putTargets(r -> r.rule("remediate").targets(
                Target.builder().id("q").arn(noPolicy).retryPolicy(p -> p.maximumRetryAttempts(5))
                        .deadLetterConfig(d -> d.arn(dlqArn)).build(),
                Target.builder().id("fn").arn(missing).deadLetterConfig(d -> d.arn(dlqArn)).build()));

        String id = putEvent("selfheal.retry");
        CLOCK.advance(Duration.ofHours(1));

        assertThat(deliveries(id)).extracting(TargetDelivery::errorCode)
                .containsExactlyInAnyOrder("AccessDeniedException", "ResourceNotFoundException");
        List<Map<String, String>> dead = deadLetters().stream().map(EventBridgeRetryTest::attributes).toList();
        assertThat(dead).hasSize(2).allSatisfy(a -> assertThat(a).containsEntry("RETRY_ATTEMPTS", "0")
                .doesNotContainKey("EXHAUSTED_RETRY_CONDITION"));
        assertThat(dead).extracting(a -> a.get("ERROR_CODE"))
                .containsExactlyInAnyOrder("NO_PERMISSIONS", "NO_RESOURCE");
    }

    @Test
    void aResetCallsOffWaitingRetries() {
        target(hook, p -> p.maximumRetryAttempts(3));
        putEvent("selfheal.retry");
        emulator.control().reset();
        CLOCK.advance(Duration.ofMinutes(1));
        assertThat(calls).hasSize(1);
    }

    /**
     * The retry metrics of "Monitoring Amazon EventBridge"
     * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-monitoring.html): RetryInvocationAttempts per
     * retry made, InvocationsSentToDlq per event the dead-letter queue took, InvocationsFailedToBeSentToDlq per
     * event it could not take — read back through CloudWatch's GetMetricStatistics.
     */
    @Test
    void retriesAndDeadLettersAreCountedInAwsEvents() {
        CloudWatchClient cloudWatch = AWS.client(CloudWatchClient.class);
        target(hook, p -> p.maximumRetryAttempts(2));
        Instant t0 = CLOCK.now();
        putEvent("selfheal.retry");
        CLOCK.advance(Duration.ofSeconds(10));
        assertThat(sum(cloudWatch, "RetryInvocationAttempts", t0)).isEqualTo(2.0);
        assertThat(sum(cloudWatch, "InvocationsSentToDlq", t0)).isEqualTo(1.0);
        assertThat(sum(cloudWatch, "InvocationsFailedToBeSentToDlq", t0)).isNull();

        sqs.deleteQueue(b -> b.queueUrl(dlqUrl));
        target(hook, p -> p.maximumRetryAttempts(0));
        putEvent("selfheal.retry");
        CLOCK.advance(Duration.ofSeconds(10));
        assertThat(sum(cloudWatch, "InvocationsFailedToBeSentToDlq", t0)).isEqualTo(1.0);
        assertThat(sum(cloudWatch, "InvocationsSentToDlq", t0)).isEqualTo(1.0);
    }

    /** The Sum of an AWS/Events metric of the rule over the hour from {@code from}, or null without datapoints. */
    private static Double sum(CloudWatchClient cloudWatch, String metric, Instant from) {
        List<Datapoint> points = cloudWatch.getMetricStatistics(r -> r.namespace("AWS/Events").metricName(metric)
                .dimensions(Dimension.builder().name("RuleName").value("remediate").build())
                .startTime(from.minusSeconds(60)).endTime(from.plusSeconds(3600)).period(3600)
                .statistics(Statistic.SUM)).datapoints();
        return points.isEmpty() ? null : points.stream().mapToDouble(Datapoint::sum).sum();
    }

    private void target(String arn, Consumer<RetryPolicy.Builder> policy) {
        Target.Builder target = Target.builder().id("hook").arn(arn).roleArn(ROLE)
                .deadLetterConfig(d -> d.arn(dlqArn));
        if (policy != null) {
            target.retryPolicy(policy);
        }
        assertThat(events.putTargets(r -> r.rule("remediate").targets(target.build())).failedEntryCount()).isZero();
    }

    private static String queue(String name) {
        return EventsQueues.create(sqs, name);
    }

    private static String arn(String queueUrl) {
        return EventsQueues.arn(sqs, queueUrl);
    }

    private static String putEvent(String source) {
        var put = events.putEvents(r -> r.entries(e -> e.source(source).detailType("Test").detail("{}")));
        assertThat(put.failedEntryCount()).isZero();
        awaitIdle();
        return put.entries().get(0).eventId();
    }

    private static void awaitIdle() {
        assertThat(emulator.control().awaitIdle(Duration.ofSeconds(10))).as("emulator went idle").isTrue();
    }

    private List<Message> deadLetters() {
        return sqs.receiveMessage(r -> r.queueUrl(dlqUrl).maxNumberOfMessages(10).messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.SENT_TIMESTAMP)).messages();
    }

    private static Message single(List<Message> messages) {
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private static Map<String, String> attributes(Message m) {
        return m.messageAttributes().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> ((MessageAttributeValue) e.getValue()).stringValue()));
    }

    private static Instant sentAt(Message m) {
        return Instant.ofEpochMilli(Long.parseLong(m.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP)));
    }

    private static List<TargetDelivery> deliveries(String eventId) {
        return emulator.control().component(EventsControl.class).events().stream()
                .filter(e -> e.eventId().equals(eventId)).flatMap(e -> e.deliveries().stream()).toList();
    }
}
