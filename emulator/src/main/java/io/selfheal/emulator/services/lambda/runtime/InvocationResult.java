package io.selfheal.emulator.services.lambda.runtime;

import java.nio.charset.StandardCharsets;

/**
 * How an invocation ended, as the Invoke API reports it.
 *
 * @param payload      the function's response bytes, or on error the error document
 *                     ({@code {"errorMessage","errorType","stackTrace"}}) as the runtime or the platform wrote it
 * @param errorType    null on success; else the error type ({@code java.lang.IllegalStateException},
 *                     {@code Sandbox.Timedout}, {@code Runtime.ExitError} …)
 * @param errorMessage the error message, or null
 * @param logs         the invocation's log: platform lines ({@code START}, {@code END}, {@code REPORT}) around what
 *                     the process wrote meanwhile
 * @param durationMs   from hand-off to the function until it finished
 * @param logStream    the sandbox's log stream ({@code AWS_LAMBDA_LOG_STREAM_NAME}) where {@code logs} belong, or
 *                     null when no sandbox ran it
 */
public record InvocationResult(byte[] payload, String errorType, String errorMessage, String logs, double durationMs,
                               String logStream) {

    /** An outcome no sandbox's log stream records (the function's environments were shut down first). */
    public InvocationResult(byte[] payload, String errorType, String errorMessage, String logs, double durationMs) {
        this(payload, errorType, errorMessage, logs, durationMs, null);
    }

    public boolean failed() {
        return errorType != null;
    }

    public String payloadText() {
        return payload == null ? null : new String(payload, StandardCharsets.UTF_8);
    }
}
