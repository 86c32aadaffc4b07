package io.selfheal.harness.backend;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.core.authz.AuthorizationDecision;
import io.selfheal.emulator.core.authz.IamMode;
import io.selfheal.harness.backend.observe.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * What a selfheal emulator offers beyond the AWS APIs — its clock, its logs, faults AWS has no API for — in process
 * ({@link EmbeddedControls}) or over its control API ({@link RemoteControls}). A {@link Cloud} has them or not; faults
 * and outcomes reach one only through {@link Cloud#control(Capability)}, naming the capability they declared.
 */
public interface EmulatorControls {
    /** Which of these controls this emulator offers (a real-time server has no virtual clock …). */
    Set<Capability> capabilities();

    /** The emulator's call log, invocation log and event log. */
    Observation observation();

    /** Whether time moves only when the harness advances it. */
    boolean virtualTime();

    /** The emulator's current time (virtual or real). */
    Instant now();

    /**
     * Virtual time only: advances, timer by timer, until {@code done} holds or {@code max} has passed.
     *
     * @return whether {@code done} held
     */
    boolean advanceUntil(BooleanSupplier done, Duration max);

    /** Waits until nothing is in flight; false when {@code timeout} passed first. */
    boolean awaitIdle(Duration timeout);

    /** Entries each bounded history dropped to stay within its bounds, by history. */
    Map<String, Long> droppedEntries();

    /** Every IAM decision the emulator made (for non-root principals), in order. */
    List<AuthorizationDecision> decisions();

    /** How the emulator applies IAM to non-root principals from now on. */
    void iamMode(IamMode mode);

    /** Emits an event as the AWS service named by its source would, to the default bus. */
    void emitServiceEvent(String source, String detailType, List<String> resources, ObjectNode detail);

    /** Delivers an event once more with the same id, as at-least-once delivery may. */
    EventRecord redeliver(String eventId);

    /** How often EC2 rebooted an instance. */
    int rebootCount(String instanceId);

    /** Injects CPU load into an instance until {@code duration} passes, or until it reboots when null. */
    void setCpuLoad(String instanceId, double percent, Duration duration);

    /** Makes a running instance hang (failed status check, CPU pinned at 100) until it is rebooted. */
    void stopResponding(String instanceId);

    /**
     * Injects a threat GuardDuty would have detected on an instance: {@code times} occurrences, the first now and
     * then one every {@code every} on the emulator's clock. The account and region need an enabled detector.
     *
     * @param severity 1.0–10.0, or null for the type's default
     */
    void injectGuardDutyFinding(String instanceId, String type, Double severity, Duration every, int times);

    /**
     * Makes a function misbehave without changing its code.
     *
     * @param mode        {@code throw}, {@code timeout}, {@code crash} or {@code throttle}
     * @param times       how many invocations it affects; 0 = every one until {@code forDuration} ends
     * @param forDuration how long it lasts on the emulator's clock, or null
     */
    void injectFunctionFault(String functionName, String mode, int times, Duration forDuration);
}
