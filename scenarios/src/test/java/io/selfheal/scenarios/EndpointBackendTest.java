package io.selfheal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.harness.backend.Capability;
import io.selfheal.harness.scenario.Scenario;
import io.selfheal.harness.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The endpoint backend end to end (issue 16's done-when): {@code bin/selfheal serve} started as its own process,
 * {@code selfheal run --endpoint-url} as another, on the real clock, credentials from the SDK's standard chain (the
 * environment).
 *
 * <p>Against {@code serve --aws-only} every scenario file of this module is run: each needing nothing an emulator
 * alone offers passes (its checks that read the emulator's logs skipped, with why), every other one is reported
 * skipped with exactly the capabilities it lacks. Against {@code serve --virtual-clock} (control API on) a
 * representative set runs in full over the control routes: a real-clock scenario with a function, one reading the
 * event log, and the CPU-load loop on the remote virtual clock (CPU load, reboot count, call and invocation logs,
 * redelivery). Not all of them: on one shared endpoint, scenarios that name their resources alike (the several
 * {@code reboot-on-high-cpu} stacks) would meet each other's — the embedded build runs them all, each on its own
 * cloud — and each function's JVM start costs seconds of the build's time.
 */
class EndpointBackendTest {
    private static final Path CLI_JAR = Path.of("../harness/target/selfheal.jar");
    private static final List<String> DIRECTORIES = List.of("ec2", "examples", "guardduty", "lambda", "notify",
            "seed");

    @Test
    void awsOnlyRunsWhatNeedsNoEmulatorAndSkipsTheRestWithTheReason() throws Exception {
        List<Scenario> scenarios = new ArrayList<>();
        for (String dir : DIRECTORIES) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                files.filter(f -> f.toString().endsWith(".yaml")).sorted()
                        .forEach(f -> scenarios.add(new ScenarioLoader().load(f)));
            }
        }
        try (ServeProcess serve = ServeProcess.start("--aws-only")) {
            Run run = run(serve.endpoint(), DIRECTORIES.toArray(String[]::new));

            int runnable = 0;
            for (Scenario s : scenarios) {
                if (s.needs().isEmpty()) {
                    runnable++;
                    assertThat(run.output).as(run.output).containsPattern("✓ " + s.name() + " ");
                } else {
                    assertThat(run.output).as(run.output).containsPattern("⊘ " + s.name() + " +"
                            + java.util.regex.Pattern.quote(Capability.reason(s.needs())) + "\n");
                }
            }
            assertThat(runnable).as("at least one scenario runs on any endpoint").isPositive();
            assertThat(run.output).contains("⊘ nothing-lost: needs the emulator's invocation log",
                    "⊘ idempotency: needs the emulator's call log, the emulator's invocation log, "
                            + "the emulator's event log, event redelivery",
                    runnable + " passed, 0 failed, " + (scenarios.size() - runnable) + " skipped");
            assertThat(run.exitCode).as(run.output).isZero();
            assertThat(run.output).as("each run that made something deleted it").contains("cleanup: deleted ")
                    .doesNotContain("could not delete");
            assertNothingOfAnyRunIsLeft(serve.endpoint());
        }
    }

    /**
     * Every run on an endpoint names what it makes {@code <name>-sh-<runid>} and deletes it at its end: none of those
     * names is left on the server, read through the SDK v2.
     */
    private static void assertNothingOfAnyRunIsLeft(String endpoint) {
        java.util.regex.Pattern runName = java.util.regex.Pattern.compile(".*-sh-[0-9a-f]{8}(\\.fifo)?");
        var settings = new io.selfheal.harness.backend.EndpointSettings(java.net.URI.create(endpoint), null,
                "us-east-1", null);
        var keys = software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "x"));
        try (var cloud = io.selfheal.harness.backend.EndpointCloud.connect(settings, keys);
             var sdk = new io.selfheal.harness.stack.CloudClients(cloud)) {
            List<String> names = new ArrayList<>();
            sdk.iam().listRoles().roles().forEach(r -> names.add(r.roleName()));
            sdk.lambda().listFunctions().functions().forEach(f -> names.add(f.functionName()));
            sdk.sqs().listQueues().queueUrls().forEach(u -> names.add(u.substring(u.lastIndexOf('/') + 1)));
            sdk.sns().listTopics().topics().forEach(t -> names.add(t.topicArn().substring(t.topicArn()
                    .lastIndexOf(':') + 1)));
            sdk.cloudWatch().describeAlarms().metricAlarms().forEach(a -> names.add(a.alarmName()));
            sdk.logs().describeLogGroups().logGroups().forEach(g -> names.add(g.logGroupName()));
            sdk.ec2().describeSecurityGroups().securityGroups().forEach(g -> names.add(g.groupName()));
            String own = cloud.runId().orElseThrow(); // this listing cloud's own tap, open until it closes
            sdk.events().listRules(r -> { }).rules().forEach(r -> names.add(r.name()));
            assertThat(names).filteredOn(n -> runName.matcher(n).matches() && !n.endsWith(own))
                    .isEmpty();
        }
    }

    @Test
    void withTheControlApiTheRepresentativeSetRunsInFull() throws Exception {
        try (ServeProcess serve = ServeProcess.start("--virtual-clock")) {
            Run run = run(serve.endpoint(), "examples/real-clock-ssh-revoked.yaml", "examples/real-clock-alarm.yaml",
                    "ec2/cpu-load-reboot-recovery.yaml");
            assertThat(run.output).as(run.output).contains("✓ example-real-clock-ssh-revoked",
                    "✓ example-real-clock-alarm", "✓ ec2-cpu-load-reboot-recovery", "3 passed, 0 failed in")
                    .doesNotContain("⊘");
            assertThat(run.exitCode).as(run.output).isZero();
        }
    }

    private record Run(int exitCode, String output) {
    }

    private static Run run(String endpoint, String... paths) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-jar", CLI_JAR.toString(), "run", "--endpoint-url",
                endpoint, "--region", "us-east-1"));
        command.addAll(List.of(paths));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        // The SDK's standard chain reads these; the emulator acts in its default account for any key.
        pb.environment().put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        pb.environment().remove("AWS_PROFILE");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as(output).isTrue();
        return new Run(p.exitValue(), output);
    }
}
