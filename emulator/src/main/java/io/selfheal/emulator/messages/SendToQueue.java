package io.selfheal.emulator.messages;

import io.selfheal.emulator.core.BusRequest;
import java.util.Map;

/**
 * A service principal sends a message to an SQS queue (an EventBridge target, an SNS subscription, a dead-letter
 * queue). SQS checks the queue policy for {@code principal} and {@code sourceArn}, as AWS does, then enqueues.
 * Ask with {@code bus.ask(new SendToQueue(…))}; the id of an accepted delivery is the MessageId.
 *
 * @param queueArn        {@code arn:aws:sqs:<region>:<account>:<name>}
 * @param body            the message body
 * @param attributes      message attributes as strings (may be empty)
 * @param messageGroupId  for FIFO queues, else null
 * @param deduplicationId for FIFO queues without content-based deduplication, else null
 * @param principal       the sending service, e.g. {@code events.amazonaws.com}, or null for a call within the
 *                        account (no policy check)
 * @param sourceArn       the sending resource (rule or topic ARN), for {@code aws:SourceArn} conditions
 * @param attributeTypes  the DataType of attributes that are not {@code String} (e.g. Lambda's dead-letter
 *                        {@code ErrorCode}: {@code Number}); may be empty
 */
public record SendToQueue(String queueArn, String body, Map<String, String> attributes, String messageGroupId,
                          String deduplicationId, String principal, String sourceArn,
                          Map<String, String> attributeTypes)
        implements BusRequest<Delivery> {

    /** Every attribute a {@code String}. */
    public SendToQueue(String queueArn, String body, Map<String, String> attributes, String messageGroupId,
                       String deduplicationId, String principal, String sourceArn) {
        this(queueArn, body, attributes, messageGroupId, deduplicationId, principal, sourceArn, Map.of());
    }

    /** The attribute's DataType: {@code String} unless {@code attributeTypes} says otherwise. */
    public String dataType(String attribute) {
        return attributeTypes == null ? "String" : attributeTypes.getOrDefault(attribute, "String");
    }
}
