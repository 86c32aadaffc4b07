package io.selfheal.harness.junit;

import io.selfheal.harness.report.ReportCollector;
import java.util.Optional;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.config.PrefixedConfigurationParameters;
import org.junit.platform.engine.support.hierarchical.ForkJoinPoolHierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.SameThreadHierarchicalTestExecutorService;

/**
 * Runs scenario files as tests. Select them with {@code @Suite @IncludeEngines("selfheal") @SelectDirectories(…)}
 * (or any launcher's directory, file, class-path root, package or unique-id selectors). Each scenario gets a fresh
 * embedded cloud and runs through the same {@link io.selfheal.harness.engine.ScenarioDriver} as {@code selfheal run}.
 * Scenarios run in parallel on the JUnit Platform's fork-join executor — as many at once as there are cores unless
 * configured otherwise ({@value #PARALLEL_ENABLED}, and {@value #PARALLEL_CONFIG_PREFIX}{@code strategy},
 * {@code fixed.parallelism}, {@code dynamic.factor} as Jupiter's); a scenario's checks run in order on its thread.
 * At the end an HTML report with each scenario's timeline is written to {@code target/selfheal-report/index.html}
 * (relative to the working directory; configuration parameter {@value #REPORT_DIR}).
 */
public final class SelfhealTestEngine extends HierarchicalTestEngine<SelfhealExecutionContext> {
    public static final String ENGINE_ID = "selfheal";
    /** Configuration parameter: where the HTML report goes ({@code off} for none). */
    public static final String REPORT_DIR = "selfheal.report.dir";
    /** Configuration parameter: whether scenarios run in parallel (default {@code true}). */
    public static final String PARALLEL_ENABLED = "selfheal.execution.parallel.enabled";
    /** Prefix of the parallelism settings, read as Jupiter reads {@code junit.jupiter.execution.parallel.config.}. */
    public static final String PARALLEL_CONFIG_PREFIX = "selfheal.execution.parallel.config.";
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
        SelfhealEngineDescriptor engine = new SelfhealEngineDescriptor(uniqueId);
        new ScenarioDiscovery().discover(request, engine);
        return engine;
    }

    @Override
    protected HierarchicalTestExecutorService createExecutorService(ExecutionRequest request) {
        ConfigurationParameters parameters = request.getConfigurationParameters();
        if (!parameters.getBoolean(PARALLEL_ENABLED).orElse(true)) {
            return new SameThreadHierarchicalTestExecutorService();
        }
        return new ForkJoinPoolHierarchicalTestExecutorService(
                new PrefixedConfigurationParameters(parameters, PARALLEL_CONFIG_PREFIX));
    }

    @Override
    protected SelfhealExecutionContext createExecutionContext(ExecutionRequest request) {
        ConfigurationParameters parameters = request.getConfigurationParameters();
        return new SelfhealExecutionContext(parameters.get(REPORT_DIR).orElse(DEFAULT_REPORT_DIR),
                new ReportCollector(), io.selfheal.harness.engine.Backends.from(k -> parameters.get(k).orElse(null)),
                null, request.getEngineExecutionListener());
    }
}
