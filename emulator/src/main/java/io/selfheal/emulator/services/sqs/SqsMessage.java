package io.selfheal.emulator.services.sqs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One message in a queue. Mutable receive state is guarded by the owning {@link SqsQueue}'s monitor.
 *
 * @see SqsQueue
 */
final class SqsMessage {
    final String messageId;
    final String body;
    /** JSON-shaped: name -> {DataType, StringValue | BinaryValue (base64)}; empty when none. */
    final ObjectNode attributes;
    final String md5OfBody;
    final Instant sentAt;
    final String senderId;
    final String groupId;
    final String deduplicationId;
    final String sequenceNumber;
    /** The queue ARN a dead-lettered message came from, else null. */
    final String deadLetterSourceArn;

    Instant visibleAt;
    int receiveCount;
    Instant firstReceivedAt;
    /** The receipt handle of the latest receive; null before the first. */
    String receiptHandle;

    SqsMessage(String messageId, String body, ObjectNode attributes, Instant sentAt, String senderId, String groupId,
               String deduplicationId, String sequenceNumber, String deadLetterSourceArn, Instant visibleAt) {
        this.messageId = messageId;
        this.body = body;
        this.attributes = attributes;
        this.md5OfBody = Md5s.ofBody(body);
        this.sentAt = sentAt;
        this.senderId = senderId;
        this.groupId = groupId;
        this.deduplicationId = deduplicationId;
        this.sequenceNumber = sequenceNumber;
        this.deadLetterSourceArn = deadLetterSourceArn;
        this.visibleAt = visibleAt;
    }

    /** A received message whose visibility timeout has not run out. */
    boolean inFlight(Instant now) {
        return receiptHandle != null && visibleAt.isAfter(now);
    }

    /** Sent with a delay (message or queue) that has not run out and never received. */
    boolean delayed(Instant now) {
        return receiptHandle == null && visibleAt.isAfter(now);
    }

    boolean visible(Instant now) {
        return !visibleAt.isAfter(now);
    }
}
