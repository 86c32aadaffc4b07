package io.selfheal.harness.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.harness.engine.ScenarioResult;
import io.selfheal.harness.scenario.Scenario;
import io.selfheal.harness.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The LocalStack backend on a real LocalStack container: runs only where a Docker engine answers (none does on the
 * project's build machines; docs/backends-localstack.md says so). The image comes from SELFHEAL_LOCALSTACK_IMAGE,
 * the auth token from LOCALSTACK_AUTH_TOKEN, as for {@code selfheal run --backend localstack}.
 */
@EnabledIf("io.selfheal.harness.localstack.TestcontainersLocalStack#dockerAvailable")
class LocalStackDockerTest {
    @Test
    void aRebootScenarioPassesOnLocalStack() {
        Scenario scenario = new ScenarioLoader().load(Path.of("reboot.yaml"), """
                scenario: reboot-on-a-real-localstack
                clock: real
                stack:
                  instances:
                    web: {imageId: ami-0abcdef1234567890}
                faults:
                  - rebootInstance: {instance: web}
                expect:
                  within: PT60S
                  outcomes:
                    - instance: {ref: web, state: running}
                """);
        try (LocalStackBackend backend = LocalStackBackend.start(new TestcontainersLocalStack(
                LocalStackSettings.from(null, System.getenv())))) {
            ScenarioResult result = backend.runner().run(scenario);
            assertThat(result.passed()).as(String.valueOf(result.reason())).isTrue();
        }
    }
}
