package io.selfheal.harness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.nio.file.Path;
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
                    .containsExactly("full-example › outcome", "full-example › idempotency (3 redeliveries)");
        });
    }

    @Test
    void everyInvalidFileIsAFailingTestCarryingItsPositions() {
        var results = EngineTestKit.engine(new SelfhealTestEngine())
                .selectors(selectDirectory(SCENARIOS.resolve("broken").toString()))
                .execute();
        results.testEvents().assertStatistics(stats -> stats.started(9).failed(9).succeeded(0));
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
}
