package io.selfheal.harness.engine;

import io.selfheal.harness.backend.Cloud;
import io.selfheal.harness.backend.EmbeddedCloud;
import io.selfheal.harness.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a whole scenario on a fresh cloud and sums it up; for the CLI (the TestEngine drives the phases itself).
 *
 * <p>{@link #run(Scenario)} is thread-safe: each call gets its own cloud from the factory (by default a fresh
 * {@link EmbeddedCloud}, its own emulator on its own loopback port and clock), and a run shares no mutable state
 * with another, so callers may run several scenarios at once on one runner.
 */
public final class ScenarioRunner {
    private final Function<Scenario, Cloud> clouds;
    private java.util.function.BiConsumer<ScenarioRun, ScenarioResult> onFinished = (run, result) -> { };

    public ScenarioRunner() {
        this(scenario -> new EmbeddedCloud(scenario.virtualTime(), scenario.name()));
    }

    /** @param clouds makes the cloud for one run; called once per run, possibly from several threads at once */
    public ScenarioRunner(Function<Scenario, Cloud> clouds) {
        this.clouds = clouds;
    }

    /**
     * Called with each finished run and its result while its cloud is still open (e.g. to capture a report
     * timeline); may be called from several threads at once.
     */
    public ScenarioRunner onFinished(java.util.function.BiConsumer<ScenarioRun, ScenarioResult> listener) {
        this.onFinished = listener;
        return this;
    }

    public ScenarioResult run(Scenario scenario) {
        long started = System.nanoTime();
        List<CheckResult> checks = new ArrayList<>();
        try (Cloud cloud = clouds.apply(scenario); ScenarioRun run = new ScenarioRun(scenario, cloud)) {
            try {
                run.provision();
            } catch (RuntimeException e) {
                return finished(run, broken(scenario, "provisioning failed: " + e.getMessage(), started));
            }
            try {
                run.establishSteadyState();
            } catch (RuntimeException e) {
                return finished(run, broken(scenario, e.getMessage(), started));
            }
            try {
                run.injectFaults();
            } catch (RuntimeException e) {
                return finished(run, broken(scenario, "fault injection failed: " + e.getMessage(), started));
            }
            for (String check : ScenarioRun.checkNames(scenario)) {
                checks.add(run.verify(check));
            }
            return finished(run, new ScenarioResult(scenario.name(), scenario.file(), checks, null, run.recovery(),
                    ScenarioRun.since(started), run.recoveryWall(),
                    scenario.recovery() == null ? null : scenario.recovery().within()));
        }
    }

    private ScenarioResult finished(ScenarioRun run, ScenarioResult result) {
        onFinished.accept(run, result);
        return result;
    }

    private static ScenarioResult broken(Scenario scenario, String error, long started) {
        return new ScenarioResult(scenario.name(), scenario.file(), List.of(), error, null,
                Duration.ofNanos(System.nanoTime() - started));
    }
}
