package io.selfheal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.harness.engine.CheckResult;
import io.selfheal.harness.engine.ScenarioResult;
import io.selfheal.harness.engine.ScenarioRunner;
import io.selfheal.harness.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The seed's broken Python remediation (issue 11.5): it reads {@code event['detail']} before the transformed
 * {@code instance_id}, swallows its own KeyError and returns {@code {"statusCode": 500}}. Lambda counts a success,
 * so only the outcome checks can catch it: the scenario must fail, and its story must show the function's own log
 * line and that nothing was rebooted. The file lives under {@code src/}, out of the passing suite.
 */
class SeedBrokenExampleTest {
    private static final Path BROKEN = Path.of("src/test/resources/broken/seed-swallowed-key-error.yaml");

    @Test
    void theSwallowedKeyErrorFailsTheScenarioWithTheFunctionsOwnLogLine() {
        ScenarioResult result = new ScenarioRunner().run(new ScenarioLoader().load(BROKEN));

        assertThat(result.passed()).isFalse();
        assertThat(result.reason()).contains("RebootInstances called exactly 1 time by function reboot")
                .contains("observed: 0 successful RebootInstances calls by reboot");
        String story = result.checks().stream().map(CheckResult::message).collect(Collectors.joining("\n"));
        assertThat(story).contains("\"message\": \"could not find the instance to reboot\", \"missingKey\": \"'detail'\"")
                .contains("by events.amazonaws.com: ok")
                .contains("rebooted 0 times")
                .doesNotContain("monitoring RebootInstances", "ec2 RebootInstances by");
    }
}
