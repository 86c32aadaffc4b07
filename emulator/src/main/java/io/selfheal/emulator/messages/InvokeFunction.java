package io.selfheal.emulator.messages;

import io.selfheal.emulator.core.BusRequest;

/**
 * A service principal asks Lambda to invoke a function asynchronously (invocation type {@code Event}), as EventBridge
 * does for a rule's Lambda target. Lambda checks the function's resource policy for {@code principal} (and
 * {@code sourceArn} when the policy names one) before accepting, as AWS does.
 * Ask with {@code bus.ask(new InvokeFunction(…))}.
 *
 * @param accountId     the account of the caller
 * @param region        the region of the caller
 * @param functionArn   the target function (name, ARN or qualified ARN)
 * @param payload       the event bytes (UTF-8 JSON or text)
 * @param principal     the calling service principal, e.g. {@code events.amazonaws.com}
 * @param sourceArn     the ARN of the calling resource, e.g. the rule ARN
 * @param sourceAccount the account that owns the source resource
 */
public record InvokeFunction(String accountId, String region, String functionArn, byte[] payload, String principal,
                             String sourceArn, String sourceAccount)
        implements BusRequest<InvokeFunction.Result> {

    /**
     * Lambda's answer: accepted (queued for asynchronous invocation), or refused with the error AWS would report
     * to the caller ({@code ResourceNotFoundException}, {@code AccessDeniedException} …).
     */
    public record Result(boolean accepted, String requestId, String errorCode, String errorMessage) {
        public static Result accepted(String requestId) {
            return new Result(true, requestId, null, null);
        }

        public static Result refused(String errorCode, String errorMessage) {
            return new Result(false, null, errorCode, errorMessage);
        }
    }
}
