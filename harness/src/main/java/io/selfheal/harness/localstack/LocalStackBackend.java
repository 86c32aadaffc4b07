package io.selfheal.harness.localstack;

import io.selfheal.harness.backend.Cloud;
import io.selfheal.harness.engine.ScenarioRunner;
import io.selfheal.harness.scenario.Scenario;

/**
 * {@code selfheal run --backend localstack}: one LocalStack for the whole run, started first and stopped last; each
 * scenario gets its own {@link LocalStackCloud} on it (its own observation tap, named with a run id), and a scenario
 * that relies on what LocalStack does not do ({@link LocalStackGaps}) is skipped with the reason.
 */
public final class LocalStackBackend implements AutoCloseable {
    private final LocalStackInstance localStack;

    private LocalStackBackend(LocalStackInstance localStack) {
        this.localStack = localStack;
    }

    /**
     * Starts {@code localStack}.
     *
     * @throws NoDockerEngineException without a Docker engine ("no Docker engine: use the embedded backend or
     *                                 --endpoint-url")
     */
    public static LocalStackBackend start(LocalStackInstance localStack) {
        localStack.start();
        return new LocalStackBackend(localStack);
    }

    /** A fresh cloud for one scenario, with a run id of its own (its resources and tap: {@code sh-<run id>-…}). */
    public Cloud cloud(Scenario scenario) {
        String runId = io.selfheal.harness.runid.RunIdentity.newRunId();
        return new LocalStackCloud(localStack, runId);
    }

    /** A runner whose scenarios run on this LocalStack, those it cannot run skipped with the reason. */
    public ScenarioRunner runner() {
        return new ScenarioRunner(this::cloud).skipWhen(LocalStackGaps::skipReason);
    }

    public String describe() {
        return "LocalStack (" + localStack.image() + ") on " + localStack.endpoint();
    }

    @Override
    public void close() {
        localStack.stop();
    }
}
