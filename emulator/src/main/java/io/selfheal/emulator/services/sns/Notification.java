package io.selfheal.emulator.services.sns;

import java.time.Instant;
import java.util.Map;

/**
 * One published message on its way to the subscriptions.
 *
 * @param perProtocol for {@code MessageStructure=json}: the message per protocol with its {@code default}; else null
 * @param groupId     FIFO topics: the message group, else null
 * @param dedupId     FIFO topics: the deduplication id (computed from the body under content-based deduplication)
 * @param sequenceNumber FIFO topics: the message's number within the topic, else null
 */
record Notification(String messageId, TopicArn topicArn, String subject, String message,
                    Map<String, String> perProtocol, Map<String, MessageAttribute> attributes, Instant timestamp,
                    String groupId, String dedupId, String sequenceNumber) {

    /** The message a protocol receives: its own entry of a JSON message structure, else the default. */
    String messageFor(String protocol) {
        if (perProtocol == null) {
            return message;
        }
        return perProtocol.getOrDefault(protocol, perProtocol.get("default"));
    }
}
