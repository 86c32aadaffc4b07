package io.selfheal.emulator.services.sqs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.policy.ResourcePolicies;
import io.selfheal.emulator.messages.Delivery;
import io.selfheal.emulator.messages.SendToQueue;
import java.util.Collections;

/**
 * Deliveries from other services ({@link SendToQueue}): a service principal may send only when the queue policy
 * allows it, which is why an EventBridge rule targeting a queue without one delivers nothing on AWS
 * ("Amazon SQS permissions" in the EventBridge User Guide).
 */
final class QueueDelivery {
    private final SqsQueues queues;
    private final EmulatorClock clock;

    QueueDelivery(SqsQueues queues, EmulatorClock clock) {
        this.queues = queues;
        this.clock = clock;
    }

    Delivery deliver(SendToQueue send) {
        SqsQueue queue = queues.byArn(send.queueArn());
        if (queue == null) {
            AwsException e = SqsErrors.nonExistentQueue();
            return Delivery.refused(e.code(), e.getMessage());
        }
        if (send.principal() != null && !permitted(queue, send)) {
            return Delivery.refused("AccessDeniedException", "Access to the resource " + queue.arn
                    + " is denied: its policy does not allow " + send.principal() + " to sqs:SendMessage.");
        }
        ObjectNode attributes = Json.object();
        if (send.attributes() != null) {
            send.attributes().forEach((k, v) -> attributes.putObject(k).put("DataType", "String").put("StringValue", v));
        }
        try {
            SqsQueue.Sent sent = MessageSender.send(queue, new MessageSender.Request(send.body(), attributes, null,
                    send.messageGroupId(), send.deduplicationId()),
                    send.principal() != null ? send.principal() : queue.accountId, clock.now());
            return Delivery.accepted(sent.messageId());
        } catch (AwsException e) {
            return Delivery.refused(e.code(), e.getMessage());
        }
    }

    private static boolean permitted(SqsQueue queue, SendToQueue send) {
        return ResourcePolicies.forService(Collections.singletonList(queue.attribute("Policy")), send.principal(),
                "sqs:SendMessage", queue.arn, send.sourceArn(), null).allowed();
    }
}
