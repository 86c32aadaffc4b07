package io.selfheal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code scripts/aws-cli-lambda-async.sh} (Debian's AWS CLI v2: an asynchronous invoke of a failing function,
 * its retries at AWS's intervals, its on-failure record and its dead letter) against
 * {@code selfheal serve --virtual-clock}. Skipped where the AWS CLI is missing; .ci/run installs it.
 */
class AwsCliLambdaAsyncScriptTest {
    private static final Path SCRIPT = Path.of("../scripts/aws-cli-lambda-async.sh");

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
