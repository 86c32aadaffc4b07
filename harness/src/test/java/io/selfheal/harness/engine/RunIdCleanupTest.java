package io.selfheal.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.Emulator;
import io.selfheal.harness.backend.EndpointCloud;
import io.selfheal.harness.backend.EndpointSettings;
import io.selfheal.harness.runid.CleanupReport;
import io.selfheal.harness.runid.Leftovers;
import io.selfheal.harness.runid.RunIdentity;
import io.selfheal.harness.runid.RunTagging;
import io.selfheal.harness.scenario.Scenario;
import io.selfheal.harness.scenario.ScenarioLoader;
import io.selfheal.harness.stack.CloudClients;
import io.selfheal.harness.stack.Provisioning;
import io.selfheal.harness.stack.StackState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Real-account safety on the endpoint backend, against an emulator without its control API (as AWS): every resource
 * a run makes is named {@code …-sh-<runid>} and tagged with the run id and scenario (read back through the SDK v2),
 * everything is deleted at the end — also when provisioning breaks half-way — and what a run that never cleaned up
 * left is found by its run id.
 */
class RunIdCleanupTest {
    private static final StaticCredentialsProvider KEYS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "secret"));
    private static final Path DIR = Path.of("src/test/resources/scenarios/runid");
    private static Emulator emulator;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).withoutControlApi().start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static EndpointCloud connect() {
        return EndpointCloud.connect(new EndpointSettings(emulator.endpoint(), null, "us-east-1", null), KEYS);
    }

    @Test
    void everyResourceIsNamedAndTaggedWithTheRunIdAndDeletedAtTheEnd() {
        Scenario scenario = new ScenarioLoader().load(DIR.resolve("every-kind.yaml"));
        String[] runIds = new String[1];
        try (EndpointCloud cloud = connect(); CloudClients sdk = new CloudClients(cloud);
             ScenarioRun run = new ScenarioRun(scenario, cloud)) {
            String runId = cloud.runId().orElseThrow();
            String marker = "-sh-" + runId;
            run.provision();
            StackState state = run.state();
            Map<String, String> tags = Map.of(RunIdentity.RUN_ID_TAG, runId, RunIdentity.SCENARIO_TAG,
                    "run-id-every-kind");

            assertThat(List.of(state.get("roles", "remediation", "name"), state.get("queues", "alerts", "name"),
                    state.get("topics", "notices", "name"), state.get("securityGroups", "web", "name"),
                    state.functionName("notify"), state.alarmName("cpuHigh"), state.get("rules", "alarmed", "name")))
                    .allSatisfy(name -> assertThat(name).endsWith(marker));
            assertThat(state.get("logGroups", "app", "name")).isEqualTo("/app/remediation" + marker);

            assertThat(sdk.sqs().listQueueTags(r -> r.queueUrl(state.get("queues", "alerts", "url"))).tags())
                    .containsAllEntriesOf(tags);
            assertThat(sdk.iam().listRoleTags(r -> r.roleName(state.get("roles", "remediation", "name"))).tags())
                    .extracting(t -> t.key() + "=" + t.value()).contains("selfheal:run-id=" + runId);
            assertThat(sdk.lambda().getFunction(r -> r.functionName(state.functionName("notify"))).tags())
                    .containsAllEntriesOf(tags);
            assertThat(sdk.sns().listTagsForResource(r -> r.resourceArn(state.get("topics", "notices", "arn"))).tags())
                    .extracting(t -> t.key() + "=" + t.value()).contains("selfheal:run-id=" + runId);
            assertThat(sdk.events().listTagsForResource(r -> r.resourceARN(state.ruleArn("alarmed"))).tags())
                    .extracting(t -> t.key() + "=" + t.value()).contains("selfheal:run-id=" + runId);
            // The alarm's tags are sent with PutMetricAlarm; the emulator cannot read them back (no
            // ListTagsForResource in its CloudWatch), so its name says whose it is.
            List<Tag> instanceTags = sdk.ec2().describeInstances(r -> r.instanceIds(state.instanceId("web")))
                    .reservations().get(0).instances().get(0).tags();
            assertThat(instanceTags).extracting(Tag::key).contains(RunIdentity.RUN_ID_TAG, RunIdentity.SCENARIO_TAG);
            assertThat(sdk.ec2().describeSecurityGroups(r -> r.groupIds(state.securityGroupId("web")))
                    .securityGroups().get(0).tags()).extracting(Tag::key).contains(RunIdentity.RUN_ID_TAG);

            assertThat(Leftovers.find(sdk, runId).deletions()).as("what cleanup --run-id would find meanwhile")
                    .hasSizeGreaterThanOrEqualTo(10);

            CleanupReport cleanup = run.cleanUp();
            assertThat(cleanup.failed()).isEmpty();
            assertThat(cleanup.deleted()).anyMatch(d -> d.startsWith("iam role ") && d.endsWith(marker))
                    .anyMatch(d -> d.startsWith("lambda function ") && d.endsWith(marker))
                    .anyMatch(d -> d.startsWith("ec2 instances "))
                    .anyMatch(d -> d.startsWith("ec2 security group "))
                    .anyMatch(d -> d.startsWith("autoscaling group ") && d.endsWith(marker))
                    .anyMatch(d -> d.startsWith("ec2 launch template ") && d.endsWith(marker))
                    .anyMatch(d -> d.startsWith("iam instance profile ") && d.endsWith(marker));
            assertThat(sdk.autoScaling().describeAutoScalingGroups().autoScalingGroups()).as("groups left")
                    .noneMatch(g -> g.autoScalingGroupName().endsWith(marker));
            assertThat(sdk.ec2().describeLaunchTemplates().launchTemplates()).as("launch templates left")
                    .noneMatch(t -> t.launchTemplateName().endsWith(marker));
            assertThat(sdk.iam().listInstanceProfiles().instanceProfiles()).as("instance profiles left")
                    .noneMatch(i -> i.instanceProfileName().endsWith(marker));
            Leftovers.Found after = Leftovers.find(sdk, runId);
            assertThat(after.unlisted()).isEmpty();
            assertThat(after.deletions()).as("nothing of the run is left but the harness's tap, closed with the cloud")
                    .extracting(d -> d.resource()).allMatch(r -> r.endsWith("tap" + marker));
            assertThat(run.cleanUp()).as("once").isSameAs(cleanup);
            runIds[0] = runId;
        }
        try (EndpointCloud cloud = connect(); CloudClients sdk = new CloudClients(cloud)) {
            assertThat(Leftovers.find(sdk, runIds[0]).deletions()).isEmpty();
        }
    }

    @Test
    void aProvisioningThatBreaksHalfWayLeavesNothingBehind() {
        Scenario scenario = new ScenarioLoader().load(DIR.resolve("breaks-half-way.yaml"));
        String[] runId = new String[1];
        ScenarioResult result = new ScenarioRunner(s -> {
            EndpointCloud cloud = connect();
            runId[0] = cloud.runId().orElseThrow();
            return cloud;
        }).run(scenario);

        assertThat(result.error()).as(result.toString()).startsWith("provisioning failed: ").contains("not-an-array");
        assertThat(result.facts().cleanup().failed()).isEmpty();
        assertThat(result.facts().cleanup().deleted()).as("what was made before the refusal")
                .anyMatch(d -> d.startsWith("ec2 instances ")).anyMatch(d -> d.startsWith("sqs queue "));
        assertThat(result.facts().backend()).contains("run id " + runId[0]);
        try (EndpointCloud cloud = connect(); CloudClients sdk = new CloudClients(cloud)) {
            assertThat(Leftovers.find(sdk, runId[0]).deletions()).isEmpty();
        }
    }

    @Test
    void whatARunThatNeverCleanedUpLeftIsFoundByItsRunId() {
        Scenario scenario = new ScenarioLoader().load(DIR.resolve("every-kind.yaml"));
        RunIdentity identity = new RunIdentity(RunIdentity.newRunId(), scenario.name());
        try (EndpointCloud cloud = connect(); CloudClients sdk = new CloudClients(cloud);
             CloudClients tagged = new CloudClients(cloud, List.of(new RunTagging(identity)))) {
            // A run killed after provisioning: tagged and named, but no ledger and no cleanup.
            new Provisioning(tagged, cloud, identity).provision(scenario.stack());

            Leftovers.Found found = Leftovers.find(sdk, identity.runId());
            assertThat(found.unlisted()).isEmpty();
            assertThat(found.deletions()).extracting(d -> d.resource().substring(0, d.resource().lastIndexOf(' ')))
                    .contains("events rule", "cloudwatch alarm", "lambda function", "ec2 instances",
                            "ec2 security group", "sns topic", "sqs queue", "iam role", "logs log group");
            CleanupReport report = CleanupReport.run(found.deletions(), sdk);
            assertThat(report.failed()).isEmpty();
            assertThat(Leftovers.find(sdk, identity.runId()).deletions()).isEmpty();
        }
    }
}
