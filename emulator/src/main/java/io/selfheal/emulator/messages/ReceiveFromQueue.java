package io.selfheal.emulator.messages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.BusRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A poller (Lambda's event source mapping) receives messages as ReceiveMessage would, with the queue's own
 * visibility timeout: each message taken is hidden for it and counted as received, and a message already received
 * {@code maxReceiveCount} times moves to the queue's dead-letter queue instead, by the queue's redrive policy.
 *
 * @param queueArn    the queue
 * @param maxMessages at most this many (a poller's batch may exceed ReceiveMessage's 10)
 * @param minMessages take nothing unless at least this many are visible (a batching window still open)
 */
public record ReceiveFromQueue(String queueArn, int maxMessages, int minMessages)
        implements BusRequest<ReceiveFromQueue.Result> {

    /**
     * SQS's answer.
     *
     * @param found         false when the queue does not exist (any more)
     * @param messages      the messages taken, maybe none
     * @param nextVisibleAt when the next hidden (in flight or delayed) message becomes visible, or null
     */
    public record Result(boolean found, List<Message> messages, Instant nextVisibleAt) {
        public static Result notFound() {
            return new Result(false, List.of(), null);
        }
    }

    /**
     * One message as ReceiveMessage returns it with {@code AttributeNames=All} and {@code MessageAttributeNames=All}.
     *
     * @param attributes        system attributes: ApproximateReceiveCount, SentTimestamp, SenderId,
     *                          ApproximateFirstReceiveTimestamp, and for FIFO SequenceNumber, MessageGroupId,
     *                          MessageDeduplicationId
     * @param messageAttributes name → {@code {DataType, StringValue | BinaryValue}}
     */
    public record Message(String messageId, String receiptHandle, String body, String md5OfBody,
                          Map<String, String> attributes, ObjectNode messageAttributes,
                          String md5OfMessageAttributes) {
    }
}
