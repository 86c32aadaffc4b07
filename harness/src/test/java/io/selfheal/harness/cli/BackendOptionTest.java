package io.selfheal.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.harness.localstack.TestcontainersLocalStack;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@code selfheal run --backend …}: the choice is checked, and LocalStack without Docker says what to use instead. */
class BackendOptionTest {
    private static final String SCENARIO = "../scenarios/examples/real-clock-alarm.yaml";

    @Test
    void localStackWithoutADockerEngineExitsWithWhatToUseInstead() {
        Assumptions.assumeFalse(TestcontainersLocalStack.dockerAvailable(), "a Docker engine is present here");

        CliCapture run = CliCapture.run("run", "--backend", "localstack", SCENARIO);

        assertThat(run.exit()).isEqualTo(SelfhealCli.INVALID);
        assertThat(run.err()).contains("no Docker engine: use the embedded backend or --endpoint-url");
        assertThat(run.out()).doesNotContain("passed");
    }

    @Test
    void anUnknownBackendIsABadOption() {
        CliCapture run = CliCapture.run("run", "--backend", "cloud9", SCENARIO);

        assertThat(run.exit()).isEqualTo(SelfhealCli.INVALID);
        assertThat(run.err()).contains("--backend is embedded or localstack, was cloud9");
    }
}
