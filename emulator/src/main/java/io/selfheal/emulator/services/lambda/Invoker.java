package io.selfheal.emulator.services.lambda;

import io.selfheal.emulator.control.FunctionFaults;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.services.lambda.runtime.InjectedOutcomes;
import io.selfheal.emulator.core.authz.Authorization;
import io.selfheal.emulator.services.lambda.runtime.Invocation;
import io.selfheal.emulator.services.lambda.runtime.InvocationResult;
import io.selfheal.emulator.services.lambda.runtime.SandboxPool;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one invocation attempt and records it: the one path for Invoke (both types), the asynchronous queue's
 * attempts and service principals on the bus. Concurrency is taken here (a throttle is a
 * {@code TooManyRequestsException}), an injected fault is applied around the handler here, and every attempt's
 * {@code AWS/Lambda} metrics are published here.
 */
final class Invoker {
    private static final DateTimeFormatter STREAM_DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd")
            .withZone(ZoneOffset.UTC);

    private final EmulatorContext context;
    private final FunctionRuntime runtime;
    private final InvocationHistory history;
    private final LogShipper logs;
    private final ConcurrencyLimits limits;
    private final InjectedFaults faults;
    private final LambdaMetrics metrics;

    Invoker(EmulatorContext context, FunctionRuntime runtime, InvocationHistory history, ConcurrencyLimits limits,
            InjectedFaults faults, LambdaMetrics metrics) {
        this.context = context;
        this.runtime = runtime;
        this.history = history;
        this.logs = new LogShipper(context.bus(), context.component(Authorization.class));
        this.limits = limits;
        this.faults = faults;
        this.metrics = metrics;
    }

    /**
     * @param type      {@code RequestResponse} or {@code Event}
     * @param invokedBy the caller's ARN, or the service principal
     * @return completes (never exceptionally) once the invocation is over and recorded
     * @throws io.selfheal.emulator.core.AwsException {@code TooManyRequestsException} when no concurrency is free
     *                                                (or a {@code throttle} fault says so); {@code ResourceNotFound}
     *                                                when the function was deleted meanwhile
     */
    CompletableFuture<InvocationResult> invoke(LambdaFunction function, String requestId, String type,
                                               String invokedBy, byte[] payload, String clientContext) {
        SandboxPool pool = runtime.pool(function);
        if (pool == null) {
            throw LambdaErrors.functionNotFound(function.arn());
        }
        FunctionFaults.Mode fault = faults.take(function);
        if (fault == FunctionFaults.Mode.THROTTLE) {
            metrics.throttled(function);
            throw ConcurrencyLimits.throttled(function.reservedConcurrency() != null
                    ? "ReservedFunctionConcurrentInvocationLimitExceeded" : "ConcurrentInvocationLimitExceeded");
        }
        int running;
        try {
            running = limits.acquire(function);
        } catch (RuntimeException throttled) {
            metrics.throttled(function);
            throw throttled;
        }
        metrics.concurrency(function, running);
        Instant started = context.clock().now();
        InvocationHistory.Entry entry = history.begin(requestId, function, type, invokedBy, started, payload);
        CompletableFuture<InvocationResult> outcome = fault == null
                ? pool.submit(new Invocation(requestId, payload, clientContext))
                : CompletableFuture.completedFuture(injected(fault, pool, requestId, started));
        return outcome.thenApply(result -> {
            limits.release(function);
            Instant finished = context.clock().now();
            // Shipped before the invocation counts as finished, so whoever sees it finished finds its log.
            logs.ship(function, result, started, finished);
            metrics.invoked(function, result.failed(), result.durationMs());
            entry.finish(result, finished);
            return result;
        });
    }

    /** What an injected fault makes of the invocation; a timeout or crash also replaces a sandbox, as on AWS. */
    private InvocationResult injected(FunctionFaults.Mode fault, SandboxPool pool, String requestId, Instant at) {
        String stream = STREAM_DAY.format(at) + "/[$LATEST]" + context.ids().hex("stream", 32).substring("stream-".length());
        return switch (fault) {
            case TIMEOUT -> {
                pool.retireIdleSandbox();
                yield InjectedOutcomes.timedOut(pool.spec(), requestId, stream);
            }
            case CRASH -> {
                pool.retireIdleSandbox();
                yield InjectedOutcomes.crashed(pool.spec(), requestId, stream);
            }
            default -> InjectedOutcomes.thrown(pool.spec(), requestId, stream);
        };
    }
}
