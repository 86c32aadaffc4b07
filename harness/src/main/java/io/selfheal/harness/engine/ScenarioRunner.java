package io.selfheal.harness.engine;

import io.selfheal.harness.backend.Cloud;
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
    private Function<Scenario, String> skipWhen = scenario -> null;

    public ScenarioRunner() {
        this(Backends.embedded());
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

    /**
     * Skips, before any cloud is made, each scenario {@code reason} names a reason for (a backend that does not do
     * what the scenario relies on, e.g. LocalStack and alarm state-change events); null lets it run.
     */
    public ScenarioRunner skipWhen(Function<Scenario, String> reason) {
        this.skipWhen = reason;
        return this;
    }

    /** Runs {@code scenario}, or returns it skipped with its reason when the cloud lacks a capability it needs. */
    public ScenarioResult run(Scenario scenario) {
        long started = System.nanoTime();
        String unsupported = skipWhen.apply(scenario);
        if (unsupported != null) {
            return ScenarioResult.skipped(scenario.name(), scenario.file(), unsupported,
                    java.time.Duration.ofNanos(System.nanoTime() - started));
        }
        try (Cloud cloud = clouds.apply(scenario)) {
            java.util.Set<io.selfheal.harness.backend.Capability> missing =
                    io.selfheal.harness.backend.Capability.missing(scenario.needs(), cloud.capabilities());
            if (!missing.isEmpty()) {
                return ScenarioResult.skipped(scenario.name(), scenario.file(),
                        io.selfheal.harness.backend.Capability.reason(missing),
                        java.time.Duration.ofNanos(System.nanoTime() - started)).withFacts(RunFacts.skipped(cloud));
            }
            return run(scenario, cloud);
        }
    }

    private ScenarioResult run(Scenario scenario, Cloud cloud) {
        try (ScenarioDriver driver = new ScenarioDriver(scenario, cloud)) {
            if (driver.start()) {
                Check.of(scenario).forEach(driver::verify);
            }
            driver.cleanUp();
            ScenarioResult result = driver.result();
            onFinished.accept(driver.run(), result);
            return result;
        }
    }
}
