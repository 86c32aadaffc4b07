package io.selfheal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code scripts/aws-cli-lambda-esm.sh} (Debian's AWS CLI v2: an SQS event source mapping that deletes what
 * its function handled, receives a failing message again after the visibility timeout and leaves it to the
 * queue's redrive policy) against
 * {@code selfheal serve --virtual-clock}. Skipped where the AWS CLI is missing; .ci/run installs it.
 */
class AwsCliLambdaEsmScriptTest {
    private static final Path SCRIPT = Path.of("../scripts/aws-cli-lambda-esm.sh");

    @Test
    void everyCheckOfTheScriptPasses() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/aws")), "AWS CLI v2 not installed at /usr/bin/aws");
        try (ServeProcess serve = ServeProcess.start("--virtual-clock")) {
            Process p = new ProcessBuilder("bash", SCRIPT.toString(), serve.endpoint()).redirectErrorStream(true)
                    .start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
            System.out.println(output);
            assertThat(output).as(output).contains(" passed, 0 failed");
            assertThat(p.exitValue()).as(output).isZero();
        }
    }
}
