package io.selfheal.harness.expect;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.yaml.YMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What a stack queue holds: {@code queue: {ref: dlq, messages: 0}} (visible plus in-flight, from
 * GetQueueAttributes) or {@code queue: {ref: alerts, contains: {detail: {eventName: AuthorizeSecurityGroupIngress}}}}
 * (some message whose JSON body, or SNS envelope's Message, contains that subset). Messages are looked at with
 * ReceiveMessage and a visibility timeout of 0, so the probe hides nothing from the stack's consumers.
 */
public record QueueExpectation(String queue, Integer messages, JsonNode contains) implements Expectation {

    @Override
    public String describe() {
        return "queue " + queue + (messages != null ? " holds " + messages + " message" + (messages == 1 ? "" : "s")
                : "") + (messages != null && contains != null ? " and" : "")
                + (contains != null ? " has a message containing " + contains : "");
    }

    @Override
    public Verdict check(ProbeContext run) {
        String url = run.state().get("queues", queue, "url");
        var sqs = run.clients().sqs();
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        int count = Integer.parseInt(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"))
                + Integer.parseInt(attributes.getOrDefault(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
        boolean holds = messages == null || messages == count;
        String observed = count + " message" + (count == 1 ? "" : "s");
        if (contains != null) {
            List<Message> peeked = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                    .visibilityTimeout(0).waitTimeSeconds(0)).messages();
            boolean found = peeked.stream().anyMatch(m -> JsonSubset.bodyContains(m.body(), contains));
            holds &= found;
            observed += found ? ", one matching" : ", none of the " + peeked.size() + " looked at matching"
                    + (peeked.isEmpty() ? "" : " (first: " + abbreviate(peeked.get(0).body()) + ")");
        }
        return Verdict.of(holds, observed);
    }

    private static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }

    /** Registered as {@code queue}. */
    public static final class Type implements ExpectationType {
        @Override
        public String key() {
            return "queue";
        }

        @Override
        public Expectation read(YMap spec, ReadContext context) {
            spec.allow("ref", "messages", "contains");
            String queue = context.stackKey("queues", spec.require("ref"));
            if (!spec.has("messages") && !spec.has("contains")) {
                spec.node().problem("give messages (a count), contains (a JSON subset of a message body) or both");
                return null;
            }
            Integer messages = spec.integer("messages");
            JsonNode contains = spec.has("contains") ? spec.get("contains").toJson() : null;
            return queue == null ? null : new QueueExpectation(queue, messages, contains);
        }

        @Override
        public String schema() {
            return """
                {"description": "What a stack queue holds (peeked with a visibility timeout of 0, hiding nothing from consumers). Give messages, contains or both.", "type": "object", "additionalProperties": false, "required": ["ref"], "anyOf": [{"required": ["messages"]}, {"required": ["contains"]}], "properties": {
                  "ref": {"description": "The key of the queues entry.", "$ref": "#/$defs/stackKey"},
                  "messages": {"description": "Exactly how many messages it holds, visible plus in flight.", "type": "integer", "minimum": 0},
                  "contains": {"description": "A JSON subset some message body (or SNS envelope's Message) must contain."}
                }}
                """;
        }
    }
}
