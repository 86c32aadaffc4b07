package io.selfheal.harness.engine;

import io.selfheal.harness.backend.Cloud;
import io.selfheal.harness.backend.EmbeddedCloud;
import io.selfheal.harness.scenario.Scenario;
import java.util.function.Function;

/**
 * Runs a whole scenario on a fresh cloud through its {@link ScenarioDriver} and sums it up; for the CLI and the DSL
 * (the TestEngine drives the same phases check by check).
 *
 * <p>{@link #run(Scenario)} is thread-safe: each call gets its own cloud from the factory (by default a fresh
 * {@link EmbeddedCloud}, its own emulator on its own loopback port and clock), and a run shares no mutable state
 * with another, so callers may run several scenarios at once on one runner.
 */
public final class ScenarioRunner {
    private final Function<Scenario, Cloud> clouds;
    private java.util.function.BiConsumer<ScenarioRun, ScenarioResult> onFinished = (run, result) -> { };

    public ScenarioRunner() {
        this(scenario -> new EmbeddedCloud(scenario.virtualTime(), scenario.idSeed()));
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
        try (Cloud cloud = clouds.apply(scenario); ScenarioDriver driver = new ScenarioDriver(scenario, cloud)) {
            if (driver.start()) {
                Check.of(scenario).forEach(driver::verify);
            }
            ScenarioResult result = driver.result();
            onFinished.accept(driver.run(), result);
            return result;
        }
    }
}
