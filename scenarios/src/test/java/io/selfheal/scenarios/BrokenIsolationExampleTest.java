package io.selfheal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.harness.engine.ScenarioResult;
import io.selfheal.harness.engine.ScenarioRunner;
import io.selfheal.harness.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The classic isolation bug (issue 14.6): ModifyInstanceAttribute {@code Groups} replaces the groups of the primary
 * network interface only (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyInstanceAttribute.html),
 * so a two-interface instance looks isolated in DescribeInstances while its second interface keeps talking. The
 * instance-level check passes; the per-interface check must fail the scenario and name the interface left behind.
 * The file lives under {@code src/}, out of the passing suite.
 */
class BrokenIsolationExampleTest {
    private static final Path BROKEN = Path.of("src/test/resources/broken/isolation-moves-primary-interface-only.yaml");

    @Test
    void anIsolationThatMovesOnlyThePrimaryInterfaceFailsOnTheSecondInterface() {
        ScenarioResult result = new ScenarioRunner().run(new ScenarioLoader().load(BROKEN));

        assertThat(result.passed()).isFalse();
        assertThat(result.reason())
                .contains("✓ instance web is in security groups [isolation] only and has exactly 2 snapshots")
                .contains("✗ instance web has exactly 2 network interfaces and every interface in security groups"
                        + " [isolation] only")
                .containsPattern("\\(device 0\\) in \\[sg-\\w+ selfheal-isolation\\]")
                .containsPattern("\\(device 1\\) in \\[sg-\\w+ admin\\]");
    }
}
