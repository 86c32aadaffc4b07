package io.selfheal.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.selfheal.harness.backend.EmbeddedCloud;
import io.selfheal.harness.expect.Expectation;
import io.selfheal.harness.scenario.Scenario;
import io.selfheal.harness.scenario.ScenarioLoader;
import io.selfheal.harness.steps.GuardDutyFindingFault;
import io.selfheal.harness.yaml.InvalidFileException;
import io.selfheal.harness.yaml.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.guardduty.model.Finding;
import software.amazon.awssdk.services.guardduty.model.FindingPublishingFrequency;

/**
 * The {@code guardDutyFinding} fault on a two-interface instance, read back through the AWS SDK's GuardDuty client:
 * the detector it turns on, the finding built from the instance's live state, and its recurrences folded into one
 * finding on the virtual clock ("Understanding GuardDuty findings": a recurrence raises {@code service.count} of the
 * same finding, https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings.html). Also the per-interface
 * probe of the instance expectation and the fault's reading errors.
 */
class GuardDutyFindingFaultTest {
    private static final String STACK = """
            scenario: guardduty-fault
            stack:
              securityGroups:
                web: {ingress: [{port: 443, cidr: 0.0.0.0/0}]}
                admin: {ingress: [{port: 22, cidr: 10.0.0.0/8}]}
              instances:
                app:
                  imageId: ami-0abcdef1234567890
                  networkInterfaces: [{securityGroups: [web]}, {securityGroups: [admin]}]
                  volumes: [{device: /dev/sdf, sizeGiB: 20}]
            """;
    private static final Scenario SCENARIO = new ScenarioLoader().load(Path.of("gd.yaml"), STACK + """
            faults:
              - guardDutyFinding: {instance: app, type: "Backdoor:EC2/C&CActivity.B", severity: 8, repeat: {every: PT15M, times: 3}}
            expect:
              outcomes:
                - instance: {ref: app, networkInterfaces: {count: 2}, snapshots: {count: 0}}
                - instance: {ref: app, networkInterfaces: {securityGroups: [web]}}
                - instance: {ref: app, networkInterfaces: {count: 2, groupNames: [web, admin]}}
            """);

    @Test
    void turnsGuardDutyOnAndFoldsTheRepeatsIntoOneFindingForTheInstance() {
        try (EmbeddedCloud cloud = new EmbeddedCloud(true); ScenarioRun run = new ScenarioRun(SCENARIO, cloud)) {
            run.provision();
            GuardDutyClient guardDuty = run.clients().guardDuty();
            assertThat(guardDuty.listDetectors(r -> { }).detectorIds()).isEmpty();

            SCENARIO.faults().get(0).inject(run);

            String detector = guardDuty.listDetectors(r -> { }).detectorIds().get(0);
            assertThat(guardDuty.getDetector(r -> r.detectorId(detector)).findingPublishingFrequency())
                    .isEqualTo(FindingPublishingFrequency.FIFTEEN_MINUTES);
            Finding first = onlyFinding(guardDuty, detector);
            assertThat(first.type()).isEqualTo("Backdoor:EC2/C&CActivity.B");
            assertThat(first.severity()).isEqualTo(8.0);
            assertThat(first.service().count()).isEqualTo(1);
            assertThat(first.resource().instanceDetails().instanceId()).isEqualTo(run.state().instanceId("app"));
            assertThat(first.resource().instanceDetails().networkInterfaces()).hasSize(2);

            assertThat(cloud.advanceUntil(() -> onlyFinding(guardDuty, detector).service().count() == 3,
                    Duration.ofMinutes(31))).as("two recurrences 15 and 30 minutes on").isTrue();
            assertThat(onlyFinding(guardDuty, detector).id()).isEqualTo(first.id());
        }
    }

