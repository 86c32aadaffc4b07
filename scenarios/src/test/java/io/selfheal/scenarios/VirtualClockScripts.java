package io.selfheal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the AWS CLI scripts under {@code scripts/} that drive {@code selfheal serve --virtual-clock} (they
 * source {@code virtual-clock-checks.sh}) and asserts that every check passed. Skipped where the AWS CLI is
 * missing; .ci/run installs it.
 */
final class VirtualClockScripts {
    private VirtualClockScripts() {
    }

    static void assertEveryCheckPasses(String script) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/aws")), "AWS CLI v2 not installed at /usr/bin/aws");
        try (ServeProcess serve = ServeProcess.start("--virtual-clock")) {
            Process p = new ProcessBuilder("bash", Path.of("../scripts", script).toString(), serve.endpoint())
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
            System.out.println(output);
            assertThat(output).as(output).contains(" passed, 0 failed");
            assertThat(p.exitValue()).as(output).isZero();
        }
    }
}
