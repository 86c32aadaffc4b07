package io.selfheal.emulator.services.sqs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.messages.DeleteFromQueue;
import io.selfheal.emulator.messages.DescribeQueue;
import io.selfheal.emulator.messages.ReceiveFromQueue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SQS's side of pollers in other services (Lambda's event source mappings): describe, receive and delete over the
 * bus, with the same visibility, receive counting and redrive as ReceiveMessage ("Using dead-letter queues in
 * Amazon SQS"). The poller's own permissions are its business: these requests act as the queue's owner.
 */
final class QueuePolling {
    private final SqsQueues queues;
    private final Receiver receiver;
    private final EmulatorClock clock;

    QueuePolling(SqsQueues queues, Receiver receiver, EmulatorClock clock) {
        this.queues = queues;
        this.receiver = receiver;
        this.clock = clock;
    }

    DescribeQueue.Result describe(DescribeQueue request) {
        SqsQueue queue = queues.byArn(request.queueArn());
        return queue == null ? DescribeQueue.Result.notFound()
                : new DescribeQueue.Result(true, queue.fifo, queue.visibilityTimeout());
    }

    ReceiveFromQueue.Result receive(ReceiveFromQueue request) {
        SqsQueue queue = queues.byArn(request.queueArn());
        if (queue == null) {
            return ReceiveFromQueue.Result.notFound();
        }
        Receiver.DeadLetterTarget deadLetters = receiver.deadLetterTarget(queue);
        while (true) {
            SqsQueue.Received received;
            Instant nextVisibleAt;
            synchronized (queue) {
                Instant now = clock.now();
                if (queue.counts(now)[0] < Math.max(1, request.minMessages())) {
                    return new ReceiveFromQueue.Result(true, List.of(), queue.nextVisibleAt(now));
                }
                received = queue.receive(request.maxMessages(), queue.visibilityTimeout(),
                        deadLetters.maxReceiveCount(), now);
                nextVisibleAt = queue.nextVisibleAt(now);
            }
            receiver.moveToDeadLetterQueue(received, queue, deadLetters);
            if (!received.delivered().isEmpty() || received.deadLettered().isEmpty()) {
                return new ReceiveFromQueue.Result(true,
                        received.delivered().stream().map(QueuePolling::message).toList(), nextVisibleAt);
            }
            // Only redriven messages this time: others may be visible behind them.
        }
    }

    Boolean delete(DeleteFromQueue request) {
        SqsQueue queue = queues.byArn(request.queueArn());
        if (queue == null) {
            return false;
        }
        request.receiptHandles().forEach(queue::delete);
        return true;
    }

    private static ReceiveFromQueue.Message message(SqsMessage m) {
        ObjectNode system = Receiver.systemAttributes(m, Set.of("All"));
        Map<String, String> attributes = new LinkedHashMap<>();
        system.fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
        return new ReceiveFromQueue.Message(m.messageId, m.receiptHandle, m.body, m.md5OfBody, attributes,
                m.attributes.deepCopy(), m.attributes.isEmpty() ? null : Md5s.ofAttributes(m.attributes));
    }
}
