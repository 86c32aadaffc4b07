package io.selfheal.harness.backend;

import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.control.FunctionInvocation;
import io.selfheal.emulator.core.ApiCall;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** A cloud a scenario runs against: its AWS endpoint, plus what the harness observes beyond the AWS APIs. */
public interface Cloud extends AutoCloseable {
    /** For reports: "embedded emulator on http://127.0.0.1:4566". */
    String describe();

    URI endpoint();

    String region();

    AwsCredentialsProvider credentials();

    /** Every AWS API call the cloud answered, in order. */
    List<ApiCall> calls();

    /**
     * How many entries each bounded history (call log, events, invocations …) dropped to stay within its bounds, by
     * history; the harness compares a run's end with its start, so a check never reads a truncated history unawares.
     */
    default java.util.Map<String, Long> droppedEntries() {
        return java.util.Map.of();
    }

    /** Every IAM decision the cloud made (for non-root principals: function roles, users), in order. */
    default List<io.selfheal.emulator.core.authz.AuthorizationDecision> decisions() {
        return List.of();
    }

    /** How the cloud applies IAM to non-root principals from now on; a cloud without IAM ignores it. */
    default void iamMode(io.selfheal.emulator.core.authz.IamMode mode) {
    }

    /** Every invocation of the named function, in start order. */
    List<FunctionInvocation> invocations(String functionName);

    /** Every event that reached an event bus, with its deliveries. */
    List<EventRecord> events();

    /**
     * Emits an event as the AWS service named by its source would (PutEvents refuses {@code aws.*} sources): to the
     * default bus of the cloud's account and region.
     */
    void emitServiceEvent(String source, String detailType, java.util.List<String> resources,
                          com.fasterxml.jackson.databind.node.ObjectNode detail);

    /** Delivers an event once more with the same id, as at-least-once delivery may. */
    EventRecord redeliver(String eventId);

    /** Waits until nothing is in flight; false when {@code timeout} passed first. */
    boolean awaitIdle(Duration timeout);

    /** How often EC2 rebooted an instance. */
    int rebootCount(String instanceId);

    /** Injects CPU load into an instance until {@code duration} passes, or until it reboots when null. */
    void setCpuLoad(String instanceId, double percent, Duration duration);

    /** Makes a running instance hang (failed status check, CPU pinned at 100) until it is rebooted. */
    void stopResponding(String instanceId);

    /**
     * Injects a threat GuardDuty would have detected on an instance (AWS has no API for it): {@code times}
     * occurrences, the first now and then one every {@code every} on the cloud's clock, which GuardDuty folds into one
     * recurring finding. The account and region need an enabled detector.
     *
     * @param severity 1.0–10.0, or null for the type's default
     * @throws IllegalArgumentException for a type or severity GuardDuty does not know, or an unknown instance
     */
    default void injectGuardDutyFinding(String instanceId, String type, Double severity, Duration every, int times) {
        throw new UnsupportedOperationException(describe() + " cannot inject GuardDuty findings");
    }

    /**
     * Makes a function misbehave without changing its code (Lambda's platform applies it around the real handler).
     *
     * @param mode        {@code throw}, {@code timeout}, {@code crash} or {@code throttle}
     * @param times       how many invocations it affects; 0 = every one until {@code forDuration} ends
     * @param forDuration how long it lasts on the cloud's clock, or null
     */
    void injectFunctionFault(String functionName, String mode, int times, Duration forDuration);

    /** Whether time moves only when the harness advances it. */
    boolean virtualTime();

    /** The cloud's current time (virtual or real). */
    java.time.Instant now();

    /**
     * Virtual time only: advances, timer by timer, until {@code done} holds or {@code max} has passed.
     *
     * @return whether {@code done} held
     */
    boolean advanceUntil(java.util.function.BooleanSupplier done, Duration max);

    /**
     * Where outcomes ({@code apiCalls}, {@code invocations}, {@code events}) read what happened: by default this
     * cloud's own logs; a cloud without them answers an {@link io.selfheal.harness.backend.observe.AwsObservation}.
     */
    default io.selfheal.harness.backend.observe.Observation observation() {
        return new EmulatorLogs(this);
    }

    /** What this cloud offers beyond the AWS APIs; the embedded emulator offers every {@link Capability}. */
    default java.util.Set<Capability> capabilities() {
        return Capability.all();
    }

    @Override
    void close();
}
