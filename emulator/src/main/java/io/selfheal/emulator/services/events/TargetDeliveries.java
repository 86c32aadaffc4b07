package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.control.EventRecord.TargetDelivery;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.messages.Delivery;
import io.selfheal.emulator.messages.SendToQueue;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Delivers one matched event to one target ("Event retry policy and using dead-letter queues in Amazon
 * EventBridge"): builds its input, sends it with the sender of its kind, retries a retriable failure (throttling,
 * a 5xx, a timeout …) on the emulator clock as the target's RetryPolicy allows, and sends an event that could not
 * be delivered to the target's dead-letter queue. A permission or missing-resource failure is not retried. Every
 * attempt is one {@link TargetDelivery} in the event's record, added when it happens; nothing is thrown.
 *
 * <p>The first attempt runs on the caller's thread; each retry waits {@link RetryBackoff} on the clock and runs on
 * a worker ({@link Retries}). Retrying stops at whichever limit comes first: MaximumRetryAttempts retries (185 by
 * default), or MaximumEventAgeInSeconds (24 h by default) counted from when the event reached the bus — an event
 * whose next retry would come when it is that old or older is given up at its last attempt. Either way the
 * dead-letter message says which limit in EXHAUSTED_RETRY_CONDITION. A retry uses the target as it was when the
 * event matched.
 */
final class TargetDeliveries {
    /** Where a delivery stands when {@link #deliver} returns. */
    enum Status {
        DELIVERED, FAILED, RETRYING
    }

    private final EmulatorContext context;
    private final Retries retries;
    private final EventsMetrics metrics;
    private final Map<TargetKinds.Kind, TargetSender> senders = new EnumMap<>(TargetKinds.Kind.class);

    TargetDeliveries(EmulatorContext context, Retries retries, EventsMetrics metrics, TargetSender bus,
                     TargetSender apiDestination) {
        this.context = context;
        this.retries = retries;
        this.metrics = metrics;
        senders.put(TargetKinds.Kind.LAMBDA, ServiceTargets.lambda(context));
        senders.put(TargetKinds.Kind.SQS, ServiceTargets.queue(context));
        senders.put(TargetKinds.Kind.SNS, ServiceTargets.topic(context));
        senders.put(TargetKinds.Kind.LOGS, ServiceTargets.logGroup(context));
        senders.put(TargetKinds.Kind.EVENT_BUS, bus);
        senders.put(TargetKinds.Kind.API_DESTINATION, apiDestination);
    }

    /**
     * Makes the first attempt now and adds it to {@code record}'s deliveries.
     *
     * @param settledLater told whether the event was delivered in the end, when a delivery that was
     *                     {@link Status#RETRYING} settles
     */
    Status deliver(EventBus bus, Rule rule, Target target, EventRecord record, InputTransformer.Context ctx,
                   Consumer<Boolean> settledLater) {
        ObjectNode event = record.event();
        String input;
        try {
            input = target.inputFor(event, ctx);
        } catch (RuntimeException e) {
            TargetSender.Outcome failed = TargetSender.Outcome.failed("InputTransformationFailed",
                    String.valueOf(e.getMessage()), false);
            record.deliveries().add(record(rule, target, null, deadLetter(bus, rule, target, event, failed, 0, null)));
            return Status.FAILED;
        }
        TargetKinds.Parsed kind = TargetKinds.parse(target.arn());
        TargetSender sender = kind == null ? null : senders.get(kind.kind());
        if (sender == null) {
            // PutTargets refuses these; kept so a future target kind cannot vanish silently.
            record.deliveries().add(record(rule, target, input, TargetSender.Outcome.failed("UnsupportedTarget",
                    TargetKinds.unsupportedMessage(target.arn()), false)));
            return Status.FAILED;
        }
        TargetSender.Send send = new TargetSender.Send(bus, rule, target, kind, event, input);
        return new Attempts(record, send, sender, settledLater).attempt(0);
    }

    /** The attempts to deliver one event to one target. */
    private final class Attempts {
        private final EventRecord record;
        private final TargetSender.Send send;
        private final TargetSender sender;
        private final Consumer<Boolean> settledLater;
        private final Instant tooOld;

