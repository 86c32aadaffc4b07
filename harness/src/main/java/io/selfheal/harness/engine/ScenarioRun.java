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
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One run of a scenario against a cloud, phase by phase, so a test engine can report each check as its own test:
 * {@link #provision()}, {@link #injectFaults()}, {@link #verifyOutcome()}, {@link #verifyIdempotency()}.
 */
public final class ScenarioRun implements AutoCloseable {
    static final Duration POLL = Duration.ofMillis(25);

    private final Scenario scenario;
    private final Cloud cloud;
    private final CloudClients clients;
    private final StackState state = new StackState();
    private Instant faultStart;
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

    Instant faultStart() {
        return faultStart;
    }

    /** Events that reached a bus since the first fault was injected. */
    public java.util.List<io.selfheal.emulator.control.EventRecord> eventsSinceFault() {
        return cloud.events().stream().filter(e -> !e.received().isBefore(faultStart)).toList();
    }

    public void provision() {
        String account = clients.sts().getCallerIdentity().account();
        new Provisioner(clients, state, account, cloud.region()).provision(scenario.stack());
    }

    public void injectFaults() {
        faultStart = Instant.now();
        for (Fault fault : scenario.faults()) {
            fault.inject(this);
        }
    }

    /** Waits (bounded by the scenario's {@code within}) until every outcome holds. */
    public CheckResult verifyOutcome() {
        long started = System.nanoTime();
        Instant deadline = Instant.now().plus(scenario.within());
        cloud.awaitIdle(scenario.within());
        AtomicReference<List<Verdict>> last = new AtomicReference<>(List.of());
        try {
            Awaitility.await(scenario.name() + " outcomes").atMost(remaining(deadline)).pollDelay(Duration.ZERO)
                    .pollInterval(POLL).until(() -> {
                        List<Verdict> verdicts = new ArrayList<>();
                        for (Expectation e : scenario.outcomes()) {
                            verdicts.add(e.check(this));
                        }
                        last.set(verdicts);
                        return verdicts.stream().allMatch(Verdict::holds);
                    });
            recovery = Duration.between(faultStart, Instant.now());
            outcomeHeld = true;
            return new CheckResult("outcome", true, null, since(started));
        } catch (ConditionTimeoutException e) {
            StringBuilder message = new StringBuilder("outcomes did not hold within " + scenario.within() + ":");
            List<Verdict> verdicts = last.get();
            for (int i = 0; i < scenario.outcomes().size(); i++) {
                Verdict v = i < verdicts.size() ? verdicts.get(i) : null;
                message.append("\n  ").append(v != null && v.holds() ? "✓ " : "✗ ")
                        .append(scenario.outcomes().get(i).describe())
                        .append(v == null ? "" : " — observed: " + v.observed());
            }
            message.append(WhatHappened.since(faultStart, cloud, scenario, state));
            return new CheckResult("outcome", false, message.toString(), since(started));
        }
    }

    /** Redelivers every trigger and proves nothing more changed; see {@link IdempotencyCheck}. */
    public CheckResult verifyIdempotency() {
        if (!outcomeHeld) {
            return new CheckResult("idempotency", false, "skipped: the outcome did not hold", Duration.ZERO);
        }
        return new IdempotencyCheck(this).run(scenario.idempotency().redeliver());
    }

    static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : left;
    }

    static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    static Instant now() {
        return Instant.now();
    }

    @Override
    public void close() {
        clients.close();
    }

    static <T> T await(String alias, Duration atMost, java.util.concurrent.Callable<T> supplier,
                       java.util.function.Predicate<T> done) {
        AtomicReference<T> last = new AtomicReference<>();
        Awaitility.await(alias).atMost(atMost).pollDelay(Duration.ZERO).pollInterval(POLL).until(() -> {
            T value = supplier.call();
            last.set(value);
            return done.test(value);
        });
        return last.get();
    }
}
