package io.selfheal.emulator.services.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Objects and arrays inside strings, and JSON templates that stop being JSON, end to end through the SDK: a rule
 * with an SQS target and an input transformer, the body read back from the real queue. The user guide, "Common
 * issues with transforming input"
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html#eb-transform-input-issues):
 * "If a JSON path references a JSON object or array, but the variable is referenced in a string, EventBridge removes
 * any internal quotes to ensure a valid string", and "EventBridge doesn't escape values extracted by Input Path".
 * A result that is not JSON is not delivered: the invocation fails (FailedInvocations) and the dead-letter queue gets
 * the event with ERROR_CODE INVALID_JSON ("Using dead-letter queues to process undelivered events").
 */
class EventBridgeTransformedQueueBodyTest {
    static final String DETAIL = "{\"instance-id\":\"i-0123456789\",\"state\":\"RUNNING\",\"tags\":[\"web\",\"prod\"]}";

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();
    static Emulator emulator;
    static EventBridgeClient events;
    static SqsClient sqs;
    static CloudWatchClient cloudWatch;

    String queueUrl;
    String dlqUrl;

    @BeforeAll
    static void start() {
        emulator = AWS.emulator();
        events = AWS.client(EventBridgeClient.class);
        sqs = AWS.client(SqsClient.class);
        cloudWatch = AWS.client(CloudWatchClient.class);
    }

    @BeforeEach
    void queues() {
        emulator.control().awaitIdle(Duration.ofSeconds(10));
        emulator.control().reset();
        queueUrl = queue("transformed");
        dlqUrl = queue("transformed-dlq");
        events.putRule(r -> r.name("shape").eventPattern("{\"source\":[\"selfheal.shape\"]}"));
    }

    @Test
    void anObjectInAPlainTextTemplateLosesItsQuotes() {
        target(Map.of("detail", "$.detail"), "Detail is <detail>");
        putEvent(DETAIL);
        assertThat(body(queueUrl)).isEqualTo("Detail is {instance-id:i-0123456789,state:RUNNING,tags:[web,prod]}");
    }

    @Test
    void anArrayInsideAStringOfAJsonTemplateLosesItsQuotesAndStaysOutsideQuotesAsJson() {
        target(Map.of("tags", "$.detail.tags", "detail", "$.detail"),
                "{\"summary\": \"tags <tags> on <detail>\", \"tags\": <tags>}");
        putEvent(DETAIL);
        assertThat(body(queueUrl)).isEqualTo("{\"summary\": \"tags [web,prod] on "
                + "{instance-id:i-0123456789,state:RUNNING,tags:[web,prod]}\", \"tags\": [\"web\",\"prod\"]}");
    }

    @Test
    void aStringIsInsertedUnescaped() {
        target(Map.of("state", "$.detail.state"), "state is \"<state>\"");
        putEvent("{\"state\":\"say \\\"hi\\\"\"}");
        assertThat(body(queueUrl)).isEqualTo("state is \"say \"hi\"\"");
    }

    @Test
    void aJsonTemplateWhoseResultIsNotJsonIsNotDelivered() {
        Instant before = Instant.now().minusSeconds(60);
        target(Map.of("state", "$.detail.state"), "{\"message\": \"state is <state>\"}");
        String id = putEvent("{\"state\":\"RUNNING \\\"since boot\\\"\"}");

        assertThat(sqs.receiveMessage(r -> r.queueUrl(queueUrl)).messages()).as("the target").isEmpty();
        List<Message> dead = sqs.receiveMessage(r -> r.queueUrl(dlqUrl).messageAttributeNames("All")).messages();
        assertThat(dead).singleElement().satisfies(m -> {
            assertThat(m.body()).contains("\"id\":\"" + id + "\"");
            assertThat(m.messageAttributes().get("ERROR_CODE").stringValue()).isEqualTo("INVALID_JSON");
            assertThat(m.messageAttributes().get("RETRY_ATTEMPTS").stringValue()).isEqualTo("0");
        });
        double failed = cloudWatch.getMetricStatistics(r -> r.namespace("AWS/Events")
                        .metricName("FailedInvocations").dimensions(d -> d.name("RuleName").value("shape"))
                        .startTime(before).endTime(Instant.now().plusSeconds(60)).period(60)
                        .statistics(Statistic.SUM))
                .datapoints().stream().mapToDouble(d -> d.sum()).sum();
        assertThat(failed).isEqualTo(1);
    }

    private void target(Map<String, String> paths, String template) {
        String arn = arn(queueUrl);
        String dlq = arn(dlqUrl);
        assertThat(events.putTargets(r -> r.rule("shape").targets(Target.builder().id("q").arn(arn)
                .deadLetterConfig(d -> d.arn(dlq))
                .inputTransformer(t -> t.inputPathsMap(paths).inputTemplate(template)).build()))
                .failedEntryCount()).isZero();
    }

    private static String putEvent(String detail) {
        var put = events.putEvents(r -> r.entries(e -> e.source("selfheal.shape").detailType("Test").detail(detail)));
        assertThat(put.failedEntryCount()).isZero();
        assertThat(emulator.control().awaitIdle(Duration.ofSeconds(10))).as("emulator went idle").isTrue();
        return put.entries().get(0).eventId();
    }

    private static String body(String url) {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url)).messages();
        assertThat(messages).hasSize(1);
        return messages.get(0).body();
    }

    private static String queue(String name) {
        return EventsQueues.create(sqs, name);
    }

    private static String arn(String queueUrl) {
        return EventsQueues.arn(sqs, queueUrl);
    }
}
