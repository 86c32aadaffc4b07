package io.selfheal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's AWS CLI v2 ({@code /usr/bin/aws}) pointed at a {@code selfheal serve} endpoint, with dummy root
 * credentials and no user configuration, as a user would run it.
 */
final class AwsCli {
    static final Path AWS = Path.of("/usr/bin/aws");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String endpoint;

    AwsCli(String endpoint) {
        this.endpoint = endpoint;
    }

    /** Whether the CLI v2 is installed (tests skip where it is not; .ci/run installs it). */
    static boolean installed() throws IOException, InterruptedException {
        if (!Files.isExecutable(AWS)) {
            return false;
        }
        Process p = new ProcessBuilder(AWS.toString(), "--version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out.contains("aws-cli/2");
    }

    /** Runs a command that must succeed; its JSON output (empty object for none). */
    JsonNode json(String... args) throws Exception {
        Result r = exec(args);
        assertThat(r.exit()).as("aws " + String.join(" ", args) + "\n" + r.output()).isZero();
        return r.output().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.output());
    }

    /** Runs a command that must fail; what it printed. */
    String failing(String... args) throws Exception {
        Result r = exec(args);
        assertThat(r.exit()).as("aws " + String.join(" ", args) + " must fail").isNotZero();
        return r.output();
    }

    /** Polls describe-instances until the instance is running. */
    void awaitRunning(String instanceId) throws Exception {
        for (int i = 0; i < 100; i++) {
            if ("running".equals(json("ec2", "describe-instances", "--instance-ids", instanceId).path("Reservations")
                    .path(0).path("Instances").path(0).path("State").path("Name").asText())) {
                return;
            }
        }
        throw new AssertionError(instanceId + " never reached running");
    }

    record Result(int exit, String output) {
    }

    Result exec(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(AWS.toString()));
        command.addAll(List.of(args));
        // Debian's CLI (2.9) predates AWS_ENDPOINT_URL (CLI 2.13+); --endpoint-url works on every version.
        command.addAll(List.of("--output", "json", "--endpoint-url", endpoint));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("AWS_ENDPOINT_URL", endpoint);
        env.put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_PAGER", "");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), output);
    }
}
