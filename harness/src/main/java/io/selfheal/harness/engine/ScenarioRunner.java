package io.selfheal.harness.engine;

import io.selfheal.harness.backend.Cloud;
import io.selfheal.harness.backend.EmbeddedCloud;
import io.selfheal.harness.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs a whole scenario on a fresh cloud and sums it up; for the CLI (the TestEngine drives the phases itself). */
public final class ScenarioRunner {
    private final java.util.function.Function<Scenario, Cloud> clouds;
    private java.util.function.BiConsumer<ScenarioRun, ScenarioResult> onFinished = (run, result) -> { };

    public ScenarioRunner() {
        this(scenario -> new EmbeddedCloud(scenario.virtualTime()));
    }

    public ScenarioRunner(java.util.function.Function<Scenario, Cloud> clouds) {
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
            checks.add(run.verifyOutcome());
            if (scenario.idempotency() != null) {
                checks.add(run.verifyIdempotency());
            }
            return finished(run, new ScenarioResult(scenario.name(), scenario.file(), checks, null, run.recovery(),
                    ScenarioRun.since(started)));
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
