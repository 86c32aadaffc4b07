package io.selfheal.harness.backend;

import io.selfheal.emulator.core.authz.AuthorizationDecision;
import io.selfheal.emulator.core.authz.IamMode;
import io.selfheal.harness.backend.observe.Observation;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * A cloud a scenario runs against: AWS access (its endpoint, region and credentials, for unmodified SDK clients),
 * where outcomes are read from ({@link #observation()}), and — when a selfheal emulator stands behind it — the
 * {@link EmulatorControls} AWS itself does not offer. Without controls the cloud runs in real time and offers no
 * {@link Capability}; a scenario needing one is skipped with the reason.
 */
public interface Cloud extends AutoCloseable {
    /** For reports: "embedded emulator on http://127.0.0.1:4566". */
    String describe();

    URI endpoint();

    String region();

    software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials();

    /**
     * The run id this cloud's run names and tags its resources with, and deletes them by at its end
     * ({@link io.selfheal.harness.runid.RunIdentity}): a cloud that outlives the run has one; a cloud thrown away with
     * the run (a fresh embedded emulator) has none and needs no cleanup.
     */
    default Optional<String> runId() {
        return Optional.empty();
    }

    /** The emulator's controls, when one stands behind this endpoint and lets the harness reach them. */
    Optional<EmulatorControls> controls();

    /** Where calls, invocations and events are read from: the emulator's logs when it has controls. */
    default Observation observation() {
        return controls().map(EmulatorControls::observation).orElse(Unobserved.INSTANCE);
    }

    /** What this cloud offers beyond the AWS APIs. */
    default Set<Capability> capabilities() {
        return controls().map(EmulatorControls::capabilities).orElse(EnumSet.noneOf(Capability.class));
    }

    /**
     * The controls, for a fault or outcome that declared {@code needed} in its {@code needs()}.
     *
     * @throws MissingCapabilityException when the cloud does not offer it (the declaration is missing)
     */
    default EmulatorControls control(Capability needed) {
        if (!capabilities().contains(needed)) {
            throw new MissingCapabilityException(needed, describe());
        }
        return controls().orElseThrow(() -> new MissingCapabilityException(needed, describe()));
    }

    /** Whether time moves only when the harness advances it. */
    default boolean virtualTime() {
        return controls().map(EmulatorControls::virtualTime).orElse(false);
    }

    /** The cloud's current time (virtual or real). */
    default Instant now() {
        return controls().map(EmulatorControls::now).orElseGet(Instant::now);
    }

    /**
     * Virtual time only: advances, timer by timer, until {@code done} holds or {@code max} has passed.
     *
     * @return whether {@code done} held
     */
    default boolean advanceUntil(BooleanSupplier done, Duration max) {
        return control(Capability.VIRTUAL_CLOCK).advanceUntil(done, max);
    }

    /**
     * Waits until nothing is in flight; false when {@code timeout} passed first. A cloud without controls cannot
     * tell, and answers true at once (its checks poll in real time).
     */
    default boolean awaitIdle(Duration timeout) {
        return controls().map(c -> c.awaitIdle(timeout)).orElse(true);
    }

    /**
     * How many entries each bounded history (call log, events, invocations …) dropped to stay within its bounds, by
     * history; the harness compares a run's end with its start, so a check never reads a truncated history unawares.
     */
    default Map<String, Long> droppedEntries() {
        return controls().map(EmulatorControls::droppedEntries).orElse(Map.of());
    }

    /** Every IAM decision the cloud recorded (for non-root principals), in order; none without controls. */
    default List<AuthorizationDecision> decisions() {
        return controls().map(EmulatorControls::decisions).orElse(List.of());
    }

    /** How the cloud applies IAM to non-root principals from now on; AWS always enforces, so only an emulator. */
    default void iamMode(IamMode mode) {
        controls().ifPresent(c -> c.iamMode(mode));
    }

    @Override
    void close();
}
