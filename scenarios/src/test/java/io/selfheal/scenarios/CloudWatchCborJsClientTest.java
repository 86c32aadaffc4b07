package io.selfheal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The AWS SDK for JavaScript v3 CloudWatch client, forced onto Smithy RPC v2 CBOR, against {@code selfheal serve}:
 * the conformance check for the emulator's third CloudWatch protocol. The client (versions pinned by
 * {@code clients/cloudwatch-cbor/package-lock.json}) is installed with {@code npm ci} into {@code target/}, then
 * {@code smoke.mjs} runs each CloudWatch operation and asserts every exchange was CBOR.
 *
 * <p>Needs {@code node} (18 or later) and {@code npm} on the PATH and the npm registry (or a warm npm cache). .ci/run
 * installs Debian's nodejs and npm, so a missing node fails here with how to install it, rather than passing unseen;
 * {@code -Dselfheal.skipNodeClients=true} skips the test on a machine that cannot have node.
 */
class CloudWatchCborJsClientTest {
    private static final Path CLIENT = Path.of("src/test/resources/clients/cloudwatch-cbor");
    private static final List<String> CLIENT_FILES = List.of("package.json", "package-lock.json", "smoke.mjs");
    private static final Path WORK = Path.of("target/clients/cloudwatch-cbor");
    private static final long NPM_CI_TIMEOUT_SECONDS = 300;
    private static final long SMOKE_TIMEOUT_SECONDS = 120;

    @Test
    void javascriptSdkOverRpcV2CborPasses() throws Exception {
        assumeFalse(Boolean.getBoolean("selfheal.skipNodeClients"), "skipped by -Dselfheal.skipNodeClients=true");
        Path node = onPath("node");
        Path npm = onPath("npm");
        copyClient();
        run(List.of(npm.toString(), "ci", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error",
                "--prefix", WORK.toString()), NPM_CI_TIMEOUT_SECONDS, "npm ci");
        try (ServeProcess serve = ServeProcess.start()) {
            String output = run(List.of(node.toString(), WORK.resolve("smoke.mjs").toString(), serve.endpoint()),
                    SMOKE_TIMEOUT_SECONDS, "node smoke.mjs");
            assertThat(output).contains("ok PutMetricData + GetMetricStatistics", "ok GetMetricData",
                    "ok ListMetrics", "ok PutMetricAlarm + DescribeAlarms", "ok SetAlarmState + DescribeAlarmHistory",
                    "ok DeleteAlarms", "ok ResourceNotFound", "ok InvalidParameterValue", "cloudwatch cbor smoke: all ok");
        }
    }

    /** The executable on the PATH, or a failure that says how to get it. */
    private static Path onPath(String name) {
        Optional<Path> found = Optional.ofNullable(System.getenv("PATH")).stream()
                .flatMap(path -> List.of(path.split(File.pathSeparator)).stream())
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
        if (found.isEmpty()) {
            fail(name + " is not on the PATH. This test runs the AWS SDK for JavaScript against selfheal serve; install"
                    + " Node.js 18+ and npm (Debian/Ubuntu: apt-get install nodejs npm, as .ci/run does), or skip it"
                    + " with -Dselfheal.skipNodeClients=true.");
        }
        return found.get();
    }

    /** A fresh copy of the client's sources in target/, so npm writes node_modules there, never under src/. */
    private static void copyClient() throws IOException {
        Files.createDirectories(WORK);
        for (String file : CLIENT_FILES) {
            Files.copy(CLIENT.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Runs a command with a deadline; its combined output, or a failure that shows it. */
    private static String run(List<String> command, long timeoutSeconds, String what) throws Exception {
        Path log = Files.createTempFile(WORK, what.replace(' ', '-'), ".log");
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean exited = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!exited) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (!exited) {
            fail(what + " did not finish within " + timeoutSeconds + "s; its output so far:\n" + output);
        }
        if (p.exitValue() != 0) {
            fail(what + " exited with " + p.exitValue() + ":\n" + output);
        }
        return output;
    }
}