    @Test
    void anExistingDetectorIsUsedAsItIs() {
        try (EmbeddedCloud cloud = new EmbeddedCloud(true); ScenarioRun run = new ScenarioRun(SCENARIO, cloud)) {
            run.provision();
            GuardDutyClient guardDuty = run.clients().guardDuty();
            String detector = guardDuty.createDetector(r -> r.enable(true)).detectorId();

            SCENARIO.faults().get(0).inject(run);

            assertThat(guardDuty.listDetectors(r -> { }).detectorIds()).containsExactly(detector);
            assertThat(guardDuty.getDetector(r -> r.detectorId(detector)).findingPublishingFrequency())
                    .isEqualTo(FindingPublishingFrequency.SIX_HOURS);
            assertThat(onlyFinding(guardDuty, detector).service().count()).isEqualTo(1);
        }
    }

    @Test
    void everyInterfaceIsProbedNotOnlyThePrimary() {
        try (EmbeddedCloud cloud = new EmbeddedCloud(true); ScenarioRun run = new ScenarioRun(SCENARIO, cloud)) {
            run.provision();
            List<Expectation> probes = SCENARIO.outcomes();

            assertThat(probes.get(0).check(run).holds()).as("two interfaces, the data volume not snapshotted")
                    .isTrue();
            assertThat(probes.get(1).check(run).holds()).as("the second interface is in admin, not web").isFalse();
            assertThat(probes.get(1).check(run).observed()).contains("(device 0) in [" + run.state()
                    .securityGroupId("web") + " web]").contains("(device 1) in [" + run.state()
                    .securityGroupId("admin") + " admin]");
            assertThat(probes.get(2).check(run).holds()).as("each interface in exactly one of them").isFalse();
            assertThat(probes.get(1).describe())
                    .isEqualTo("instance app every interface in security groups [web] only");
        }
    }

    @Test
    void theTypesItOffersAreTheOnesTheEmulatorInjects() {
        try (EmbeddedCloud cloud = new EmbeddedCloud(true)) {
            assertThat(GuardDutyFindingFault.TYPES)
                    .containsExactlyElementsOf(cloud.emulator().control().guardDuty().supportedTypes());
        }
    }

    @Test
    void mistakesAreReportedWhereTheyAre() {
        InvalidFileException e = catchThrowableOfType(InvalidFileException.class, () -> new ScenarioLoader().load(
                Path.of("bad.yaml"), STACK + """
                        faults:
                          - guardDutyFinding: {instance: app, type: "Backdoor:EC2/C&CActivity.C", severity: 11}
                          - guardDutyFinding: {instance: app, type: "Recon:EC2/PortProbeUnprotectedPort", repeat: {times: 0}}
                        expect:
                          outcomes:
                            - instance: {ref: app, networkInterfaces: {}}
                        """));
        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(Problem::toString)
                .anySatisfy(p -> assertThat(p).contains("faults[0].guardDutyFinding.type: 'Backdoor:EC2/C&CActivity.C'"
                        + " is not one of").contains("did you mean 'Backdoor:EC2/C&CActivity.B'"))
                .anySatisfy(p -> assertThat(p).contains("faults[0].guardDutyFinding.severity: GuardDuty severities"
                        + " run from 1.0 to 10.0"))
                .anySatisfy(p -> assertThat(p).contains("faults[1].guardDutyFinding.repeat: missing required key"
                        + " 'every'"))
                .anySatisfy(p -> assertThat(p).contains("faults[1].guardDutyFinding.repeat.times: times is at least 1"))
                .anySatisfy(p -> assertThat(p).contains("networkInterfaces: say what to expect of the interfaces"));
    }

    @Test
    void groupsGoOnTheInterfacesOrOnTheInstance() {
        InvalidFileException e = catchThrowableOfType(InvalidFileException.class, () -> new ScenarioLoader().load(
                Path.of("bad.yaml"), STACK.replace("networkInterfaces:", "securityGroups: [web]\n      networkInterfaces:")));
        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                .contains("stack.instances.app.securityGroups: with networkInterfaces, give each interface its"
                        + " securityGroups"));
    }

    private static Finding onlyFinding(GuardDutyClient guardDuty, String detector) {
        List<String> ids = guardDuty.listFindings(r -> r.detectorId(detector)).findingIds();
        assertThat(ids).hasSize(1);
        return guardDuty.getFindings(r -> r.detectorId(detector).findingIds(ids)).findings().get(0);
    }
}