        Attempts(EventRecord record, TargetSender.Send send, TargetSender sender, Consumer<Boolean> settledLater) {
            this.record = record;
            this.send = send;
            this.sender = sender;
            this.settledLater = settledLater;
            this.tooOld = record.received().plus(send.target().maximumEventAge());
        }

        /** One attempt after {@code retried} retries; schedules the next one when this one may be retried. */
        Status attempt(int retried) {
            Rule rule = send.rule();
            Target target = send.target();
            TargetSender.Outcome outcome = sender.send(send);
            if (outcome.delivered()) {
                add(outcome);
                return Status.DELIVERED;
            }
            if (!outcome.retriable()) {
                add(deadLetter(send.bus(), rule, target, send.event(), outcome, retried, null));
                return Status.FAILED;
            }
            if (retried >= target.maximumRetryAttempts()) {
                add(deadLetter(send.bus(), rule, target, send.event(), outcome, retried, "MaximumRetryAttempts"));
                return Status.FAILED;
            }
            Instant next = retries.clock().now().plus(retries.backoff().before(retried + 1));
            if (!next.isBefore(tooOld)) {
                add(deadLetter(send.bus(), rule, target, send.event(), outcome, retried, "MaximumEventAgeInSeconds"));
                return Status.FAILED;
            }
            add(new TargetSender.Outcome(false, outcome.errorCode(), outcome.message() + " (retry " + (retried + 1)
                    + " due at " + next + ")", true));
            retries.schedule(next, () -> {
                metrics.count(send.bus(), rule, "RetryInvocationAttempts", retries.clock().now());
                Status status = attempt(retried + 1);
                if (status != Status.RETRYING) {
                    settledLater.accept(status == Status.DELIVERED);
                }
            });
            return Status.RETRYING;
        }

        private void add(TargetSender.Outcome outcome) {
            record.deliveries().add(record(send.rule(), send.target(), send.input(), outcome));
        }
    }

    private static TargetDelivery record(Rule rule, Target target, String input, TargetSender.Outcome outcome) {
        return new TargetDelivery(rule.arn(), target.id(), target.arn(), input, outcome.errorCode(),
                outcome.message());
    }

    /**
     * Sends the undelivered event to the target's dead-letter queue, with the message attributes AWS documents
     * ("Event retry policy and using dead-letter queues": RULE_ARN, TARGET_ARN, ERROR_CODE, ERROR_MESSAGE,
     * EXHAUSTED_RETRY_CONDITION — the limit that ended the retries, absent for a failure that is not retried —,
     * RETRY_ATTEMPTS). The body is the event as it reached the bus. What happened is
     * added to the failed attempt's message, so the harness sees it beside the failure.
     */
    private TargetSender.Outcome deadLetter(EventBus bus, Rule rule, Target target, ObjectNode event, TargetSender.Outcome failed,
                                            int retries, String exhausted) {
        if (target.deadLetterArn() == null) {
            return failed;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("RULE_ARN", rule.arn());
        attributes.put("TARGET_ARN", target.arn());
        attributes.put("ERROR_CODE", DeadLetterCodes.of(failed.errorCode()));
        attributes.put("ERROR_MESSAGE", failed.errorCode() + ": " + failed.message());
        if (exhausted != null) {
            attributes.put("EXHAUSTED_RETRY_CONDITION", exhausted);
        }
        attributes.put("RETRY_ATTEMPTS", Integer.toString(retries));
        String note;
        boolean sent = false;
        try {
            Delivery dlq = context.bus().ask(new SendToQueue(target.deadLetterArn(), Json.write(event), attributes,
                    null, null, EventDispatcher.EVENTS_PRINCIPAL, rule.arn()));
            sent = dlq != null && dlq.accepted();
            note = sent ? " (sent to dead-letter queue " + target.deadLetterArn() + ")"
                    : " (dead-letter queue " + target.deadLetterArn() + " refused it: "
                    + (dlq == null ? "no answer" : dlq.errorCode() + ": " + dlq.errorMessage()) + ")";
        } catch (RuntimeException e) {
            note = " (dead-letter queue " + target.deadLetterArn() + " unreachable: " + e.getMessage() + ")";
        }
        metrics.count(bus, rule, sent ? "InvocationsSentToDlq" : "InvocationsFailedToBeSentToDlq",
                context.clock().now());
        return new TargetSender.Outcome(false, failed.errorCode(), failed.message() + note, failed.retriable());
    }
}
