package io.selfheal.emulator.services.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A log group target, end to end through the SDK with the real CloudWatch Logs: EventBridge writes only when an
 * account resource policy (PutResourcePolicy) lets {@code events.amazonaws.com} perform
 * {@code logs:CreateLogStream} and {@code logs:PutLogEvents} ("CloudWatch Logs permissions" in
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-cloudwatchlogs-permissions).
 * Without one the invocation fails: FailedInvocations counts it and the target's dead-letter queue gets the event with
 * ERROR_CODE NO_PERMISSIONS (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html).
 */
class EventBridgeLogsResourcePolicyTest {
    static final String GROUP = "/aws/events/remediations";

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();
    static Emulator emulator;
    static EventBridgeClient events;
    static CloudWatchLogsClient logs;
    static SqsClient sqs;

    @BeforeAll
    static void start() {
        emulator = AWS.emulator();
        events = AWS.client(EventBridgeClient.class);
        logs = AWS.client(CloudWatchLogsClient.class);
        sqs = AWS.client(SqsClient.class);
    }

    @Test
    void theGroupGetsTheEventOnlyOnceAResourcePolicyLetsEventBridgeWrite() {
        Instant before = Instant.now().minusSeconds(60);
        logs.createLogGroup(r -> r.logGroupName(GROUP));
        String groupArn = "arn:aws:logs:us-east-1:123456789012:log-group:" + GROUP;
        String dlqUrl = EventsQueues.create(sqs, "logs-target-dlq");
        String dlq = EventsQueues.arn(sqs, dlqUrl);
        events.putRule(r -> r.name("to-logs").eventPattern("{\"source\":[\"selfheal.logs\"]}"));
        assertThat(events.putTargets(r -> r.rule("to-logs").targets(Target.builder().id("group").arn(groupArn)
                .deadLetterConfig(d -> d.arn(dlq)).build())).failedEntryCount()).isZero();

        String refused = putEvent();
        List<Message> dead = sqs.receiveMessage(r -> r.queueUrl(dlqUrl).messageAttributeNames("All")).messages();
        assertThat(dead).singleElement().satisfies(m -> {
            assertThat(m.body()).contains("\"id\":\"" + refused + "\"");
            assertThat(m.messageAttributes().get("ERROR_CODE").stringValue()).isEqualTo("NO_PERMISSIONS");
        });
        assertThat(logs.describeLogStreams(r -> r.logGroupName(GROUP)).logStreams()).isEmpty();
        assertThat(failedInvocations(before)).isEqualTo(1);

        logs.putResourcePolicy(r -> r.policyName("events-to-logs").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},
                 "Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"%s:*"}]}""".formatted(groupArn)));
        String delivered = putEvent();
        assertThat(logs.filterLogEvents(r -> r.logGroupName(GROUP)).events()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("\"id\":\"" + delivered + "\""));
        assertThat(sqs.receiveMessage(r -> r.queueUrl(dlqUrl)).messages()).isEmpty();
        assertThat(failedInvocations(before)).isEqualTo(1);
    }

    private static double failedInvocations(Instant since) {
        return AWS.client(CloudWatchClient.class).getMetricStatistics(r -> r.namespace("AWS/Events")
                        .metricName("FailedInvocations").dimensions(d -> d.name("RuleName").value("to-logs"))
                        .startTime(since).endTime(Instant.now().plusSeconds(60)).period(60)
                        .statistics(Statistic.SUM))
                .datapoints().stream().mapToDouble(d -> d.sum()).sum();
    }

    private static String putEvent() {
        var put = events.putEvents(r -> r.entries(e -> e.source("selfheal.logs").detailType("Test").detail("{}")));
        assertThat(put.failedEntryCount()).isZero();
        assertThat(emulator.control().awaitIdle(Duration.ofSeconds(10))).as("emulator went idle").isTrue();
        return put.entries().get(0).eventId();
    }
}
