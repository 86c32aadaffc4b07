package io.selfheal.emulator.control;

import io.selfheal.emulator.core.ApiCall;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.service.ServiceRegistry;
import java.time.Duration;
import java.util.List;

/** What the harness may ask of a running emulator beyond the AWS APIs. */
public final class ControlApi {
    private final EmulatorContext context;
    private final ServiceRegistry services;

    public ControlApi(EmulatorContext context, ServiceRegistry services) {
        this.context = context;
        this.services = services;
    }

    /** Every API call answered so far, in order. */
    public List<ApiCall> calls() {
        return context.callLog().all();
    }

    /** Calls of one operation, e.g. {@code ("ec2", "RebootInstances")}. */
    public List<ApiCall> calls(String service, String operation) {
        return context.callLog().matching(c -> c.service().equals(service) && c.operation().equals(operation));
    }

    /**
     * What each bounded history (call log, event records, invocations, CloudTrail …) holds now, its limit, and how
     * many entries it dropped to stay within it: a check reading a history whose {@code dropped} is not 0 reads a
     * truncated one.
     */
    public List<io.selfheal.emulator.core.Retention.Usage> retention() {
        return context.retention().usage();
    }

    /**
     * Waits until no asynchronous work (event deliveries, queued invocations) is in flight.
     *
     * @return false when {@code timeout} passed first
     */
    public boolean awaitIdle(Duration timeout) {
        try {
            return context.activity().awaitIdle(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The emulator's clock: real time, or a {@link io.selfheal.emulator.core.VirtualClock} the harness advances. */
    public io.selfheal.emulator.core.EmulatorClock clock() {
        return context.clock();
    }

    /**
     * Advances virtual time by {@code duration} (timers fire in order, each once the cloud is quiet).
     *
     * @throws IllegalStateException when the clock is real
     */
    public void advance(java.time.Duration duration) {
        virtualClock().advance(duration);
    }

    /**
     * Advances virtual time timer by timer until {@code done} holds or {@code max} has passed.
     *
     * @return whether {@code done} held
     */
    public boolean advanceUntil(java.util.function.BooleanSupplier done, java.time.Duration max) {
        return virtualClock().advanceUntil(done, max);
    }

    private io.selfheal.emulator.core.VirtualClock virtualClock() {
        if (context.clock() instanceof io.selfheal.emulator.core.VirtualClock virtual) {
            return virtual;
        }
        throw new IllegalStateException("the emulator runs in real time: start it with a VirtualClock to advance time");
    }

    /** GuardDuty's side door: inject a threat for a real instance ({@link GuardDutyControl}). */
    public GuardDutyControl guardDuty() {
        return context.component(GuardDutyControl.class);
    }

    /** A service's control component, e.g. {@code component(LambdaControl.class)}. */
    public <T> T component(Class<T> type) {
        return context.component(type);
    }

    /** Forgets all resources and the call log. */
    public void reset() {
        services.reset();
        context.callLog().clear();
    }
}
