package io.selfheal.emulator.services.sqs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Ids;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A queue and its messages. Every method runs under the queue's monitor, which long-polling receivers also wait on:
 * a send, a purge or the queue's deletion wakes them ({@link #notifyAll}). Time always comes from the caller (the
 * emulator clock), so visibility, delays and retention are evaluated lazily rather than by timers.
 */
final class SqsQueue {
    private static final Duration DEDUPLICATION_WINDOW = Duration.ofMinutes(5);
    private static final Duration PURGE_INTERVAL = Duration.ofSeconds(60);

    /** The outcome of a send: the message's id (the original one for a deduplicated FIFO send). */
    record Sent(String messageId, String sequenceNumber, String md5OfBody, String md5OfAttributes) {
    }

    /** What one receive attempt produced: delivered messages, and messages to move to the dead-letter queue. */
    record Received(List<SqsMessage> delivered, List<SqsMessage> deadLettered) {
    }

    private record Dedup(String messageId, String sequenceNumber, Instant expiresAt) {
    }

    final String name;
    final String accountId;
    final String region;
    final String arn;
    final boolean fifo;
    final Instant createdAt;
    private Instant lastModifiedAt;
    private Instant lastPurgeAt;
    private boolean deleted;
    /** Long polls sleeping on this queue's monitor (for tests that must send while one waits). */
    int waiters;
    private long sequence;
    private final Map<String, String> attributes;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final LinkedHashMap<String, SqsMessage> messages = new LinkedHashMap<>();
    private final Map<String, Dedup> deduplication = new HashMap<>();

    private final Ids ids;
    /** Told this queue's ARN when messages arrive, for pollers outside SQS ({@code QueueMessagesArrived}). */
    private final Consumer<String> arrivals;

    SqsQueue(Ids ids, Consumer<String> arrivals, String name, String accountId, String region,
             Map<String, String> attributes, Instant now) {
        this.ids = ids;
        this.arrivals = arrivals;
        this.name = name;
        this.accountId = accountId;
        this.region = region;
        this.arn = "arn:aws:sqs:" + region + ":" + accountId + ":" + name;
        this.fifo = name.endsWith(".fifo");
        this.attributes = new LinkedHashMap<>(attributes);
        this.createdAt = now;
        this.lastModifiedAt = now;
    }

    synchronized String attribute(String name) {
        return attributes.get(name);
    }

    synchronized Map<String, String> attributes() {
        return new LinkedHashMap<>(attributes);
    }

    synchronized void setAttributes(Map<String, String> values, Instant now) {
        attributes.putAll(values);
        attributes.values().removeIf(String::isEmpty);
        lastModifiedAt = now;
        notifyAll();
    }

    synchronized Instant lastModifiedAt() {
        return lastModifiedAt;
    }

    synchronized Map<String, String> tags() {
        return new LinkedHashMap<>(tags);
    }

    synchronized void tag(Map<String, String> values) {
        tags.putAll(values);
    }

    synchronized void untag(List<String> keys) {
        keys.forEach(tags::remove);
    }

    private int seconds(String attribute) {
        return Integer.parseInt(attributes.get(attribute));
    }

    synchronized int visibilityTimeout() {
        return seconds("VisibilityTimeout");
    }

    synchronized int receiveWaitTime() {
        return seconds("ReceiveMessageWaitTimeSeconds");
    }

    synchronized boolean contentBasedDeduplication() {
        return Boolean.parseBoolean(attributes.get("ContentBasedDeduplication"));
    }

    /**
     * Enqueues a message. FIFO sends with a deduplication id seen in the last five minutes are accepted but not
     * enqueued again ("Exactly-once processing in Amazon SQS").
     */
    synchronized Sent send(String body, ObjectNode messageAttributes, Integer delaySeconds, String senderId,
                           String groupId, String deduplicationId, Instant now) {
        expire(now);
        String md5OfAttributes = Md5s.ofAttributes(messageAttributes);
        String dedupKey = null;
        if (fifo) {
            dedupKey = "messageGroup".equals(attributes.get("DeduplicationScope"))
                    ? groupId + "\u0000" + deduplicationId : deduplicationId;
            Dedup seen = deduplication.get(dedupKey);
            if (seen != null && seen.expiresAt().isAfter(now)) {
                return new Sent(seen.messageId(), seen.sequenceNumber(), Md5s.ofBody(body), md5OfAttributes);
            }
        }
        String sequenceNumber = fifo ? String.format("18%018d", ++sequence) : null;
        int delay = delaySeconds != null ? delaySeconds : seconds("DelaySeconds");
        SqsMessage message = new SqsMessage(ids.uuid("message"), body, messageAttributes, now, senderId, groupId,
                deduplicationId, sequenceNumber, null, now.plusSeconds(delay));
        messages.put(message.messageId, message);
        if (dedupKey != null) {
            deduplication.put(dedupKey, new Dedup(message.messageId, sequenceNumber, now.plus(DEDUPLICATION_WINDOW)));
        }
        notifyAll();
        arrivals.accept(arn);
        return new Sent(message.messageId, sequenceNumber, message.md5OfBody, md5OfAttributes);
    }

