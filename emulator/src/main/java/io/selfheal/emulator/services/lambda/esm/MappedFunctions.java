package io.selfheal.emulator.services.lambda.esm;

import java.util.concurrent.CompletableFuture;

/**
 * What event source mappings need of the Lambda service: find a function, invoke it synchronously, and ask whether
 * its execution role allows what the poller does with it.
 */
public interface MappedFunctions {

    /**
     * The function a {@code FunctionName} names (name or ARN) in the caller's account and region.
     *
     * @throws io.selfheal.emulator.core.AwsException Lambda's own error when there is none
     */
    Function find(String accountId, String region, String functionName);

    /**
     * Invokes the function as a poller does ({@code RequestResponse}); completes (never exceptionally) when it ended,
     * with a function error or a platform error (the function deleted meanwhile) as a failed outcome.
     */
    CompletableFuture<Outcome> invoke(String functionArn, String invokedBy, byte[] payload);

    /**
     * Whether the function's execution role may perform {@code action} on {@code resourceArn} (its identity policies
     * and the resource's policy); true unless the emulator enforces IAM. The decision is recorded.
     */
    boolean roleMay(String functionArn, String action, String resourceArn);

    /** @param timeout the function's timeout in seconds */
    record Function(String arn, int timeout) {
    }

    /**
     * @param errorType null on success, else the function's or the platform's error type
     * @param payload   the response (or error document) as text
     */
    record Outcome(String errorType, String payload) {
        public boolean failed() {
            return errorType != null;
        }
    }
}
