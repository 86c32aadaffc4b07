package io.selfheal.emulator.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.control.FunctionInvocation;
import io.selfheal.emulator.control.LambdaControl;
import io.selfheal.emulator.core.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The "Done when" load test of issue 12, bounded to stay cheap in the build: 10,000 events through EventBridge
 * (PutEvents, 10 a call, through the SDK v2) to a Python function invoked asynchronously that fails every tenth event.
 * Lambda retries each failure twice on the virtual clock, then sends it to the function's SQS dead-letter queue.
 * Every event is accounted for exactly once: a successful invocation, or a dead letter. The throughput it prints
 * is recorded in BENCHMARKS.md.
 */
class AsyncLoadTest {
    private static final int EVENTS = 10_000;
    private static final long AWS_STARTED = System.nanoTime();
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.virtualTime(Instant.parse("2026-03-01T00:00:00Z"))
            .configure(b -> b.retain("invocations", 20_000, 64L << 20).eventsBacklog(EVENTS));

    @Test
    void tenThousandEventsAreEachDeliveredOrDeadLettered(LambdaClient lambda, EventBridgeClient events,
                                                         SqsClient sqs) throws Exception {
        String dlq = sqs.createQueue(b -> b.queueName("load-dlq")).queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String fn = TestFunctions.createScript(lambda, "tenth-fails", "python3.12",
                TestFunctions.zipOf("/lambda/load"), "tenth_fails.handler",
                b -> b.deadLetterConfig(d -> d.targetArn(dlqArn))).functionArn();
        lambda.addPermission(b -> b.functionName("tenth-fails").statementId("events").action("lambda:InvokeFunction")
                .principal("events.amazonaws.com"));
        events.putRule(b -> b.name("load").eventPattern("{\"source\":[\"selfheal.load\"]}"));
        events.putTargets(b -> b.rule("load").targets(t -> t.id("fn").arn(fn)));

        System.out.printf("AsyncLoadTest: set up in %.1f s%n", (System.nanoTime() - AWS_STARTED) / 1e9);
        long started = System.nanoTime();
        for (int i = 0; i < EVENTS; i += 10) {
            List<PutEventsRequestEntry> batch = IntStream.range(i, i + 10).mapToObj(n -> PutEventsRequestEntry
                    .builder().source("selfheal.load").detailType("load").detail("{\"n\":" + n + "}").build())
                    .toList();
            assertThat(events.putEvents(b -> b.entries(batch)).failedEntryCount()).isZero();
        }
        System.out.printf("AsyncLoadTest: put in %.1f s%n", (System.nanoTime() - started) / 1e9);
        AWS.advance(Duration.ofMinutes(5));
        double seconds = (System.nanoTime() - started) / 1e9;

        Set<Integer> succeeded = new HashSet<>();
        int attempts = 0;
        for (FunctionInvocation i : AWS.emulator().control().component(LambdaControl.class)
                .invocations("tenth-fails")) {
            attempts++;
            if (i.errorType() == null) {
                assertThat(succeeded.add(Json.parse(i.payload()).at("/detail/n").asInt())).isTrue();
            }
        }
        Set<Integer> deadLettered = new HashSet<>();
        List<Message> page;
        do {
            page = sqs.receiveMessage(b -> b.queueUrl(dlq).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .messageAttributeNames("All")).messages();
            for (Message m : page) {
                JsonNode event = Json.parse(m.body());
                assertThat(m.messageAttributes().get("ErrorCode").stringValue()).isNotBlank();
                assertThat(deadLettered.add(event.at("/detail/n").asInt())).isTrue();
            }
            if (!page.isEmpty()) {
                List<DeleteMessageBatchRequestEntry> received = page.stream().map(m -> DeleteMessageBatchRequestEntry
                        .builder().id(m.messageId()).receiptHandle(m.receiptHandle()).build()).toList();
                assertThat(sqs.deleteMessageBatch(b -> b.queueUrl(dlq).entries(received)).failed()).isEmpty();
            }
        } while (!page.isEmpty());
        System.out.printf("AsyncLoadTest: accounted for in %.1f s more%n", (System.nanoTime() - started) / 1e9
                - seconds);

        System.out.printf("AsyncLoadTest: %d events, %d invocations in %.1f s: %.0f events/s%n", EVENTS, attempts,
                seconds, EVENTS / seconds);
        assertThat(succeeded).hasSize(EVENTS * 9 / 10).allMatch(n -> n % 10 != 0);
        assertThat(deadLettered).hasSize(EVENTS / 10).allMatch(n -> n % 10 == 0);
        List<Integer> all = new ArrayList<>(succeeded);
        all.addAll(deadLettered);
        assertThat(new HashSet<>(all)).as("every event accounted for, once").hasSize(EVENTS);
        assertThat(attempts).as("each failing event tried 3 times").isEqualTo(EVENTS * 9 / 10 + 3 * EVENTS / 10);
    }
}
