package io.selfheal.harness.engine;

import io.selfheal.emulator.core.CloudNotIdleException;
import io.selfheal.harness.backend.Cloud;
import io.selfheal.harness.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of a scenario, whoever runs it (the CLI's {@link ScenarioRunner}, the TestEngine): {@link #start()}
 * provisions, establishes the steady state and injects the faults; {@link #verify(Check)} runs each check;
 * {@link #result()} sums it up. A scenario that could not start fails every check with the same words everywhere.
 */
public final class ScenarioDriver implements AutoCloseable {
    private final ScenarioRun run;
    private final long started = System.nanoTime();
    private final List<CheckResult> results = new ArrayList<>();
    private String broken;

    public ScenarioDriver(Scenario scenario, Cloud cloud) {
        this.run = new ScenarioRun(scenario, cloud);
    }

    public ScenarioRun run() {
        return run;
    }

    /**
     * Provision → steady state → faults.
     *
     * @return whether the scenario started; if not, {@link #broken()} says why
     */
    public boolean start() {
        if (!phase("provisioning failed: ", run::provision) || !phase("", run::establishSteadyState)) {
            return false;
        }
        return phase("fault injection failed: ", run::injectFaults);
    }

    private boolean phase(String failure, Runnable phase) {
        try {
            phase.run();
            return true;
        } catch (RuntimeException e) {
            broken = failure + (e.getMessage() != null ? e.getMessage() : e.toString());
            return false;
        }
    }

    /** Why the scenario could not start, or null. */
    public String broken() {
        return broken;
    }

    /** Runs one check (one of {@link Check#of}); a scenario that could not start fails it with {@link #broken()}. */
    public CheckResult verify(Check check) {
        if (broken != null) {
            return new CheckResult(check.name(), false, broken, Duration.ZERO);
        }
        var missing = io.selfheal.harness.backend.Capability.missing(check.needs(), run.cloud().capabilities());
        if (!missing.isEmpty()) {
            CheckResult skipped = CheckResult.skipped(check.name(), io.selfheal.harness.backend.Capability.reason(missing));
            results.add(skipped);
            return skipped;
        }
        long began = System.nanoTime();
        CheckResult result;
        try {
            result = switch (check.kind()) {
                case OUTCOME -> run.verifyOutcome();
                case RECOVERY -> run.verifyRecovery();
                case IDEMPOTENCY -> run.verifyIdempotency(check.mode());
                case NOTHING_LOST -> run.verifyNothingLost();
            };
        } catch (CloudNotIdleException stuck) {
            // The check was waiting on the virtual clock and work never finished: the check fails, saying so.
            result = new CheckResult(check.name(), false, stuck.getMessage() + WhatHappened.since(run),
                    ScenarioRun.since(began));
        }
        results.add(result);
        return result;
    }

    /**
     * Deletes what the run created (see {@link ScenarioRun#cleanUp()}) before {@link #result()}, so the result
     * reports it; {@link #close()} does it too, for a run that ends otherwise.
     */
    public void cleanUp() {
        run.cleanUp();
    }

    /** The run so far: the checks verified, or why it could not start. */
    public ScenarioResult result() {
        Scenario scenario = run.scenario();
        return new ScenarioResult(scenario.name(), scenario.file(), List.copyOf(results), broken, run.recovery(),
                ScenarioRun.since(started), run.recoveryWall(),
                scenario.recovery() == null ? null : scenario.recovery().within()).withFacts(RunFacts.of(run));
    }

    @Override
    public void close() {
        run.close();
    }
}
