package io.selfheal.harness.engine;

import io.selfheal.harness.backend.Waits;
import io.selfheal.emulator.control.EventRecord;
import io.selfheal.harness.backend.Cloud;
import io.selfheal.harness.expect.Verdict;
import io.selfheal.harness.expect.ProbeContext;
import io.selfheal.harness.scenario.Scenario;
import io.selfheal.harness.stack.CloudClients;
import io.selfheal.harness.stack.HttpEndpoints;
import io.selfheal.harness.stack.Provisioning;
import io.selfheal.harness.stack.Stack;
import io.selfheal.harness.stack.StackState;
import io.selfheal.harness.steps.FaultContext;
import io.selfheal.harness.steps.Fault;
import io.selfheal.harness.steps.TimedFault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One run of a scenario against a cloud, phase by phase ({@link ScenarioDriver} drives them, for the CLI and the
 * TestEngine alike):
 * {@link #provision()}, {@link #establishSteadyState()}, {@link #injectFaults()}, {@link #verifyOutcome()},
 * {@link #verifyRecovery()}, {@link #verifyIdempotency(Scenario.RedeliveryMode)}. Faults and outcomes see it as
 * their {@link FaultContext} and {@link ProbeContext}. A run owns its cloud's state and
 * shares nothing mutable with other runs: runs on different clouds may go in parallel.
 */
public final class ScenarioRun implements FaultContext, ProbeContext, AutoCloseable {
    private final Scenario scenario;
    private final Cloud cloud;
    private final CloudClients clients;
    private final Provisioning provisioning;
    /** What the run created, to delete at its end; null on a cloud thrown away with the run. */
    private final io.selfheal.harness.runid.CreatedResources created;
    private io.selfheal.harness.runid.CleanupReport cleanup;
    private Instant faultStart;
    private FaultMark faultMark;
    private Duration recovery;
    private Duration recoveryWall;
    private boolean outcomeHeld;
    /** The cloud's dropped counts when the run began (a borrowed cloud may have dropped entries before). */
    private final java.util.Map<String, Long> droppedAtStart;

    public ScenarioRun(Scenario scenario, Cloud cloud) {
        this.scenario = scenario;
        this.cloud = cloud;
        var identity = cloud.runId().map(id -> new io.selfheal.harness.runid.RunIdentity(id, scenario.name()))
                .orElse(null);
        this.created = identity == null ? null : new io.selfheal.harness.runid.CreatedResources();
        // Every call of the run goes through these clients: whatever makes a resource (a kind, a fault) tags it
        // and leaves it in the ledger.
        this.clients = new CloudClients(cloud, identity == null ? List.of()
                : List.of(new io.selfheal.harness.runid.RunTagging(identity), created));
        this.provisioning = new Provisioning(clients, cloud, identity);
        this.droppedAtStart = cloud.droppedEntries();
    }

    /**
     * The histories that dropped entries during this run ("calls: 120"), empty when none did: checks read those
     * histories, so a truncated one makes the run's verdict untrustworthy.
     */
    public java.util.List<String> historiesTruncatedDuringRun() {
        java.util.List<String> truncated = new java.util.ArrayList<>();
        cloud.droppedEntries().forEach((history, dropped) -> {
            long during = dropped - droppedAtStart.getOrDefault(history, 0L);
            if (during > 0) {
                truncated.add(history + ": " + during);
            }
        });
        return truncated;
    }

    public Scenario scenario() {
        return scenario;
    }

    @Override
    public Stack stack() {
        return scenario.stack();
    }

    @Override
    public Cloud cloud() {
        return cloud;
    }

    @Override
    public CloudClients clients() {
        return clients;
    }

    @Override
    public StackState state() {
        return provisioning.state();
    }

    @Override
    public <T> T attachment(Class<T> type) {
        return provisioning.attachment(type);
    }

    /** The run's HTTP endpoints ({@code stack.httpEndpoints}); null before provisioning or when there are none. */
    public HttpEndpoints httpEndpoints() {
        return provisioning.attachment(HttpEndpoints.class);
    }

    /**
     * The measured time to recover (MTTR): from the first fault until every outcome and every steady-state probe
     * held, on the cloud's clock (virtual time on a virtual clock); null until they held.
     */
    public Duration recovery() {
        return recovery;
    }

    /** Wall-clock time from the first fault until {@link #recovery()} was measured; null until then. */
    public Duration recoveryWall() {
        return recoveryWall;
    }

    /** When the first fault was injected (cloud clock), or null before. */
    public Instant faultStart() {
        return faultStart;
    }

    /** Where the call log and the event log stood when the faults began; null before. */
    FaultMark faultMark() {
        return faultMark;
    }

    /**
     * The logs' extent at the first fault. Provisioning and the fault may share an instant of virtual time, so "after
     * the fault" is told by position, not by timestamp.
     */
    record FaultMark(long nanos, int calls, java.util.Set<String> eventIds) {
        static FaultMark now(Cloud cloud) {
            var observed = cloud.observation();
            return new FaultMark(System.nanoTime(), observed.calls().size(), observed.events().stream()
                    .map(EventRecord::eventId).collect(Collectors.toSet()));
        }
    }

    /**
     * How many of the observed events and calls ({@link Cloud#observation()}) came before the first fault: on a virtual clock,
     * provisioning and the fault happen at the same instant, so time alone cannot tell them apart.
     */
    public int eventsBeforeFault() {
        return faultMark == null ? 0 : faultMark.eventIds().size();
    }

    /** See {@link #eventsBeforeFault()}. */
    public int callsBeforeFault() {
        return faultMark == null ? 0 : faultMark.calls();
    }

    /** Whether the faults have been injected (steady-state probes run before). */
    @Override
    public boolean faultStarted() {
        return faultStart != null;
    }

    /** Events that reached a bus since the first fault was injected. */
    @Override
    public List<EventRecord> eventsSinceFault() {
        if (faultStart == null) {
            return List.of();
        }
        // By identity, not time: provisioning and the fault may share an instant of virtual time.
        return cloud.observation().events().stream().filter(e -> !faultMark.eventIds().contains(e.eventId())).toList();
    }

    /** Creates the scenario's stack through the AWS APIs, kind by kind (see {@link Provisioning}). */
    public void provision() {
        // Functions are held to their execution roles as on AWS; the harness's own (root) calls never are.
        cloud.iamMode(io.selfheal.emulator.core.authz.IamMode.ENFORCE);
        provisioning.provision(scenario.stack());
    }

    /**
     * Waits (bounded by {@link Scenario#STEADY_WITHIN}) until every steady-state probe holds; a scenario whose
     * steady state never holds is invalid, not failed: the fault would prove nothing.
     *
     * @throws IllegalStateException naming the probes that did not hold
     */
    public void establishSteadyState() {
        if (scenario.steadyState().isEmpty()) {
            return;
        }
        AtomicReference<List<Verdict>> last = new AtomicReference<>(List.of());
        try {
            Waits.until(cloud, scenario.name() + " steady state", Scenario.STEADY_WITHIN,
                    () -> Verdicts.allHold(this, scenario.steadyState(), last));
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(Denials.headline(this) + "the steady state never held within "
                    + Scenario.STEADY_WITHIN + ":"
                    + Verdicts.describe(scenario.steadyState(), last.get(), ""));
        }
    }

    /**
     * Injects the faults in order, each at its {@code at} after the steady state held (see {@link TimedFault}): the
     * clock is advanced to it — timer by timer on a virtual clock, so the cloud keeps running meanwhile; an
     * Awaitility wait on a real one. The fault start (for recovery) is the first fault's injection.
     */
    public void injectFaults() {
        Instant steady = cloud.now();
        for (Fault fault : scenario.faults()) {
            Instant due = steady.plus(TimedFault.offset(fault));
            if (cloud.now().isBefore(due)) {
                Duration wait = Duration.between(cloud.now(), due);
                // A virtual clock lands exactly on the limit when no timer comes first; a real one needs a margin.
                Waits.until(cloud, fault.describe(), cloud.virtualTime() ? wait : wait.plusSeconds(1),
                        () -> !cloud.now().isBefore(due));
            }
            if (faultStart == null) {
                markFaultStart();
            }
            fault.inject(this);
        }
        if (faultStart == null) {
            markFaultStart();
        }
    }

    private void markFaultStart() {
        // Let what provisioning set off (its CloudTrail events, state changes) land first, so none of it is taken
        // for an effect of the fault.
        cloud.awaitIdle(Scenario.DEFAULT_WITHIN);
        faultStart = cloud.now();
        faultMark = FaultMark.now(cloud);
    }

    /**
     * Waits, bounded by {@code expect.within} (the outcome deadline), until every outcome holds. Without a
     * {@code recovery} bound the steady state must be back by then too (and that moment is the MTTR); with one, the
     * outcomes alone decide — they may hold before the steady state is restored (the reboot happened, the alarm
     * still evaluates) — and {@link #verifyRecovery()} waits for the steady state. When an outcome must hold until
     * the deadline ({@code never}), goes on checking it until {@code within} has passed (see {@link OutcomeWatch});
     * recovery is still measured when the eventual outcomes held.
     */
    public CheckResult verifyOutcome() {
        return new OutcomeCheck(this).outcome();
    }

    /**
     * The MTTR check ({@code recovery: {within: …}}): waits until every outcome and every steady-state probe hold,
     * for no longer than the bound counted from the first fault, and records when they did (unless they already held
     * together when the outcome check passed).
     */
    public CheckResult verifyRecovery() {
        return new OutcomeCheck(this).recovery();
    }

    /** Records the MTTR: every outcome and the steady state held at {@code at} ({@code atNanos} on the wall). */
    void recovered(Instant at, long atNanos) {
        recovery = Duration.between(faultStart, at);
        recoveryWall = Duration.ofNanos(atNanos - faultMark.nanos());
    }

    /** The outcome check passed: idempotency may be checked. */
    void outcomeHeld() {
        outcomeHeld = true;
    }

    /** Every asynchronous event a stack function got since the fault is accounted for; see {@link NothingLostCheck}. */
    public CheckResult verifyNothingLost() {
        return new NothingLostCheck(this).run();
    }

    /** Every idempotency mode of the scenario, in order; see {@link IdempotencyCheck}. */
    public List<CheckResult> verifyIdempotency() {
        return scenario.idempotency().modes().stream().map(this::verifyIdempotency).toList();
    }

    /** Redelivers every trigger as {@code mode} says and proves nothing more changed; see {@link IdempotencyCheck}. */
    public CheckResult verifyIdempotency(Scenario.RedeliveryMode mode) {
        if (!outcomeHeld) {
            return new CheckResult(Check.idempotency(mode).name(), false, "skipped: the outcome did not hold",
                    Duration.ZERO);
        }
        return new IdempotencyCheck(this).run(mode);
    }

    static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /**
     * Deletes every resource the run created, newest first (once; also after a provisioning that broke half-way),
     * reporting what could not be deleted; nothing on a cloud thrown away with the run.
     */
    public io.selfheal.harness.runid.CleanupReport cleanUp() {
        if (created != null && cleanup == null) {
            cleanup = created.deleteAll(clients);
        }
        return cleanup;
    }

    /** What {@link #cleanUp()} did, or null before it ran (or when there is nothing to clean up). */
    public io.selfheal.harness.runid.CleanupReport cleanup() {
        return cleanup;
    }

    @Override
    public void close() {
        cleanUp();
        clients.close();
        provisioning.close();
    }
}
