package io.selfheal.emulator.services.events;

import io.selfheal.emulator.BusProbe;
import io.selfheal.emulator.messages.Delivery;
import io.selfheal.emulator.messages.PublishToTopic;
import io.selfheal.emulator.messages.PutLogEvents;
import io.selfheal.emulator.messages.SendToQueue;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for SQS, SNS and CloudWatch Logs in EventBridge tests: answers {@link SendToQueue},
 * {@link PublishToTopic} and {@link PutLogEvents} on the internal bus in their place ({@link BusProbe#answer}), records
 * every request, and refuses the resources a test tells it to, as a queue policy, topic policy or log group resource
 * policy would.
 */
final class StandInTargets {
    private final List<SendToQueue> messages = new CopyOnWriteArrayList<>();
    private final List<PublishToTopic> publications = new CopyOnWriteArrayList<>();
    private final List<PutLogEvents> logWrites = new CopyOnWriteArrayList<>();
    /** By queue ARN, topic ARN or log group name. */
    private final Map<String, Delivery> refusals = new ConcurrentHashMap<>();
    /** How many more deliveries a resource refuses before it accepts again; absent means always. */
    private final Map<String, Integer> remaining = new ConcurrentHashMap<>();

    /** Answers on this emulator's bus from now on. */
    void answerOn(BusProbe bus) {
        bus.answer(SendToQueue.class, m -> {
            messages.add(m);
            return answer(m.queueArn());
        });
        bus.answer(PublishToTopic.class, m -> {
            publications.add(m);
            return answer(m.topicArn());
        });
        bus.answer(PutLogEvents.class, m -> {
            logWrites.add(m);
            return answer(m.logGroupName());
        });
    }

    private Delivery answer(String resource) {
        Delivery refusal = refusals.get(resource);
        if (refusal == null) {
            return Delivery.accepted(UUID.randomUUID().toString());
        }
        Integer left = remaining.computeIfPresent(resource, (k, n) -> n - 1);
        if (left != null && left < 0) {
            return Delivery.accepted(UUID.randomUUID().toString());
        }
        return refusal;
    }

    /** The resource refuses the next {@code times} deliveries with this error, then accepts. */
    void refuse(String arnOrGroup, int times, String errorCode, String errorMessage) {
        refuse(arnOrGroup, errorCode, errorMessage);
        remaining.put(arnOrGroup, times);
    }

    /** The queue, topic or log group (by name) refuses every delivery with this error. */
    void refuse(String arnOrGroup, String errorCode, String errorMessage) {
        refusals.put(arnOrGroup, Delivery.refused(errorCode, errorMessage));
    }

    List<SendToQueue> messages(String queueArn) {
        return messages.stream().filter(m -> m.queueArn().equals(queueArn)).toList();
    }

    List<PublishToTopic> publications() {
        return List.copyOf(publications);
    }

    List<PutLogEvents> logWrites() {
        return List.copyOf(logWrites);
    }

    void clear() {
        messages.clear();
        publications.clear();
        logWrites.clear();
        refusals.clear();
        remaining.clear();
    }
}
