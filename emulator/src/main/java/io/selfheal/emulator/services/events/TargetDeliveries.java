package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.control.EventRecord.TargetDelivery;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.messages.Delivery;
import io.selfheal.emulator.messages.SendToQueue;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivers one matched event to one target: builds its input, sends it with the sender of its kind, retries a
 * retriable failure as the target's RetryPolicy allows, and sends an event that could not be delivered to the
 * target's dead-letter queue. Every attempt is one {@link TargetDelivery}; nothing is thrown.
 *
 * <p>Retries are immediate: MaximumRetryAttempts more attempts after the first, without AWS's backoff over the clock,
 * and MaximumEventAgeInSeconds is kept but not applied.
 */
final class TargetDeliveries {
    private final EmulatorContext context;
    private final Map<TargetKinds.Kind, TargetSender> senders = new EnumMap<>(TargetKinds.Kind.class);

    TargetDeliveries(EmulatorContext context, TargetSender bus, TargetSender apiDestination) {
        this.context = context;
        senders.put(TargetKinds.Kind.LAMBDA, ServiceTargets.lambda(context));
        senders.put(TargetKinds.Kind.SQS, ServiceTargets.queue(context));
        senders.put(TargetKinds.Kind.SNS, ServiceTargets.topic(context));
        senders.put(TargetKinds.Kind.LOGS, ServiceTargets.logGroup(context));
        senders.put(TargetKinds.Kind.EVENT_BUS, bus);
        senders.put(TargetKinds.Kind.API_DESTINATION, apiDestination);
    }

    /** @return every attempt, in order; the last one tells whether the event was delivered */
    List<TargetDelivery> deliver(EventBus bus, Rule rule, Target target, ObjectNode event,
                                 InputTransformer.Context ctx) {
        List<TargetDelivery> attempts = new ArrayList<>();
        String input;
        try {
            input = target.inputFor(event, ctx);
        } catch (RuntimeException e) {
            TargetSender.Outcome failed = TargetSender.Outcome.failed("InputTransformationFailed",
                    String.valueOf(e.getMessage()), false);
            attempts.add(record(rule, target, null, deadLetter(rule, target, event, failed, 0)));
            return attempts;
        }
        TargetKinds.Parsed kind = TargetKinds.parse(target.arn());
        TargetSender sender = kind == null ? null : senders.get(kind.kind());
        if (sender == null) {
            // PutTargets refuses these; kept so a future target kind cannot vanish silently.
            attempts.add(record(rule, target, input, TargetSender.Outcome.failed("UnsupportedTarget",
                    TargetKinds.unsupportedMessage(target.arn()), false)));
            return attempts;
        }
        TargetSender.Send send = new TargetSender.Send(bus, rule, target, kind, event, input);
        int retries = 0;
        TargetSender.Outcome outcome = sender.send(send);
        while (!outcome.delivered() && outcome.retriable() && retries < target.retryAttempts()) {
            attempts.add(record(rule, target, input, outcome));
            retries++;
            outcome = sender.send(send);
        }
        if (!outcome.delivered()) {
            outcome = deadLetter(rule, target, event, outcome, retries);
        }
        attempts.add(record(rule, target, input, outcome));
        return attempts;
    }

    private static TargetDelivery record(Rule rule, Target target, String input, TargetSender.Outcome outcome) {
        return new TargetDelivery(rule.arn(), target.id(), target.arn(), input, outcome.errorCode(),
                outcome.message());
    }

    /**
     * Sends the undelivered event to the target's dead-letter queue, with the message attributes AWS documents
     * ("Event retry policy and using dead-letter queues": RULE_ARN, TARGET_ARN, ERROR_CODE, ERROR_MESSAGE,
     * EXHAUSTED_RETRY_CONDITION, RETRY_ATTEMPTS). The body is the event as it reached the bus. What happened is
     * added to the failed attempt's message, so the harness sees it beside the failure.
     */
    private TargetSender.Outcome deadLetter(Rule rule, Target target, ObjectNode event, TargetSender.Outcome failed,
                                            int retries) {
        if (target.deadLetterArn() == null) {
            return failed;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("RULE_ARN", rule.arn());
        attributes.put("TARGET_ARN", target.arn());
        attributes.put("ERROR_CODE", DeadLetterCodes.of(failed.errorCode()));
        attributes.put("ERROR_MESSAGE", failed.errorCode() + ": " + failed.message());
        if (failed.retriable()) {
            attributes.put("EXHAUSTED_RETRY_CONDITION", "MaximumRetryAttempts");
        }
        attributes.put("RETRY_ATTEMPTS", Integer.toString(retries));
        String note;
        try {
            Delivery dlq = context.bus().ask(new SendToQueue(target.deadLetterArn(), Json.write(event), attributes,
                    null, null, EventDispatcher.EVENTS_PRINCIPAL, rule.arn()), Delivery.class);
            note = dlq != null && dlq.accepted() ? " (sent to dead-letter queue " + target.deadLetterArn() + ")"
                    : " (dead-letter queue " + target.deadLetterArn() + " refused it: "
                    + (dlq == null ? "no answer" : dlq.errorCode() + ": " + dlq.errorMessage()) + ")";
        } catch (RuntimeException e) {
            note = " (dead-letter queue " + target.deadLetterArn() + " unreachable: " + e.getMessage() + ")";
        }
        return new TargetSender.Outcome(false, failed.errorCode(), failed.message() + note, failed.retriable());
    }
}
