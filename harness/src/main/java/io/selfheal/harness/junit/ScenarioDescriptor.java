package io.selfheal.harness.junit;

import io.selfheal.harness.backend.Cloud;
import io.selfheal.harness.engine.ScenarioDriver;
import io.selfheal.harness.scenario.Scenario;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * A scenario: a container of its checks, tagged with the scenario's tags. Before its checks it starts the scenario on
 * a fresh cloud (embedded unless the engine's configuration names an endpoint; provision, steady state, faults); after them it adds the run to the report and closes the
 * cloud. Scenarios run concurrently with each other; see {@link SelfhealTestEngine}.
 */
final class ScenarioDescriptor extends AbstractTestDescriptor implements Node<SelfhealExecutionContext> {
    private final Scenario scenario;
    private Cloud cloud;

    ScenarioDescriptor(org.junit.platform.engine.UniqueId id, Scenario scenario) {
        super(id, scenario.name(), FileSource.from(scenario.file().toFile()));
        this.scenario = scenario;
    }

    Scenario scenario() {
        return scenario;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public Set<TestTag> getTags() {
        return scenario.tags().stream().filter(TestTag::isValid).map(TestTag::create).collect(Collectors.toSet());
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.CONCURRENT;
    }

    @Override
    public SelfhealExecutionContext before(SelfhealExecutionContext context) {
        cloud = context.clouds().apply(scenario);
        java.util.Set<io.selfheal.harness.backend.Capability> missing =
                io.selfheal.harness.backend.Capability.missing(scenario.needs(), cloud.capabilities());
        if (!missing.isEmpty()) {
            // Aborted, not failed: the scenario may be right; this cloud cannot run it.
            cloud.close();
            cloud = null;
            throw new org.opentest4j.TestAbortedException(io.selfheal.harness.backend.Capability.reason(missing));
        }
        ScenarioDriver driver = new ScenarioDriver(scenario, cloud);
        driver.start();
        return context.with(driver);
    }

    @Override
    public void after(SelfhealExecutionContext context) {
        Cloud owned = cloud;
        if (owned == null) {
            return;
        }
        cloud = null;
        try (owned; ScenarioDriver driver = context.driver()) {
            driver.cleanUp();
            io.selfheal.harness.engine.ScenarioResult result = driver.result();
            context.report().accept(driver.run(), result);
            if (context.listener() != null) {
                context.listener().reportingEntryPublished(this, reportEntry(result));
            }
        }
    }

    /**
     * The scenario's facts as a JUnit report entry (build tools print or record them): where it ran, where outcomes
     * were read from, the clock MTTR is on, MTTR, the checks skipped and why, the remediation's request ids.
     */
    static org.junit.platform.engine.reporting.ReportEntry reportEntry(io.selfheal.harness.engine.ScenarioResult result) {
        java.util.Map<String, String> entry = new java.util.LinkedHashMap<>();
        io.selfheal.harness.engine.RunFacts facts = result.facts();
        if (facts != null) {
            entry.put("backend", facts.backend());
            entry.put("outcomesReadFrom", facts.observedFrom());
            entry.put("clock", facts.realClock() ? "real" : "virtual");
            // Report entry values may not be blank.
            entry.put("remediationCalls", facts.remediationCalls().isEmpty() ? "none"
                    : String.join("; ", facts.remediationCalls()));
            if (facts.cleanup() != null) {
                entry.put("cleanup", facts.cleanup().summary());
            }
        }
        entry.put("mttr", result.recovery() == null ? "none" : result.recovery().toString());
        result.skippedChecks().forEach(c -> entry.put("skipped." + c.name(), c.skipReason()));
        return org.junit.platform.engine.reporting.ReportEntry.from(entry);
    }
}
