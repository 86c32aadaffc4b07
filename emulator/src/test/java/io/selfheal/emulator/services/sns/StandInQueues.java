package io.selfheal.emulator.services.sns;

import io.selfheal.emulator.BusProbe;
import io.selfheal.emulator.messages.Delivery;
import io.selfheal.emulator.messages.SendToQueue;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for SQS in SNS tests: answers {@link SendToQueue} on the bus in SQS's place ({@link BusProbe#answer}),
 * records every message and refuses the queues a test tells it to.
 */
final class StandInQueues {
    private final List<SendToQueue> sent = new CopyOnWriteArrayList<>();
    private final Map<String, Delivery> refusals = new ConcurrentHashMap<>();

    StandInQueues(BusProbe bus) {
        bus.answer(SendToQueue.class, m -> {
            sent.add(m);
            return refusals.getOrDefault(m.queueArn(), Delivery.accepted(UUID.randomUUID().toString()));
        });
    }

    void refuse(String queueArn, String code, String message) {
        refusals.put(queueArn, Delivery.refused(code, message));
    }

    List<SendToQueue> sent(String queueArn) {
        return sent.stream().filter(m -> m.queueArn().equals(queueArn)).toList();
    }

    void clear() {
        sent.clear();
        refusals.clear();
    }
}
