package io.selfheal.harness.engine;

import io.selfheal.harness.backend.Cloud;
import io.selfheal.harness.expect.Expectation;
import io.selfheal.harness.expect.Verdict;
import io.selfheal.harness.scenario.Scenario;
import io.selfheal.harness.steps.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One run of a scenario against a cloud, phase by phase, so a test engine can report each check as its own test:
 * {@link #provision()}, {@link #injectFaults()}, {@link #verifyOutcome()}, {@link #verifyIdempotency()}.
 */
public final class ScenarioRun implements AutoCloseable {
    private final Scenario scenario;
    private final Cloud cloud;
    private final CloudClients clients;
    private final StackState state = new StackState();
    private Instant faultStart;
    private int eventsBeforeFault;
    private int callsBeforeFault;
    private Duration recovery;
    private boolean outcomeHeld;

    public ScenarioRun(Scenario scenario, Cloud cloud) {
        this.scenario = scenario;
        this.cloud = cloud;
        this.clients = new CloudClients(cloud);
    }

    public Scenario scenario() {
        return scenario;
    }

    public Cloud cloud() {
        return cloud;
    }

    public CloudClients clients() {
        return clients;
    }

    public StackState state() {
        return state;
    }

    /** From the first fault to all outcomes holding; null until they held. */
    public Duration recovery() {
        return recovery;
    }

    /** When the first fault was injected (cloud clock), or null before. */
    public Instant faultStart() {
        return faultStart;
    }

    /**
     * How many of {@link Cloud#events()} and {@link Cloud#calls()} came before the first fault: on a virtual clock,
     * provisioning and the fault happen at the same instant, so time alone cannot tell them apart.
     */
    public int eventsBeforeFault() {
        return eventsBeforeFault;
    }

    /** See {@link #eventsBeforeFault()}. */
    public int callsBeforeFault() {
        return callsBeforeFault;
    }

    /** Whether the faults have been injected (steady-state probes run before). */
    public boolean faultStarted() {
        return faultStart != null;
    }

    /** Events that reached a bus since the first fault was injected. */
    public java.util.List<io.selfheal.emulator.control.EventRecord> eventsSinceFault() {
        if (faultStart == null) {
            return List.of();
        }
        return cloud.events().stream().filter(e -> !e.received().isBefore(faultStart)).toList();
    }

    public void provision() {
        String account = clients.sts().getCallerIdentity().account();
        new Provisioner(clients, cloud, state, account, cloud.region()).provision(scenario.stack());
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
                    () -> allHold(scenario.steadyState(), last));
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("the steady state never held within " + Scenario.STEADY_WITHIN + ":"
                    + describe(scenario.steadyState(), last.get(), ""));
        }
    }

    public void injectFaults() {
        faultStart = cloud.now();
        eventsBeforeFault = cloud.events().size();
        callsBeforeFault = cloud.calls().size();
        for (Fault fault : scenario.faults()) {
            fault.inject(this);
        }
    }

    /** Waits (bounded by the scenario's {@code within}) until every outcome, and the steady state again, holds. */
    public CheckResult verifyOutcome() {
        long started = System.nanoTime();
        List<Expectation> checks = new ArrayList<>(scenario.outcomes());
        checks.addAll(scenario.steadyState());
        AtomicReference<List<Verdict>> last = new AtomicReference<>(List.of());
        try {
            if (!cloud.virtualTime()) {
                cloud.awaitIdle(scenario.within());
            }
            Waits.until(cloud, scenario.name() + " outcomes", scenario.within(), () -> allHold(checks, last));
            recovery = Duration.between(faultStart, cloud.now());
            outcomeHeld = true;
            return new CheckResult("outcome", true, null, since(started));
        } catch (ConditionTimeoutException e) {
            String message = "outcomes did not hold within " + scenario.within()
                    + (cloud.virtualTime() ? " of virtual time" : "") + ":"
                    + describe(scenario.outcomes(), last.get(), "")
                    + describe(scenario.steadyState(), tail(last.get(), scenario.outcomes().size()), "steady state: ")
                    + WhatHappened.since(faultStart, cloud, scenario, state);
            return new CheckResult("outcome", false, message, since(started));
        }
    }

    private boolean allHold(List<Expectation> checks, AtomicReference<List<Verdict>> last) {
        List<Verdict> verdicts = new ArrayList<>();
        for (Expectation e : checks) {
            verdicts.add(e.check(this));
        }
        last.set(verdicts);
        return verdicts.stream().allMatch(Verdict::holds);
    }

    private static List<Verdict> tail(List<Verdict> verdicts, int from) {
        return verdicts.size() <= from ? List.of() : verdicts.subList(from, verdicts.size());
    }

    private static String describe(List<Expectation> expectations, List<Verdict> verdicts, String prefix) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < expectations.size(); i++) {
            Verdict v = i < verdicts.size() ? verdicts.get(i) : null;
            out.append("\n  ").append(v != null && v.holds() ? "✓ " : "✗ ").append(prefix)
                    .append(expectations.get(i).describe()).append(v == null ? "" : " — observed: " + v.observed());
        }
        return out.toString();
    }

    /** Redelivers every trigger and proves nothing more changed; see {@link IdempotencyCheck}. */
    public CheckResult verifyIdempotency() {
        if (!outcomeHeld) {
            return new CheckResult("idempotency", false, "skipped: the outcome did not hold", Duration.ZERO);
        }
        return new IdempotencyCheck(this).run(scenario.idempotency().redeliver());
    }

    static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    @Override
    public void close() {
        clients.close();
    }
}
