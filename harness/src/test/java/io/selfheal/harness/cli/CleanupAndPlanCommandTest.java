package io.selfheal.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.Emulator;
import io.selfheal.harness.backend.EndpointCloud;
import io.selfheal.harness.backend.EndpointSettings;
import io.selfheal.harness.runid.RunIdentity;
import io.selfheal.harness.runid.RunTagging;
import io.selfheal.harness.scenario.Scenario;
import io.selfheal.harness.scenario.ScenarioLoader;
import io.selfheal.harness.stack.CloudClients;
import io.selfheal.harness.stack.Provisioning;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * {@code selfheal run --plan} lists the provisioning's calls without calling the endpoint; {@code selfheal cleanup
 * --run-id} finds a killed run's leftovers on an endpoint (an emulator without its control API, as AWS), lists them
 * with {@code --dry-run} and deletes them.
 */
class CleanupAndPlanCommandTest {
    private static final String FILE = "src/test/resources/scenarios/runid/every-kind.yaml";

    @Test
    void thePlanListsEveryProvisioningCallNamedForTheRunAndCallsNothing() {
        // Nothing listens on port 1: a call to the endpoint would fail the plan.
        CliCapture plan = CliCapture.run("run", "--plan", "--endpoint-url", "http://127.0.0.1:1", "--region",
                "us-east-1", FILE);
        assertThat(plan.exit()).as(plan.out() + plan.err()).isZero();
        assertThat(plan.out()).contains("plan: run-id-every-kind", "names and tags as run id ")
                .containsPattern("iam CreateRole RoleName=remediation-sh-[0-9a-f]{8}")
                .containsPattern("sqs CreateQueue QueueName=alerts-sh-[0-9a-f]{8}")
                .containsPattern("lambda CreateFunction FunctionName=notify-sh-[0-9a-f]{8}")
                .containsPattern("eventbridge PutRule Name=alarmed-sh-[0-9a-f]{8}")
                .containsPattern("cloudwatch PutMetricAlarm AlarmName=cpu-high-sh-[0-9a-f]{8}")
                .contains("ec2 RunInstances", "nothing was called on the endpoint")
                .doesNotContain("would stop");

        CliCapture embedded = CliCapture.run("run", "--plan", FILE);
        assertThat(embedded.exit()).isZero();
        assertThat(embedded.out()).contains("sqs CreateQueue QueueName=alerts").doesNotContain("-sh-");
    }

    @Test
    void cleanupFindsAKilledRunsLeftoversByItsRunIdAndDeletesThem() {
        String key = System.getProperty("aws.accessKeyId");
        String secret = System.getProperty("aws.secretAccessKey");
        System.setProperty("aws.accessKeyId", "AKIAIOSFODNN7EXAMPLE");
        System.setProperty("aws.secretAccessKey", "secret");
        try (Emulator emulator = Emulator.builder().port(0).withoutControlApi().start();
             EndpointCloud cloud = EndpointCloud.account(new EndpointSettings(emulator.endpoint(), null, "us-east-1",
                     null))) {
            Scenario scenario = new ScenarioLoader().load(Path.of(FILE));
            RunIdentity identity = new RunIdentity(RunIdentity.newRunId(), scenario.name());
            try (CloudClients tagged = new CloudClients(cloud, List.of(new RunTagging(identity)))) {
                new Provisioning(tagged, cloud, identity).provision(scenario.stack());
            }
            String endpoint = emulator.endpoint().toString();

            CliCapture dry = CliCapture.run("cleanup", "--run-id", identity.runId(), "--endpoint-url", endpoint,
                    "--region", "us-east-1", "--dry-run");
            assertThat(dry.exit()).as(dry.out() + dry.err()).isZero();
            assertThat(dry.out()).contains("would delete iam role remediation" + identity.marker(),
                    "would delete ec2 instances ", "would delete events rule alarmed" + identity.marker())
                    .doesNotContain("  deleted");

            CliCapture cleanup = CliCapture.run("cleanup", "--run-id", identity.runId(), "--endpoint-url", endpoint,
                    "--region", "us-east-1");
            assertThat(cleanup.exit()).as(cleanup.out() + cleanup.err()).isZero();
            assertThat(cleanup.out()).contains("deleted lambda function notify" + identity.marker(),
                    "deleted ec2 security group ").doesNotContain("could not");

            CliCapture again = CliCapture.run("cleanup", "--run-id", identity.runId(), "--endpoint-url", endpoint,
                    "--region", "us-east-1", "--dry-run");
            assertThat(again.out()).contains(": 0 left");
        } finally {
            restore("aws.accessKeyId", key);
            restore("aws.secretAccessKey", secret);
        }
    }

    @Test
    void cleanupRefusesABadRunIdOrNoEndpoint() {
        CliCapture bad = CliCapture.run("cleanup", "--run-id", "XYZ", "--endpoint-url", "http://127.0.0.1:1");
        assertThat(bad.exit()).isEqualTo(SelfhealCli.INVALID);
        assertThat(bad.err()).contains("8 lowercase hex digits");
        CliCapture none = CliCapture.run("cleanup", "--run-id", "1a2b3c4d");
        assertThat(none.exit()).isEqualTo(SelfhealCli.INVALID);
        assertThat(none.err()).contains("needs --endpoint-url or --real-aws");
        CliCapture real = CliCapture.run("cleanup", "--run-id", "1a2b3c4d", "--real-aws");
        assertThat(real.err()).contains("--confirm-account");
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