    /**
     * Takes in a message redriven from {@code sourceArn}. It keeps its id and its original enqueue time, from which
     * the retention period still counts ("Using dead-letter queues in Amazon SQS").
     */
    synchronized void deadLetter(SqsMessage m, String sourceArn, Instant now) {
        String sequenceNumber = fifo ? String.format("18%018d", ++sequence) : null;
        messages.put(m.messageId, new SqsMessage(m.messageId, m.body, m.attributes, m.sentAt, m.senderId, m.groupId,
                m.deduplicationId, sequenceNumber, sourceArn, now));
        notifyAll();
        arrivals.accept(arn);
    }

    /**
     * Takes up to {@code max} visible messages and hides them for {@code visibilityTimeout} seconds. A FIFO queue
     * returns messages in order within each group and skips groups that have a message in flight. With a redrive
     * policy ({@code maxReceiveCount > 0}), a message already received that many times is removed for the
     * dead-letter queue instead of delivered, as AWS does on the next receive attempt.
     */
    synchronized Received receive(int max, int visibilityTimeout, int maxReceiveCount, Instant now) {
        expire(now);
        List<SqsMessage> delivered = new ArrayList<>();
        List<SqsMessage> deadLettered = new ArrayList<>();
        Set<String> blockedGroups = new HashSet<>();
        if (fifo) {
            messages.values().stream().filter(m -> m.inFlight(now)).forEach(m -> blockedGroups.add(m.groupId));
        }
        for (Iterator<SqsMessage> it = messages.values().iterator(); it.hasNext() && delivered.size() < max; ) {
            SqsMessage m = it.next();
            if (fifo && blockedGroups.contains(m.groupId)) {
                continue;
            }
            if (!m.visible(now)) {
                if (fifo) {
                    blockedGroups.add(m.groupId);
                }
                continue;
            }
            if (maxReceiveCount > 0 && m.receiveCount >= maxReceiveCount) {
                it.remove();
                deadLettered.add(m);
                continue;
            }
            m.receiveCount++;
            if (m.firstReceivedAt == null) {
                m.firstReceivedAt = now;
            }
            m.receiptHandle = receiptHandle(m.messageId);
            m.visibleAt = now.plusSeconds(visibilityTimeout);
            delivered.add(m);
        }
        return new Received(delivered, deadLettered);
    }

    /** When the next hidden message becomes visible, or null: how long a long poll may sleep. */
    synchronized Instant nextVisibleAt(Instant now) {
        Instant next = null;
        for (SqsMessage m : messages.values()) {
            if (!m.visible(now) && (next == null || m.visibleAt.isBefore(next))) {
                next = m.visibleAt;
            }
        }
        return next;
    }

    /** Deletes by receipt handle; a handle for a message already gone succeeds, as on AWS. */
    synchronized void delete(String receiptHandle) {
        messages.remove(messageIdOf(receiptHandle));
    }

    synchronized void changeVisibility(String receiptHandle, int seconds, Instant now) {
        SqsMessage m = messages.get(messageIdOf(receiptHandle));
        if (m == null || !m.inFlight(now) || !receiptHandle.equals(m.receiptHandle)) {
            throw SqsErrors.messageNotInflight();
        }
        m.visibleAt = now.plusSeconds(seconds);
        notifyAll();
    }

    synchronized void purge(Instant now) {
        if (lastPurgeAt != null && lastPurgeAt.plus(PURGE_INTERVAL).isAfter(now)) {
            throw SqsErrors.purgeInProgress(name);
        }
        lastPurgeAt = now;
        messages.clear();
    }

    synchronized void markDeleted() {
        deleted = true;
        messages.clear();
        notifyAll();
    }

    synchronized boolean deleted() {
        return deleted;
    }

    /** [visible, in flight, delayed] as ApproximateNumberOfMessages, …NotVisible and …Delayed count them. */
    synchronized int[] counts(Instant now) {
        expire(now);
        int[] counts = new int[3];
        for (SqsMessage m : messages.values()) {
            counts[m.visible(now) ? 0 : m.delayed(now) ? 2 : 1]++;
        }
        return counts;
    }

    /** Drops messages older than MessageRetentionPeriod and forgets expired deduplication ids. */
    private void expire(Instant now) {
        Instant oldest = now.minusSeconds(seconds("MessageRetentionPeriod"));
        messages.values().removeIf(m -> !m.sentAt.isAfter(oldest));
        deduplication.values().removeIf(d -> !d.expiresAt().isAfter(now));
    }

    private String receiptHandle(String messageId) {
        String raw = messageId + " " + arn + " " + ids.uuid("receipt");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The message id inside a receipt handle; ReceiptHandleIsInvalid when it is not one of ours. */
    static String messageIdOf(String receiptHandle) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(receiptHandle), StandardCharsets.UTF_8);
            String[] parts = raw.split(" ");
            if (parts.length == 3 && parts[1].startsWith("arn:aws:sqs:")) {
                return parts[0];
            }
        } catch (IllegalArgumentException e) {
            // falls through to the AWS error
        }
        throw SqsErrors.receiptHandleIsInvalid(receiptHandle);
    }
}
