package io.selfheal.remediations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Runs the Python remediation's own unit tests ({@code src/test/python}, Python's {@code unittest} with botocore's
 * {@code Stubber}) as part of {@code mvn test}: the build fails when they fail. The interpreter is the one the
 * emulator's Python runtime uses ({@code SELFHEAL_PYTHON}, else {@code python3}); it needs boto3, as AWS's Python
 * runtimes provide it ({@code .ci/run} installs Debian's {@code python3-boto3}).
 */
class PythonRemediationTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Pattern RAN = Pattern.compile("Ran (\\d+) tests?");

    @Test
    void pythonUnitTestsPass() throws Exception {
        String python = System.getenv().getOrDefault("SELFHEAL_PYTHON", "python3");
        assumeTrue(runs(python, "-c", "pass"), python + " is not installed: the Python remediation's tests need "
                + "Python 3 with boto3 (Debian/Ubuntu: apt-get install python3 python3-boto3)");

        ProcessBuilder unittest = new ProcessBuilder(python, "-m", "unittest", "discover", "-v",
                "-s", MODULE.resolve("src/test/python").toString(), "-t", MODULE.resolve("src/test/python").toString())
                .directory(MODULE.toFile())
                .redirectErrorStream(true); // unittest reports on stderr
        unittest.environment().put("PYTHONPATH", MODULE.resolve("src/main/python").toString());
        unittest.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process process = unittest.start();
        String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("unittest finished").isTrue();

        assertThat(process.exitValue()).as(report).isZero();
        Matcher ran = RAN.matcher(report);
        assertThat(ran.find()).as(report).isTrue();
        assertThat(Integer.parseInt(ran.group(1))).as("tests found and run").isGreaterThanOrEqualTo(10);
    }

    private static boolean runs(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException notInstalled) {
            return false;
        }
    }
}
