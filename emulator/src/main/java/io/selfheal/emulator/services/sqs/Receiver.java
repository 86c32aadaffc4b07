package io.selfheal.emulator.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * ReceiveMessage, short and long polling. A long poll runs on a worker thread (the service declares ReceiveMessage
 * blocking) and sleeps on the queue's monitor until a send wakes it, a hidden message becomes visible, or the wait
 * time ends: it answers as soon as a message is there, never after a fixed sleep. Both are instants of the emulator
 * clock; on a virtual clock the poll wakes when the clock is advanced to them (see {@link #sleep}).
 */
final class Receiver {
    private final SqsQueues queues;
    private final EmulatorClock clock;

    Receiver(SqsQueues queues, EmulatorClock clock) {
        this.queues = queues;
        this.clock = clock;
    }

    JsonNode receiveMessage(RequestContext ctx, ObjectNode input) {
        SqsQueue queue = queues.byUrl(ctx, input.path("QueueUrl").asText(null));
        Params p = new Params(input, SqsErrors.PARAMS);
        int max = bounded(p, "MaxNumberOfMessages", 1, 1, 10, "Must be between 1 and 10, if provided.");
        int visibility = bounded(p, "VisibilityTimeout", queue.visibilityTimeout(), 0, 43200,
                "Must be >= 0 and <= 43200, if provided.");
        int wait = bounded(p, "WaitTimeSeconds", queue.receiveWaitTime(), 0, 20, "Must be >= 0 and <= 20, if provided.");
        Set<String> systemNames = new LinkedHashSet<>(p.strings("AttributeNames"));
        systemNames.addAll(p.strings("MessageSystemAttributeNames"));
        List<String> attributeNames = p.strings("MessageAttributeNames");

        List<SqsMessage> delivered = poll(queue, max, visibility, clock.now().plusSeconds(wait));
        ObjectNode result = Json.object();
        if (!delivered.isEmpty()) {
            ArrayNode messages = result.putArray("Messages");
            delivered.forEach(m -> messages.add(render(m, systemNames, attributeNames)));
        }
        return result;
    }

    private List<SqsMessage> poll(SqsQueue queue, int max, int visibility, Instant deadline) {
        long realDeadline = System.nanoTime() + Duration.between(clock.now(), deadline).toNanos();
        while (true) {
            DeadLetterTarget deadLetters = deadLetterTarget(queue);
            SqsQueue.Received received;
            synchronized (queue) {
                Instant now = clock.now();
                received = queue.receive(max, visibility, deadLetters.maxReceiveCount(), now);
                if (received.delivered().isEmpty() && received.deadLettered().isEmpty()) {
                    if (queue.deleted() || !now.isBefore(deadline)) {
                        return List.of();
                    }
                    Instant next = queue.nextVisibleAt(now);
                    Instant wakeAt = next != null && next.isBefore(deadline) ? next : deadline;
                    if (!sleep(queue, now, wakeAt, realDeadline)) {
                        return List.of();
                    }
                    continue;
                }
            }
            moveToDeadLetterQueue(received, queue, deadLetters);
            if (!received.delivered().isEmpty()) {
                return received.delivered();
            }
        }
    }

    /** Where the queue's redrive policy moves messages: its dead-letter queue, or none (maxReceiveCount 0). */
    record DeadLetterTarget(SqsQueue queue, int maxReceiveCount) {
    }

    DeadLetterTarget deadLetterTarget(SqsQueue queue) {
        RedrivePolicy redrive = RedrivePolicy.of(queue.attribute("RedrivePolicy"));
        SqsQueue deadLetterQueue = redrive == null ? null : queues.byArn(redrive.deadLetterTargetArn());
        return new DeadLetterTarget(deadLetterQueue, deadLetterQueue == null ? 0 : redrive.maxReceiveCount());
    }

    /** Called outside the source's monitor: two queues may be each other's dead-letter queue. */
    void moveToDeadLetterQueue(SqsQueue.Received received, SqsQueue queue, DeadLetterTarget target) {
        for (SqsMessage m : received.deadLettered()) {
            target.queue().deadLetter(m, queue.arn, clock.now());
        }
    }

    /**
     * Sleeps on the queue's monitor (held by the caller) until a send or visibility change wakes it or the clock
     * reaches {@code wakeAt}. In real time that is a timed wait. On a virtual clock it is a clock timer at
     * {@code wakeAt} that wakes the poll when the clock is advanced there, so a hidden message shows up exactly at
     * its instant; the timer is not in-flight work, so it never keeps the clock from advancing. The poll still ends
     * after its wait time in real time ({@code realDeadline}) so that a clock nobody advances cannot hold a client
     * longer than AWS would.
     *
     * @return false when the poll should end empty (interrupted, or out of real time on a virtual clock)
     */
    private boolean sleep(SqsQueue queue, Instant now, Instant wakeAt, long realDeadline) {
        EmulatorClock.Timer timer = null;
        long millis;
        if (clock.isVirtual()) {
            millis = TimeUnit.NANOSECONDS.toMillis(realDeadline - System.nanoTime());
            if (millis <= 0) {
                return false;
            }
            timer = clock.schedule(wakeAt, () -> {
                synchronized (queue) {
                    queue.notifyAll();
                }
            });
        } else {
            millis = Math.max(1, Duration.between(now, wakeAt).toMillis());
        }
        queue.waiters++;
        try {
            queue.wait(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            queue.waiters--;
            if (timer != null) {
                timer.cancel();
            }
        }
    }

    private static int bounded(Params p, String name, int fallback, int min, int max, String reason) {
        Integer value = p.integer(name);
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw SqsErrors.invalidParameter(name, value.toString(), reason);
        }
        return value;
    }

    private static ObjectNode render(SqsMessage m, Set<String> systemNames, List<String> attributeNames) {
        ObjectNode out = Json.object()
                .put("MessageId", m.messageId)
                .put("ReceiptHandle", m.receiptHandle)
                .put("MD5OfBody", m.md5OfBody)
                .put("Body", m.body);
        ObjectNode system = systemAttributes(m, systemNames);
        if (!system.isEmpty()) {
            out.set("Attributes", system);
        }
        ObjectNode attributes = Json.object();
        m.attributes.fields().forEachRemaining(e -> {
            if (wanted(e.getKey(), attributeNames)) {
                attributes.set(e.getKey(), e.getValue());
            }
        });
        if (!attributes.isEmpty()) {
            out.put("MD5OfMessageAttributes", Md5s.ofAttributes(attributes));
            out.set("MessageAttributes", attributes);
        }
        return out;
    }

    /** MessageAttributeNames: a name, {@code All}, {@code .*}, or a prefix such as {@code bar.*}. */
    private static boolean wanted(String name, List<String> patterns) {
        for (String p : patterns) {
            if (p.equals("All") || p.equals(".*") || p.equals(name)
                    || (p.endsWith(".*") && name.startsWith(p.substring(0, p.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    static ObjectNode systemAttributes(SqsMessage m, Set<String> names) {
        boolean all = names.contains("All");
        ObjectNode out = Json.object();
        put(out, names, all, "SenderId", m.senderId);
        put(out, names, all, "SentTimestamp", Long.toString(m.sentAt.toEpochMilli()));
        put(out, names, all, "ApproximateReceiveCount", Integer.toString(m.receiveCount));
        put(out, names, all, "ApproximateFirstReceiveTimestamp", Long.toString(m.firstReceivedAt.toEpochMilli()));
        put(out, names, all, "MessageGroupId", m.groupId);
        put(out, names, all, "MessageDeduplicationId", m.deduplicationId);
        put(out, names, all, "SequenceNumber", m.sequenceNumber);
        put(out, names, all, "DeadLetterQueueSourceArn", m.deadLetterSourceArn);
        return out;
    }

    private static void put(ObjectNode out, Set<String> names, boolean all, String name, String value) {
        if (value != null && (all || names.contains(name))) {
            out.put(name, value);
        }
    }
}
