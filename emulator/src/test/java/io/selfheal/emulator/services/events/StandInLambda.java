package io.selfheal.emulator.services.events;

import io.selfheal.emulator.BusProbe;
import io.selfheal.emulator.messages.InvokeFunction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the Lambda service in EventBridge tests: answers {@link InvokeFunction} on the internal bus in its
 * place ({@link BusProbe#answer}), records every request, and refuses the functions a test tells it to.
 */
final class StandInLambda {
    private final List<InvokeFunction> invocations = new CopyOnWriteArrayList<>();
    private final Map<String, InvokeFunction.Result> refusals = new ConcurrentHashMap<>();
    private final Map<String, RuntimeException> failures = new ConcurrentHashMap<>();
    private volatile BusProbe bus;

    /** Answers on this emulator's bus from now on. */
    void answerOn(BusProbe probe) {
        bus = probe;
        probe.answer(InvokeFunction.class, request -> {
            invocations.add(request);
            RuntimeException failure = failures.get(request.functionArn());
            if (failure != null) {
                throw failure;
            }
            return refusals.getOrDefault(request.functionArn(), InvokeFunction.Result.accepted(UUID.randomUUID().toString()));
        });
    }

    /** The function answers as Lambda would refuse the caller, e.g. AccessDeniedException. */
    void refuse(String functionArn, String errorCode, String errorMessage) {
        refusals.put(functionArn, InvokeFunction.Result.refused(errorCode, errorMessage));
    }

    /** Asking for the function throws, as the bus does when no service handles InvokeFunction. */
    void fail(String functionArn, RuntimeException failure) {
        failures.put(functionArn, failure);
    }

    /** Publishes on the emulator's internal bus, as another service (CloudWatch, EC2) would. */
    void publish(Object message) {
        bus.publish(message);
    }

    List<InvokeFunction> invocations() {
        return List.copyOf(invocations);
    }

    List<String> payloads(String functionArn) {
        return invocations.stream().filter(i -> i.functionArn().equals(functionArn))
                .map(i -> new String(i.payload(), StandardCharsets.UTF_8)).toList();
    }

    void clear() {
        invocations.clear();
        refusals.clear();
        failures.clear();
    }
}
