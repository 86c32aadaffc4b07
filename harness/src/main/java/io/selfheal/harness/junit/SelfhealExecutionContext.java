package io.selfheal.harness.junit;

import io.selfheal.harness.engine.ScenarioDriver;
import io.selfheal.harness.report.ReportCollector;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/**
 * What the engine's nodes share: where the report goes, the collector every scenario adds to (thread-safe), where
 * each scenario's cloud comes from ({@link io.selfheal.harness.engine.Backends}), the listener report entries go to,
 * and — below a scenario — that scenario's driver.
 */
record SelfhealExecutionContext(String reportDir, ReportCollector report,
                                java.util.function.Function<io.selfheal.harness.scenario.Scenario,
                                        io.selfheal.harness.backend.Cloud> clouds,
                                ScenarioDriver driver, org.junit.platform.engine.EngineExecutionListener listener)
        implements EngineExecutionContext {

    SelfhealExecutionContext with(ScenarioDriver scenarioDriver) {
        return new SelfhealExecutionContext(reportDir, report, clouds, scenarioDriver, listener);
    }
}
