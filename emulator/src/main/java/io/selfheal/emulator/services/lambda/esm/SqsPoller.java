package io.selfheal.emulator.services.lambda.esm;

import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.messages.DeleteFromQueue;
import io.selfheal.emulator.messages.ReceiveFromQueue;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Polls one mapping's queue and invokes its function, one batch at a time. It polls when told messages arrived
 * ({@code QueueMessagesArrived}), when a batch ends, and at the instant SQS says the next hidden message becomes
 * visible (a clock timer), so nothing polls on a fixed beat and a virtual clock jumps straight to the next
 * redelivery. A failed batch is left to its visibility timeout; after {@code maxReceiveCount} receives the queue's
 * redrive policy moves it to the dead-letter queue, as on AWS
 * (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html).
 * With {@code MaximumBatchingWindowInSeconds} the poller waits until a full batch is visible or the window ends.
 * A batch in progress counts as in-flight work; waiting for a timer does not.
 */
final class SqsPoller {
    /** What Lambda does with the queue as the function's execution role. */
    static final java.util.List<String> ROLE_ACTIONS = List.of("ReceiveMessage", "DeleteMessage",
            "GetQueueAttributes");
    private final EventSourceMapping mapping;
    private final EmulatorContext context;
    private final MappedFunctions functions;
    private boolean busy;
    private boolean again;
    private boolean stopped;
    private EmulatorClock.Timer timer;
    private Instant timerAt;
    private Instant windowEnds;

    SqsPoller(EventSourceMapping mapping, EmulatorContext context, MappedFunctions functions) {
        this.mapping = mapping;
        this.context = context;
        this.functions = functions;
    }

    /** Polls now, or right after the batch in progress. */
    synchronized void wake() {
        if (stopped) {
            return;
        }
        if (busy) {
            again = true;
            return;
        }
        busy = true;
        context.activity().begin();
        try {
            context.workers().execute(this::poll);
        } catch (RuntimeException e) {
            busy = false;
            context.activity().end();
            throw e;
        }
    }

    synchronized void stop() {
        stopped = true;
        if (timer != null) {
            timer.cancel();
        }
    }

    private void poll() {
        try {
            EventSourceMapping.Settings settings = mapping.settings();
            if (!settings.enabled()) {
                finish(false);
                return;
            }
            if (!functions.roleMay(settings.functionArn(), "sqs:ReceiveMessage", mapping.eventSourceArn)) {
                // The role lost the permission after CreateEventSourceMapping: nothing is received until an
                // arrival (or an update) wakes the poller again.
                mapping.processed("PROBLEM: " + missingPermission("ReceiveMessage"));
                finish(false);
                return;
            }
            ReceiveFromQueue.Result received = context.bus().ask(new ReceiveFromQueue(mapping.eventSourceArn,
                    settings.batchSize(), minimumBatch(settings)));
            if (!received.found()) {
                mapping.processed("PROBLEM: Error occurred while ReceiveMessage. SQSError Code : "
                        + "AWS.SimpleQueueService.NonExistentQueue");
                finish(false);
                return;
            }
            wakeAt(received.nextVisibleAt());
            List<ReceiveFromQueue.Message> batch = received.messages();
            if (batch.isEmpty()) {
                finish(false);
                return;
            }
            synchronized (this) {
                windowEnds = null;
            }
            functions.invoke(settings.functionArn(), mapping.arn(), SqsEvent.of(batch, mapping.eventSourceArn))
                    .whenComplete((outcome, e) -> {
                        try {
                            if (outcome != null) {
                                settle(batch, outcome, settings);
                            }
                        } finally {
                            finish(true);
                        }
                    });
        } catch (RuntimeException e) {
            // No SQS in this emulator, or the bus refused: nothing to poll now; an arrival wakes it again.
            finish(false);
        }
    }

    /** With a batching window open, take messages only once a full batch is visible. */
    private synchronized int minimumBatch(EventSourceMapping.Settings settings) {
        if (settings.batchingWindow() == 0) {
            return 1;
        }
        Instant now = context.clock().now();
        if (windowEnds == null) {
            windowEnds = now.plusSeconds(settings.batchingWindow());
            wakeAt(windowEnds);
        }
        if (now.isBefore(windowEnds)) {
            return settings.batchSize();
        }
        windowEnds = null;
        return 1;
    }

    private void settle(List<ReceiveFromQueue.Message> batch, MappedFunctions.Outcome outcome,
                        EventSourceMapping.Settings settings) {
        if (outcome.failed()) {
            mapping.processed("PROBLEM: Function call failed");
            return;
        }
        Set<String> failed = Set.of();
        if (settings.reportsBatchItemFailures()) {
            failed = BatchItemFailures.of(outcome.payload(),
                    batch.stream().map(ReceiveFromQueue.Message::messageId).collect(Collectors.toSet()));
            if (failed == null) {
                mapping.processed("PROBLEM: Function call failed");
                return;
            }
        }
        Set<String> keep = failed;
        List<String> done = batch.stream().filter(m -> !keep.contains(m.messageId()))
                .map(ReceiveFromQueue.Message::receiptHandle).toList();
        if (!done.isEmpty()) {
            if (!functions.roleMay(settings.functionArn(), "sqs:DeleteMessage", mapping.eventSourceArn)) {
                // Processed but not deleted: the messages come back after their visibility timeout.
                mapping.processed("PROBLEM: " + missingPermission("DeleteMessage"));
                return;
            }
            context.bus().ask(new DeleteFromQueue(mapping.eventSourceArn, done));
        }
        mapping.processed("OK");
    }

    /** Lambda's words when the execution role lacks one of {@link #ROLE_ACTIONS}. */
    static String missingPermission(String action) {
        return "The function execution role does not have permissions to call " + action + " on SQS";
    }

    private synchronized void finish(boolean pollAgain) {
        busy = false;
        if (pollAgain || again) {
            again = false;
            wake();
        }
        context.activity().end();
    }

    /** Schedules a poll at {@code at} unless one is due sooner. */
    private synchronized void wakeAt(Instant at) {
        if (at == null || stopped || (timerAt != null && !timerAt.isAfter(at))) {
            return;
        }
        if (timer != null) {
            timer.cancel();
        }
        timerAt = at;
        timer = context.clock().schedule(at, () -> {
            synchronized (this) {
                timer = null;
                timerAt = null;
            }
            wake();
        });
    }
}
