package io.selfheal.harness.backend.observe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.control.EventRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The events on the default bus, seen through a catch-all rule whose target is a queue of the harness's own: the
 * queue and rule are created when the tap opens (with the stack) and deleted when it closes (at teardown), both
 * named and tagged with the run id. What the tap cannot see is what the bus did with an event: its records carry no
 * deliveries.
 * <p>
 * The queue policy lets only this rule send (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-sqs-permissions);
 * {@code {"source": [{"prefix": ""}]}} matches every event, as each has a source
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html#eb-filtering-prefix-matching).
 */
final class BusTap implements AutoCloseable {
    static final String CATCH_ALL = "{\"source\":[{\"prefix\":\"\"}]}";
    static final String TAG = io.selfheal.harness.runid.RunIdentity.RUN_ID_TAG;
    private static final String TARGET_ID = "selfheal-tap";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventBridgeClient events;
    private final SqsClient sqs;
    private final String name;
    private final String queueUrl;
    private final List<EventRecord> seen = new ArrayList<>();
    private final Set<String> messageIds = new HashSet<>();

    private BusTap(EventBridgeClient events, SqsClient sqs, String name, String queueUrl) {
        this.events = events;
        this.sqs = sqs;
        this.name = name;
        this.queueUrl = queueUrl;
    }

    /** Creates the queue, its policy, the rule and its target: {@code tap-sh-<runId>}, as the run's own names. */
    static BusTap open(EventBridgeClient events, SqsClient sqs, String runId) {
        String name = "tap" + io.selfheal.harness.runid.RunIdentity.marker(runId);
        String queueUrl = sqs.createQueue(r -> r.queueName(name).tags(Map.of(TAG, runId))).queueUrl();
        BusTap tap = new BusTap(events, sqs, name, queueUrl);
        try {
            String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            String ruleArn = events.putRule(r -> r.name(name).eventPattern(CATCH_ALL)
                    .description("selfheal: every event of run " + runId + " into " + name)
                    .tags(t -> t.key(TAG).value(runId))).ruleArn();
            sqs.setQueueAttributes(r -> r.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.POLICY,
                    policy(queueArn, ruleArn))));
            events.putTargets(r -> r.rule(name).targets(t -> t.id(TARGET_ID).arn(queueArn)));
            return tap;
        } catch (RuntimeException e) {
            tap.close();
            throw e;
        }
    }

    private static String policy(String queueArn, String ruleArn) {
        ObjectNode doc = JSON.createObjectNode().put("Version", "2012-10-17");
        ObjectNode statement = doc.putArray("Statement").addObject().put("Sid", "selfheal-tap")
                .put("Effect", "Allow").put("Action", "sqs:SendMessage").put("Resource", queueArn);
        statement.putObject("Principal").put("Service", "events.amazonaws.com");
        statement.putObject("Condition").putObject("ArnEquals").put("aws:SourceArn", ruleArn);
        return doc.toString();
    }

    /** Every event the tap has received, in arrival order: drains the queue first. */
    synchronized List<EventRecord> read() {
        while (true) {
            List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(0)).messages();
            if (batch.isEmpty()) {
                return List.copyOf(seen);
            }
            for (Message m : batch) {
                // Standard queues deliver at least once: a duplicate has the same message id.
                if (messageIds.add(m.messageId())) {
                    seen.add(record(m.body()));
                }
            }
            sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(batch.stream().map(m -> software.amazon.awssdk
                    .services.sqs.model.DeleteMessageBatchRequestEntry.builder().id(m.messageId())
                    .receiptHandle(m.receiptHandle()).build()).toList()));
        }
    }

    private static EventRecord record(String body) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(body);
            String busArn = "arn:aws:events:" + event.path("region").asText() + ":" + event.path("account").asText()
                    + ":event-bus/default";
            Instant time = event.hasNonNull("time") ? Instant.parse(event.get("time").asText()) : null;
            return new EventRecord(event.path("id").asText(), busArn, event, time, List.of());
        } catch (com.fasterxml.jackson.core.JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("the tap queue got a message that is no event: " + body, e);
        }
    }

    String name() {
        return name;
    }

    /** Deletes the rule's target, the rule and the queue; each step is tried even when an earlier one failed. */
    @Override
    public void close() {
        RuntimeException first = null;
        for (Runnable step : List.<Runnable>of(
                () -> events.removeTargets(r -> r.rule(name).ids(TARGET_ID)),
                () -> events.deleteRule(r -> r.name(name)),
                () -> sqs.deleteQueue(r -> r.queueUrl(queueUrl)))) {
            try {
                step.run();
            } catch (software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException gone) {
                // Never created (open failed half-way) or already removed.
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
