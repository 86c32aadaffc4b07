package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.messages.Delivery;
import java.util.Set;

/**
 * Delivers one input to one kind of target ("Amazon EventBridge targets"). A sender never throws: every failure is
 * an {@link Outcome} with the error the target's service gave, and whether trying again could help.
 */
interface TargetSender {

    /**
     * One delivery attempt.
     *
     * @param bus    the bus whose rule matched
     * @param rule   the matching rule
     * @param target the target
     * @param kind   the target ARN, parsed
     * @param event  the original event (dynamic path parameters read it)
     * @param input  what the target receives after Input/InputPath/InputTransformer
     */
    record Send(EventBus bus, Rule rule, Target target, TargetKinds.Parsed kind, ObjectNode event, String input) {
    }

    /**
     * What an attempt came to.
     *
     * @param delivered whether the target accepted it
     * @param errorCode the target service's error code (e.g. {@code AccessDeniedException}), or null
     * @param message   its message, or null
     * @param retriable whether EventBridge would try again (throttling, a 5xx, a timeout …); permission and
     *                  missing-resource errors are not ("Event retry policy and using dead-letter queues": such
     *                  events go to the dead-letter queue "without any retry attempts")
     */
    record Outcome(boolean delivered, String errorCode, String message, boolean retriable) {
        /** Error codes of failures that may pass: throttling and the target service's own faults. */
        private static final Set<String> TRANSIENT = Set.of("ThrottlingException", "Throttling",
                "TooManyRequestsException", "RequestLimitExceeded", "ThrottledException", "InternalFailure",
                "InternalError", "InternalErrorException", "InternalServerError", "ServiceException",
                "ServiceUnavailable", "ServiceUnavailableException", "KMSThrottlingException", "ConnectionFailure",
                "Timeout");

        static Outcome ok() {
            return new Outcome(true, null, null, false);
        }

        static Outcome failed(String code, String message) {
            return new Outcome(false, code, message, TRANSIENT.contains(code));
        }

        static Outcome failed(String code, String message, boolean retriable) {
            return new Outcome(false, code, message, retriable);
        }

        /** The answer of SQS, SNS or CloudWatch Logs to a delivery asked over the bus. */
        static Outcome of(Delivery delivery, String service) {
            if (delivery == null) {
                return failed("InternalFailure", service + " gave no answer to the delivery.");
            }
            if (delivery.accepted()) {
                return ok();
            }
            return failed(delivery.errorCode() == null ? "InternalFailure" : delivery.errorCode(),
                    delivery.errorMessage());
        }
    }

    Outcome send(Send send);
}
