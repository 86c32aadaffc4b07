package io.selfheal.harness.junit;

import io.selfheal.harness.backend.Cloud;
import io.selfheal.harness.backend.EmbeddedCloud;
import io.selfheal.harness.engine.CheckResult;
import io.selfheal.harness.engine.ScenarioRun;
import java.util.Optional;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.opentest4j.AssertionFailedError;

/**
 * Runs scenario files as tests. Select them with {@code @Suite @IncludeEngines("selfheal") @SelectDirectories(…)}
 * (or any launcher's directory/file selectors). Each scenario gets a fresh embedded cloud.
 */
public final class SelfhealTestEngine implements TestEngine {
    public static final String ENGINE_ID = "selfheal";

    @Override
    public String getId() {
        return ENGINE_ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("io.selfheal");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("selfheal-harness");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "selfheal scenarios");
        new ScenarioDiscovery().discover(request, engine);
        return engine;
    }

    @Override
    public void execute(ExecutionRequest request) {
        TestDescriptor engine = request.getRootTestDescriptor();
        EngineExecutionListener listener = request.getEngineExecutionListener();
        listener.executionStarted(engine);
        for (TestDescriptor child : engine.getChildren()) {
            if (child instanceof ScenarioDescriptor scenario) {
                execute(scenario, listener);
            } else if (child instanceof InvalidFileDescriptor invalid) {
                listener.executionStarted(invalid);
                listener.executionFinished(invalid, TestExecutionResult.failed(
                        new AssertionFailedError("invalid scenario file:\n" + invalid.problems().getMessage())));
            }
        }
        listener.executionFinished(engine, TestExecutionResult.successful());
    }

    private void execute(ScenarioDescriptor descriptor, EngineExecutionListener listener) {
        listener.executionStarted(descriptor);
        String broken = null;
        try (Cloud cloud = new EmbeddedCloud(descriptor.scenario().virtualTime()); ScenarioRun run = new ScenarioRun(descriptor.scenario(), cloud)) {
            try {
                run.provision();
                run.establishSteadyState();
                run.injectFaults();
            } catch (RuntimeException e) {
                broken = "the scenario could not start: " + (e.getMessage() != null ? e.getMessage() : e);
            }
            for (TestDescriptor child : descriptor.getChildren()) {
                CheckDescriptor check = (CheckDescriptor) child;
                listener.executionStarted(check);
                if (broken != null) {
                    listener.executionFinished(check, TestExecutionResult.failed(new AssertionFailedError(broken)));
                    continue;
                }
                CheckResult result = run.verify(check.check());
                listener.executionFinished(check, result.passed() ? TestExecutionResult.successful()
                        : TestExecutionResult.failed(new AssertionFailedError(result.message())));
            }
        }
        listener.executionFinished(descriptor, TestExecutionResult.successful());
    }
}
