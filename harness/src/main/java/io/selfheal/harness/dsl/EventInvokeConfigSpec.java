package io.selfheal.harness.dsl;

import io.selfheal.harness.stack.FunctionAsync;
import java.time.Duration;

/**
 * A function's asynchronous invocation settings ({@code eventInvokeConfig}): {@code c -> c.maximumRetryAttempts(1)
 * .maximumEventAge(Duration.ofMinutes(5)).onFailure(Destination.queue("failures"))}; unset values are AWS's defaults.
 */
public final class EventInvokeConfigSpec extends Spec<EventInvokeConfigSpec> {
    private Integer maximumRetryAttempts;
    private Duration maximumEventAge;
    private Destination onSuccess;
    private Destination onFailure;

    EventInvokeConfigSpec() {
    }

    /** 0, 1 or 2 (AWS's default). */
    public EventInvokeConfigSpec maximumRetryAttempts(int attempts) {
        return with(s -> s.maximumRetryAttempts = attempts);
    }

    /** One minute to six hours (AWS's default). */
    public EventInvokeConfigSpec maximumEventAge(Duration age) {
        return with(s -> s.maximumEventAge = age);
    }

    public EventInvokeConfigSpec onSuccess(Destination destination) {
        return with(s -> s.onSuccess = destination);
    }

    public EventInvokeConfigSpec onFailure(Destination destination) {
        return with(s -> s.onFailure = destination);
    }

    /** The settings into {@code async}, which holds the function's other failure-handling keys already. */
    FunctionAsync build(FunctionAsync async, Checks checks) {
        Checks destinations = checks.at("destinations");
        return new FunctionAsync(async.deadLetter(), FunctionAsync.retries(maximumRetryAttempts, checks),
                FunctionAsync.maximumEventAge(maximumEventAge, checks),
                onSuccess == null ? null : onSuccess.build(destinations.at("onSuccess"), true),
                onFailure == null ? null : onFailure.build(destinations.at("onFailure"), true),
                async.reservedConcurrency(), async.eventSources());
    }
}
