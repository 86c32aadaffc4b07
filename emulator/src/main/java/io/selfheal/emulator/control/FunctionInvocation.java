package io.selfheal.emulator.control;

import java.time.Instant;

/**
 * One invocation of a Lambda function, as the harness sees it.
 *
 * @param requestId      the invocation's request id (the function's {@code context.getAwsRequestId()})
 * @param functionName   the function's name
 * @param functionArn    the function's ARN
 * @param invocationType {@code RequestResponse} or {@code Event}
 * @param invokedBy      the caller: a principal ARN, or a service principal such as {@code events.amazonaws.com}
 * @param started        when the invocation was handed to the function (emulator clock)
 * @param finished       when it ended, or null while running
 * @param payload        the event as text
 * @param response       the function's response as text, or null
 * @param errorType      null on success; the function's error type ({@code java.lang.IllegalStateException}),
 *                       {@code Sandbox.Timedout} or {@code Runtime.ExitError} otherwise
 * @param errorMessage   the error message, or null
 * @param logs           what the function process wrote while handling this invocation
 */
public record FunctionInvocation(String requestId, String functionName, String functionArn, String invocationType,
                                 String invokedBy, Instant started, Instant finished, String payload, String response,
                                 String errorType, String errorMessage, String logs) {

    public boolean finishedOk() {
        return finished != null && errorType == null;
    }

    public boolean failed() {
        return finished != null && errorType != null;
    }
}
