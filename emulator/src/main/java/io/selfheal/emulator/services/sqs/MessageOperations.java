package io.selfheal.emulator.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Sending, deleting and changing the visibility of messages; receiving is {@link Receiver}'s. */
final class MessageOperations {
    /** SendMessageBatch: the sum of all messages' sizes, as for one message of the largest allowed size. */
    private static final int BATCH_LIMIT = 1048576;

    private final SqsQueues queues;
    private final EmulatorClock clock;

    MessageOperations(SqsQueues queues, EmulatorClock clock) {
        this.queues = queues;
        this.clock = clock;
    }

    JsonNode sendMessage(RequestContext ctx, ObjectNode input) {
        SqsQueue queue = queues.byUrl(ctx, input.path("QueueUrl").asText(null));
        return sent(MessageSender.send(queue, MessageSender.Request.of(input), ctx.caller().userId(), clock.now()));
    }

    private static ObjectNode sent(SqsQueue.Sent sent) {
        ObjectNode out = Json.object().put("MessageId", sent.messageId()).put("MD5OfMessageBody", sent.md5OfBody());
        if (sent.md5OfAttributes() != null) {
            out.put("MD5OfMessageAttributes", sent.md5OfAttributes());
        }
        if (sent.sequenceNumber() != null) {
            out.put("SequenceNumber", sent.sequenceNumber());
        }
        return out;
    }

    JsonNode sendMessageBatch(RequestContext ctx, ObjectNode input) {
        SqsQueue queue = queues.byUrl(ctx, input.path("QueueUrl").asText(null));
        List<ObjectNode> entries = Batches.entries(input, "SendMessageBatchRequestEntry");
        int total = 0;
        for (ObjectNode entry : entries) {
            total += entry.path("MessageBody").asText("").getBytes(StandardCharsets.UTF_8).length;
        }
        if (total > BATCH_LIMIT) {
            throw SqsErrors.batchTooLong(total, BATCH_LIMIT);
        }
        Instant now = clock.now();
        return Batches.run(entries, entry ->
                sent(MessageSender.send(queue, MessageSender.Request.of(entry), ctx.caller().userId(), now)));
    }

    JsonNode deleteMessage(RequestContext ctx, ObjectNode input) {
        SqsQueue queue = queues.byUrl(ctx, input.path("QueueUrl").asText(null));
        queue.delete(new Params(input, SqsErrors.PARAMS).required("ReceiptHandle"));
        return null;
    }

    JsonNode deleteMessageBatch(RequestContext ctx, ObjectNode input) {
        SqsQueue queue = queues.byUrl(ctx, input.path("QueueUrl").asText(null));
        return Batches.run(Batches.entries(input, "DeleteMessageBatchRequestEntry"), entry -> {
            queue.delete(new Params(entry, SqsErrors.PARAMS).required("ReceiptHandle"));
            return null;
        });
    }

    JsonNode changeMessageVisibility(RequestContext ctx, ObjectNode input) {
        SqsQueue queue = queues.byUrl(ctx, input.path("QueueUrl").asText(null));
        changeVisibility(queue, input);
        return null;
    }

    JsonNode changeMessageVisibilityBatch(RequestContext ctx, ObjectNode input) {
        SqsQueue queue = queues.byUrl(ctx, input.path("QueueUrl").asText(null));
        return Batches.run(Batches.entries(input, "ChangeMessageVisibilityBatchRequestEntry"), entry -> {
            changeVisibility(queue, entry);
            return null;
        });
    }

    private void changeVisibility(SqsQueue queue, ObjectNode input) {
        Params p = new Params(input, SqsErrors.PARAMS);
        String handle = p.required("ReceiptHandle");
        Integer seconds = p.integer("VisibilityTimeout");
        if (seconds == null) {
            throw SqsErrors.missingParameter("VisibilityTimeout");
        }
        if (seconds < 0 || seconds > 43200) {
            throw SqsErrors.invalidParameter("VisibilityTimeout", seconds.toString(),
                    "Must be between 0 and 43200, if provided.");
        }
        SqsQueue.messageIdOf(handle);
        queue.changeVisibility(handle, seconds, clock.now());
    }
}
