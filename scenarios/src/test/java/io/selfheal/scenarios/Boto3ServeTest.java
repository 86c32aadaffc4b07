package io.selfheal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * boto3 (Debian's python3-boto3 under /usr/bin/python3) against {@code selfheal serve}: the same port serves Python
 * clients, and botocore parses our error shapes into AWS's codes. Skipped where boto3 is not installed; .ci/run
 * installs it.
 */
class Boto3ServeTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @Test
    void boto3SmokeScriptPasses() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON) && new ProcessBuilder(PYTHON.toString(), "-c", "import boto3")
                .start().waitFor() == 0, "boto3 not installed for /usr/bin/python3");
        try (ServeProcess serve = ServeProcess.start()) {
            Process p = new ProcessBuilder(PYTHON.toString(), "src/test/resources/clients/boto3_smoke.py",
                    serve.endpoint()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(output).isZero();
            assertThat(output).contains("ok sts", "ok ec2", "ok cloudwatch", "ok events", "ok lambda",
                    "boto3 smoke: all ok");
        }
    }
}
