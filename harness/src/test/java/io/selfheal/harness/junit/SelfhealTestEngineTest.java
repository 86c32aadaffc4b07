package io.selfheal.harness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.testkit.engine.EngineTestKit;

class SelfhealTestEngineTest {
    private static final Path SCENARIOS = Path.of("src/test/resources/scenarios");

    @Test
    void aScenarioIsAContainerOfItsChecks() {
        TestDescriptor root = EngineTestKit.engine(new SelfhealTestEngine())
                .selectors(selectFile(SCENARIOS.resolve("valid/full.yaml").toString()))
                .discover().getEngineDescriptor();
        assertThat(root.getChildren()).singleElement().satisfies(scenario -> {
            assertThat(scenario.getDisplayName()).isEqualTo("full-example");
            assertThat(scenario.getTags()).extracting(t -> t.getName()).containsExactlyInAnyOrder("ec2", "example");
            assertThat(scenario.getChildren()).extracting(TestDescriptor::getDisplayName)
                    .containsExactly("full-example › outcome", "full-example › idempotency (3 sequential redeliveries)");
            // the platform filters tests by their own tags (-Dgroups=…): each check carries the scenario's and its kind
            assertThat(scenario.getChildren()).extracting(c -> c.getTags().stream().map(t -> t.getName()).sorted()
                    .toList()).containsExactly(List.of("ec2", "example", "outcome"),
                    List.of("ec2", "example", "idempotency"));
        });
    }

    @Test
    void tagsSelectChecks() {
        var results = EngineTestKit.engine(new SelfhealTestEngine())
                .selectors(selectFile(SCENARIOS.resolve("valid/full.yaml").toString()))
                .filters(org.junit.platform.launcher.TagFilter.includeTags("nosuchtag"))
                .execute();
        results.testEvents().assertStatistics(stats -> stats.started(0));
        var outcomesOnly = EngineTestKit.engine(new SelfhealTestEngine())
                .selectors(selectFile(SCENARIOS.resolve("valid/full.yaml").toString()))
                .filters(org.junit.platform.launcher.TagFilter.excludeTags("idempotency"))
                .execute();
        outcomesOnly.testEvents().assertStatistics(stats -> stats.started(1));
        assertThat(outcomesOnly.testEvents().started().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .containsExactly("full-example › outcome");
    }

    @Test
    void everyInvalidFileIsAFailingTestCarryingItsPositions() throws java.io.IOException {
        int files;
        try (var list = java.nio.file.Files.list(SCENARIOS.resolve("broken"))) {
            files = (int) list.count();
        }
        var results = EngineTestKit.engine(new SelfhealTestEngine())
                .selectors(selectDirectory(SCENARIOS.resolve("broken").toString()))
                .execute();
        results.testEvents().assertStatistics(stats -> stats.started(files).failed(files).succeeded(0));
        results.testEvents().assertThatEvents().haveExactly(1, event(test("unknown-keys.yaml"),
                finishedWithFailure(message(m -> m.contains("unknown-keys.yaml:8:7: stack.instances.web.imageID: "
                        + "unknown key 'imageID' (did you mean 'imageId'?)")))));
    }

    @Test
    void filesThatAreNotScenariosAreIgnored() {
        TestDescriptor root = EngineTestKit.engine(new SelfhealTestEngine())
                .selectors(selectFile(SCENARIOS.resolve("fake-function.zip").toString()))
                .discover().getEngineDescriptor();
        assertThat(root.getChildren()).isEmpty();
    }

    @Test
    void theRecoveryBoundAndEachRedeliveryModeAreChecksOfTheirOwn() {
        TestDescriptor root = EngineTestKit.engine(new SelfhealTestEngine())
                .selectors(selectFile(SCENARIOS.resolve("runs/recovers.yaml").toString()))
                .discover().getEngineDescriptor();
        assertThat(root.getChildren()).singleElement().satisfies(scenario ->
                assertThat(scenario.getChildren()).extracting(TestDescriptor::getDisplayName).containsExactly(
                        "recovers-within-bound › outcome", "recovers-within-bound › recovery (within PT20M)",
                        "recovers-within-bound › idempotency (2 sequential redeliveries)",
                        "recovers-within-bound › idempotency (2 late redeliveries PT1H later)"));
    }

    @Test
    void aFailingRecoveryAndIdempotencyModeFailOnlyTheirOwnChecks() {
        var results = EngineTestKit.engine(new SelfhealTestEngine())
                .selectors(selectFile(SCENARIOS.resolve("runs/no-transition-identity.yaml").toString()))
                .execute();
        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(1).failed(2));
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("idempotency-concurrent"), finishedWithFailure(message(m ->
                        m.contains("one of the 2 concurrent redeliveries of ") && m.contains("caused ec2 RebootInstances")))));
    }
}
