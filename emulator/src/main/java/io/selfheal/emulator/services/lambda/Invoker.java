package io.selfheal.emulator.services.lambda;

import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.authz.Authorization;
import io.selfheal.emulator.services.lambda.runtime.Invocation;
import io.selfheal.emulator.services.lambda.runtime.InvocationResult;
import io.selfheal.emulator.services.lambda.runtime.SandboxPool;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * Runs invocations and records them: the one path for Invoke (both types) and for service principals on the bus.
 * Asynchronous invocations count as in-flight work until they end, so "the cloud is idle" means they are done.
 */
final class Invoker {
    private static final Logger LOG = Logger.getLogger(Invoker.class.getName());

    private final EmulatorContext context;
    private final FunctionRuntime runtime;
    private final InvocationHistory history;
    private final LogShipper logs;

    Invoker(EmulatorContext context, FunctionRuntime runtime, InvocationHistory history) {
        this.context = context;
        this.runtime = runtime;
        this.history = history;
        this.logs = new LogShipper(context.bus(), context.component(Authorization.class));
    }

    /**
     * @param type      {@code RequestResponse} or {@code Event}
     * @param invokedBy the caller's ARN, or the service principal
     * @return completes (never exceptionally) once the invocation is over and recorded
     */
    CompletableFuture<InvocationResult> invoke(LambdaFunction function, String requestId, String type,
                                               String invokedBy, byte[] payload, String clientContext) {
        SandboxPool pool = runtime.pool(function);
        if (pool == null) {
            throw LambdaErrors.functionNotFound(function.arn());
        }
        Instant started = context.clock().now();
        InvocationHistory.Entry entry = history.begin(requestId, function, type, invokedBy, started, payload);
        return pool.submit(new Invocation(requestId, payload, clientContext)).thenApply(result -> {
            Instant finished = context.clock().now();
            // Shipped before the invocation counts as finished, so whoever sees it finished finds its log.
            logs.ship(function, result, started, finished);
            entry.finish(result, finished);
            return result;
        });
    }

    /** Queues an {@code Event} invocation and returns at once. */
    void invokeAsync(LambdaFunction function, String requestId, String invokedBy, byte[] payload,
                     String clientContext) {
        context.activity().begin();
        try {
            invoke(function, requestId, "Event", invokedBy, payload, clientContext).whenComplete((result, e) -> {
                try {
                    if (result != null && result.failed()) {
                        // No retries or destinations yet: at least make the failure visible.
                        LOG.info(() -> "asynchronous invocation " + requestId + " of " + function.name()
                                + " failed: " + result.errorType() + ": " + result.errorMessage());
                    }
                } finally {
                    context.activity().end();
                }
            });
        } catch (RuntimeException e) {
            context.activity().end();
            throw e;
        }
    }
}
