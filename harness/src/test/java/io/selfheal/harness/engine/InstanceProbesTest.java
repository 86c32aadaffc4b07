package io.selfheal.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.harness.backend.EmbeddedCloud;
import io.selfheal.harness.expect.Expectation;
import io.selfheal.harness.expect.Verdict;
import io.selfheal.harness.scenario.Scenario;
import io.selfheal.harness.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;

/**
 * The instance expectation's securityGroups and snapshots probes, before and after an isolation done through the EC2
 * API as a remediation would do it: ModifyInstanceAttribute (groups) and CreateSnapshot of its volume.
 */
class InstanceProbesTest {
    private static final Scenario SCENARIO = new ScenarioLoader().load(Path.of("probes.yaml"), """
            scenario: probes
            stack:
              securityGroups:
                web: {ingress: [{port: 443, cidr: 0.0.0.0/0}]}
                quarantine: {egress: []}
              instances:
                app: {imageId: ami-0abcdef1234567890, securityGroups: [web]}
            expect:
              outcomes:
                - instance: {ref: app, securityGroups: [web]}
                - instance: {ref: app, securityGroups: ["${securityGroups.quarantine.id}"]}
                - instance: {ref: app, snapshots: {count: 0}}
                - instance: {ref: app, snapshots: {atLeast: 1, state: completed}}
                - instance: {ref: app, snapshots: {count: 1, state: pending}}
            """);

    @Test
    void groupsAndSnapshotsAreObservedBeforeAndAfterAnIsolation() {
        try (EmbeddedCloud cloud = new EmbeddedCloud(true); ScenarioRun run = new ScenarioRun(SCENARIO, cloud)) {
            run.provision();
            List<Expectation> probes = SCENARIO.outcomes();
            String id = run.state().instanceId("app");
            String web = run.state().securityGroupId("web");
            String quarantine = run.state().securityGroupId("quarantine");

            assertThat(verdicts(probes, run)).containsExactly(true, false, true, false, false);
            assertThat(probes.get(1).check(run).observed())
                    .contains("in security groups [" + web + "] (expected [" + quarantine + "])");
            assertThat(probes.get(3).check(run).observed()).contains("0 snapshots of volumes [vol-");

            Ec2Client ec2 = run.clients().ec2();
            ec2.modifyInstanceAttribute(r -> r.instanceId(id).groups(quarantine));
            String volume = ec2.describeVolumes(r -> r.filters(Filter.builder().name("attachment.instance-id")
                    .values(id).build())).volumes().get(0).volumeId();
            ec2.createSnapshot(r -> r.volumeId(volume).description("isolation of " + id));
            assertThat(verdicts(probes, run)).containsExactly(false, true, false, false, true);
            assertThat(probes.get(2).check(run).observed())
                    .contains("1 snapshot of volumes [" + volume + "] {pending=1}");

            assertThat(cloud.advanceUntil(() -> probes.get(3).check(run).holds(), Duration.ofMinutes(1)))
                    .as("the snapshot completes").isTrue();
            assertThat(probes.get(4).check(run).holds()).isFalse();
        }
    }

    @Test
    void describesWhatItExpects() {
        assertThat(SCENARIO.outcomes()).extracting(Expectation::describe).containsExactly(
                "instance app is in security groups [web] only",
                "instance app is in security groups [quarantine] only",
                "instance app has exactly 0 snapshots of its volumes",
                "instance app has at least 1 completed snapshot of its volumes",
                "instance app has exactly 1 pending snapshot of its volumes");
    }

    private static List<Boolean> verdicts(List<Expectation> probes, ScenarioRun run) {
        return probes.stream().map(p -> p.check(run)).map(Verdict::holds).toList();
    }
}
