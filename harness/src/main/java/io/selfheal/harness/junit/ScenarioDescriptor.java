package io.selfheal.harness.junit;

import io.selfheal.harness.scenario.Scenario;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FileSource;

/** A scenario: a container of its checks, tagged with the scenario's tags. */
final class ScenarioDescriptor extends AbstractTestDescriptor {
    private final Scenario scenario;

    ScenarioDescriptor(UniqueId id, Scenario scenario) {
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
}
