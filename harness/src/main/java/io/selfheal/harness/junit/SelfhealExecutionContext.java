package io.selfheal.harness.junit;

import io.selfheal.harness.engine.ScenarioDriver;
import io.selfheal.harness.report.ReportCollector;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/**
 * What the engine's nodes share: where the report goes, the collector every scenario adds to (thread-safe), the
 * listener report entries go to, and — below a scenario — that scenario's driver.
 */
record SelfhealExecutionContext(String reportDir, ReportCollector report, ScenarioDriver driver,
                                org.junit.platform.engine.EngineExecutionListener listener)
        implements EngineExecutionContext {

    SelfhealExecutionContext(String reportDir, ReportCollector report, ScenarioDriver driver) {
        this(reportDir, report, driver, null);
    }

    SelfhealExecutionContext with(ScenarioDriver scenarioDriver) {
        return new SelfhealExecutionContext(reportDir, report, scenarioDriver, listener);
    }
}
