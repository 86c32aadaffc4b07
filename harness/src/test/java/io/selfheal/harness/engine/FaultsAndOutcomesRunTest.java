package io.selfheal.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.control.EventRecord;
import io.selfheal.harness.backend.EmbeddedCloud;
import io.selfheal.harness.scenario.Scenario;
import io.selfheal.harness.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Timed faults, the new fault kinds and outcomes, run against an embedded emulator on a virtual clock. */
class FaultsAndOutcomesRunTest {
    private static final String STACK = """
            scenario: %s
            stack:
              instances:
                web: {imageId: ami-0abcdef1234567890, monitoring: detailed, tags: {Name: web}}
              alarms:
                cpuHigh:
                  name: cpu-high
                  namespace: AWS/EC2
                  metric: CPUUtilization
                  dimensions: {InstanceId: "${instances.web.id}"}
                  statistic: Average
                  period: 60
                  evaluationPeriods: 5
                  threshold: 90
                  comparison: GreaterThanThreshold
            steadyState:
              - alarm: {alarm: cpuHigh, state: OK}
            """;

    private static Scenario scenario(String name, String rest) {
        return new ScenarioLoader().load(Path.of(name + ".yaml"), STACK.formatted(name) + rest);
    }

    @Test
    void faultsHappenAtTheirVirtualTimesWhileTheCloudKeepsRunning() {
        Scenario s = scenario("timed", """
                faults:
                  - at: PT3M
                    instanceLoad: {instance: web, cpu: 99, for: PT2M}
                  - at: PT10M
                    stopInstance: {instance: web}
                expect:
                  within: PT5M
                  outcomes:
                    - instance: {ref: web, state: stopped, tags: {Name: web}}
                    - metric: {namespace: AWS/EC2, name: CPUUtilization, dimensions: {InstanceId: "${instances.web.id}"},
                               statistic: Maximum, window: PT15M, comparison: GreaterThanOrEqualToThreshold,
                               threshold: 99}
                    - never: {alarm: {alarm: cpuHigh, state: ALARM}}
                """);
        // the metric outcome holds only if the instance kept publishing while the clock advanced to the faults
        try (EmbeddedCloud cloud = new EmbeddedCloud(true); ScenarioRun run = new ScenarioRun(s, cloud)) {
            run.provision();
            run.establishSteadyState();
            Instant steady = cloud.now();
            run.injectFaults();
            assertThat(run.faultStart()).as("the first fault's injection").isEqualTo(steady.plus(Duration.ofMinutes(3)));
            assertThat(cloud.now()).isEqualTo(steady.plus(Duration.ofMinutes(10)));
            CheckResult outcome = run.verifyOutcome();
            assertThat(outcome.passed()).as(String.valueOf(outcome.message())).isTrue();
            assertThat(cloud.now()).as("never is watched to the deadline").isEqualTo(steady.plus(Duration.ofMinutes(15)));
            // from the first fault (PT3M) to the stop (PT10M) taking effect
            assertThat(run.recovery()).isBetween(Duration.ofMinutes(7), Duration.ofMinutes(8));
        }
    }

    @Test
    void onARealClockAFaultWaitsForItsTime() {
        Scenario s = new ScenarioLoader().load(Path.of("real.yaml"), """
                scenario: real
                clock: real
                stack:
                  instances:
                    web: {imageId: ami-0abcdef1234567890}
                faults:
                  - at: PT1S
                    rebootInstance: {instance: web}
                """);
        try (EmbeddedCloud cloud = new EmbeddedCloud(false); ScenarioRun run = new ScenarioRun(s, cloud)) {
            run.provision();
            Instant steady = cloud.now();
            run.injectFaults();
            assertThat(run.faultStart()).isAfterOrEqualTo(steady.plusSeconds(1));
            assertThat(cloud.observation().calls()).filteredOn(c -> c.operation().equals("RebootInstances")).singleElement()
                    .satisfies(c -> assertThat(c.succeeded()).isTrue());
        }
    }

    @Test
    void neverFailsAtTheFirstCheckWhereItsExpectationHeldAndSaysWhatWasObserved() {
        Scenario s = scenario("never-broken", """
                faults:
                  - instanceLoad: {instance: web, cpu: 99, until: reboot}
                expect:
                  within: PT15M
                  outcomes:
                    - never: {alarm: {alarm: cpuHigh, state: ALARM}}
                """);
        ScenarioResult result = new ScenarioRunner().run(s);
        assertThat(result.checks()).singleElement().satisfies(c -> {
            assertThat(c.passed()).isFalse();
            assertThat(c.message()).contains("✗ never: alarm cpuHigh is ALARM — observed: at PT",
                    "after the fault start, it happened: cpu-high is ALARM");
        });
        assertThat(result.recovery()).isNull();
    }

    @Test
    void aFixtureEventIsPutWithItsOverridesResolved() {
        Scenario s = scenario("put-event", """
                faults:
                  - putEvent:
                      fixture: guardduty-finding
                      overrides: {detail.resource.instanceDetails.instanceId: "${instances.web.id}"}
                  - putEvent: {source: my.app, detailType: Order Failed, detail: {orderId: 7}}
                expect:
                  outcomes:
                    - events: {source: aws.guardduty, detailType: GuardDuty Finding, count: 1}
                    - events: {source: my.app, detailType: Order Failed, atLeast: 1, atMost: 1}
                """);
        try (EmbeddedCloud cloud = new EmbeddedCloud(true); ScenarioRun run = new ScenarioRun(s, cloud)) {
            run.provision();
            run.establishSteadyState();
            run.injectFaults();
            CheckResult outcome = run.verifyOutcome();
            assertThat(outcome.passed()).as(String.valueOf(outcome.message())).isTrue();
            EventRecord finding = cloud.observation().events().stream()
                    .filter(e -> e.event().path("source").asText().equals("aws.guardduty")).findFirst().orElseThrow();
            assertThat(finding.event().path("detail").path("resource").path("instanceDetails").path("instanceId")
                    .asText()).isEqualTo(run.state().instanceId("web"));
            assertThat(finding.event().path("detail").path("type").asText()).isEqualTo("Backdoor:EC2/C&CActivity.B");
        }
    }

    @Test
    void operatorFaultsGoThroughTheEc2Api() {
        Scenario s = scenario("operator", """
                faults:
                  - rebootInstance: {instance: web}
                  - at: PT1M
                    terminateInstance: {instance: web}
                expect:
                  within: PT5M
                  outcomes:
                    - instance: {ref: web, state: terminated, rebootCount: 1}
                    - apiCalls: {service: ec2, operation: TerminateInstances, count: 1}
                """);
        ScenarioResult result = new ScenarioRunner().run(s);
        assertThat(result.checks()).singleElement().satisfies(c -> assertThat(c.passed()).as(c.message()).isTrue());
    }

    @Test
    void aFailingCountSaysWhatWasObserved() {
        Scenario s = scenario("count", """
                faults:
                  - rebootInstance: {instance: web}
                expect:
                  within: PT1M
                  outcomes:
                    - apiCalls: {service: ec2, operation: RebootInstances, atLeast: 2}
                """);
        ScenarioResult result = new ScenarioRunner().run(s);
        assertThat(result.checks()).singleElement().satisfies(c -> assertThat(c.message()).contains(
                "✗ ec2 RebootInstances called at least 2 times — observed: 1 successful RebootInstances call"));
    }
}
