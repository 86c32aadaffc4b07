package io.selfheal.emulator.services.lambda.runtime;

import java.util.concurrent.CompletableFuture;

/**
 * One request to run a function: what the Runtime API hands the sandbox on {@code next}, and the future that
 * completes when the invocation is over (response posted and the runtime back at {@code next}, or the sandbox
 * timed out or died). Completes exactly once; the first outcome wins.
 */
public final class Invocation {
    private final String requestId;
    private final byte[] payload;
    private final String clientContext;
    private final CompletableFuture<InvocationResult> result = new CompletableFuture<>();

    /**
     * @param requestId     the AWS request id ({@code context.getAwsRequestId()})
     * @param payload       the event bytes
     * @param clientContext the client context JSON ({@code Lambda-Runtime-Client-Context}), or null
     */
    public Invocation(String requestId, byte[] payload, String clientContext) {
        this.requestId = requestId;
        this.payload = payload;
        this.clientContext = clientContext;
    }

    public String requestId() {
        return requestId;
    }

    public byte[] payload() {
        return payload;
    }

    public String clientContext() {
        return clientContext;
    }

    public CompletableFuture<InvocationResult> result() {
        return result;
    }

    boolean complete(InvocationResult outcome) {
        return result.complete(outcome);
    }
}
