package io.selfheal.emulator.services.events;

import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.NoHandlerException;
import io.selfheal.emulator.messages.Delivery;
import io.selfheal.emulator.messages.InvokeFunction;
import io.selfheal.emulator.messages.PublishToTopic;
import io.selfheal.emulator.messages.PutLogEvents;
import io.selfheal.emulator.messages.SendToQueue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The targets that are other emulated services, reached over the internal bus: each asks the owning service as
 * {@code events.amazonaws.com} with the rule as source ARN, so the queue policy, topic policy, log group resource
 * policy or function policy decides, as on AWS ("Permissions for EventBridge targets").
 */
final class ServiceTargets {
    private static final Logger LOG = Logger.getLogger(ServiceTargets.class.getName());

    private ServiceTargets() {
    }

    /** Lambda: an asynchronous invocation. */
    static TargetSender lambda(EmulatorContext context) {
        return s -> ask("Lambda", s, () -> {
            InvokeFunction.Result result = context.bus().ask(new InvokeFunction(s.bus().accountId(),
                    s.bus().region(), s.target().arn(), s.input().getBytes(StandardCharsets.UTF_8),
                    EventDispatcher.EVENTS_PRINCIPAL, s.rule().arn(), s.bus().accountId()));
            if (result == null) {
                return TargetSender.Outcome.failed("InternalFailure", "Lambda gave no answer to the invocation.");
            }
            return result.accepted() ? TargetSender.Outcome.ok() : TargetSender.Outcome.failed(
                    result.errorCode() == null ? "InternalFailure" : result.errorCode(), result.errorMessage());
        });
    }

    /**
     * SQS: one message whose body is the input. A FIFO queue gets the target's MessageGroupId and the event id as
     * deduplication id, so a redelivered event (same id) is deduplicated by the queue.
     */
    static TargetSender queue(EmulatorContext context) {
        return s -> ask("SQS", s, () -> {
            boolean fifo = TargetKinds.isFifoQueue(s.target().arn());
            Delivery delivery = context.bus().ask(new SendToQueue(s.target().arn(), s.input(), Map.of(),
                    fifo ? s.target().messageGroupId() : null, fifo ? EventEnvelope.id(s.event()) : null,
                    EventDispatcher.EVENTS_PRINCIPAL, s.rule().arn()));
            return TargetSender.Outcome.of(delivery, "SQS");
        });
    }

    /** SNS: one message, no subject. */
    static TargetSender topic(EmulatorContext context) {
        return s -> ask("SNS", s, () -> TargetSender.Outcome.of(context.bus().ask(new PublishToTopic(
                s.target().arn(), s.input(), null, Map.of(), EventDispatcher.EVENTS_PRINCIPAL, s.rule().arn())), "SNS"));
    }

    /**
     * CloudWatch Logs: one log event whose message is the input, timed at the event's {@code time}, in a stream named
     * after the event id (what AWS writes for a log group target; the user guide does not spell it out). The group
     * must exist, and its resource policy must let {@code events.amazonaws.com} write.
     */
    static TargetSender logGroup(EmulatorContext context) {
        return s -> ask("CloudWatch Logs", s, () -> TargetSender.Outcome.of(context.bus().ask(new PutLogEvents(
                s.kind().account(), s.kind().region(), s.kind().name(), EventEnvelope.id(s.event()),
                List.of(new PutLogEvents.LogEvent(time(s, context), s.input())), false,
                EventDispatcher.EVENTS_PRINCIPAL, s.rule().arn())), "CloudWatch Logs"));
    }

    private static Instant time(TargetSender.Send s, EmulatorContext context) {
        try {
            return Instant.parse(s.event().path("time").asText());
        } catch (DateTimeParseException e) {
            return context.clock().now();
        }
    }

    /** Asks, turning a missing service or a failing handler into a failed outcome. */
    private static TargetSender.Outcome ask(String service, TargetSender.Send s, Supplier<TargetSender.Outcome> call) {
        try {
            return call.get();
        } catch (NoHandlerException noService) {
            return TargetSender.Outcome.failed("ServiceUnavailable", "No " + service
                    + " service is running in this emulator: " + noService.getMessage(), false);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "delivering to " + s.target().arn() + " failed", e);
            return TargetSender.Outcome.failed("InternalFailure", String.valueOf(e));
        }
    }
}
