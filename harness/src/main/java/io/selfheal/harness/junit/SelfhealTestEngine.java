package io.selfheal.harness.junit;

import io.selfheal.harness.backend.Cloud;
import io.selfheal.harness.backend.EmbeddedCloud;
import io.selfheal.harness.engine.CheckResult;
import io.selfheal.harness.engine.ScenarioResult;
import io.selfheal.harness.engine.ScenarioRun;
import io.selfheal.harness.report.ReportCollector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * (or any launcher's directory/file selectors). Each scenario gets a fresh embedded cloud. At the end an HTML report
 * with each scenario's timeline is written to {@code target/selfheal-report/index.html} (relative to the working
 * directory; configuration parameter {@value #REPORT_DIR}).
 */
public final class SelfhealTestEngine implements TestEngine {
    public static final String ENGINE_ID = "selfheal";
    /** Configuration parameter: where the HTML report goes ({@code off} for none). */
    public static final String REPORT_DIR = "selfheal.report.dir";
    static final String DEFAULT_REPORT_DIR = "target/selfheal-report";

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
        ReportCollector report = new ReportCollector();
        for (TestDescriptor child : engine.getChildren()) {
            if (child instanceof ScenarioDescriptor scenario) {
                execute(scenario, listener, report);
            } else if (child instanceof InvalidFileDescriptor invalid) {
                listener.executionStarted(invalid);
                listener.executionFinished(invalid, TestExecutionResult.failed(
                        new AssertionFailedError("invalid scenario file:\n" + invalid.problems().getMessage())));
            }
        }
        listener.executionFinished(engine, writeReport(request, report));
    }

    /** Writes the HTML report unless {@value #REPORT_DIR} is {@code off}; a report that cannot be written fails. */
    private static TestExecutionResult writeReport(ExecutionRequest request, ReportCollector report) {
        String dir = request.getConfigurationParameters().get(REPORT_DIR).orElse(DEFAULT_REPORT_DIR);
        if (dir.equals("off") || report.reports().isEmpty()) {
            return TestExecutionResult.successful();
        }
        try {
            report.write(Path.of(dir));
            return TestExecutionResult.successful();
        } catch (IOException e) {
            return TestExecutionResult.failed(new UncheckedIOException("could not write the selfheal report to " + dir, e));
        }
    }

    private void execute(ScenarioDescriptor descriptor, EngineExecutionListener listener, ReportCollector report) {
        listener.executionStarted(descriptor);
        long started = System.nanoTime();
        List<CheckResult> results = new ArrayList<>();
        String broken = null;
        try (Cloud cloud = new EmbeddedCloud(descriptor.scenario().virtualTime(), descriptor.scenario().name()); ScenarioRun run = new ScenarioRun(descriptor.scenario(), cloud)) {
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
                results.add(result);
                listener.executionFinished(check, result.passed() ? TestExecutionResult.successful()
                        : TestExecutionResult.failed(new AssertionFailedError(result.message())));
            }
            report.accept(run, new ScenarioResult(descriptor.scenario().name(), descriptor.scenario().file(), results,
                    broken, run.recovery(), Duration.ofNanos(System.nanoTime() - started)));
        }
        listener.executionFinished(descriptor, TestExecutionResult.successful());
    }
}
