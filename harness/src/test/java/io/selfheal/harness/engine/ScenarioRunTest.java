package io.selfheal.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.harness.backend.EmbeddedCloud;
import io.selfheal.harness.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Whole runs of the scenarios under {@code scenarios/runs}, on embedded clouds with virtual clocks. */
class ScenarioRunTest {
    private static final Path RUNS = Path.of("src/test/resources/scenarios/runs");
    private final ScenarioLoader loader = new ScenarioLoader();

    private ScenarioResult run(String file) {
        return new ScenarioRunner().run(loader.load(RUNS.resolve(file)));
    }

    @Test
    void recoveryWithinTheBoundIsMeasuredInVirtualTimeAndEveryRedeliveryModeIsACheck() {
        ScenarioResult result = run("recovers.yaml");
        assertThat(result.checks()).extracting(CheckResult::name)
                .containsExactly("outcome", "recovery", "nothing-lost", "idempotency", "idempotency-late");
        assertThat(result.passed()).as(result.reason()).isTrue();
        // Five minutes of CPU above 90 before the alarm fires, then the reboot and an OK evaluation: 5–20 minutes.
        assertThat(result.recovery()).isGreaterThan(Duration.ofMinutes(5)).isLessThanOrEqualTo(Duration.ofMinutes(20));
        assertThat(result.recoveryBound()).isEqualTo(Duration.ofMinutes(20));
        assertThat(result.recoveryWall()).isPositive().isLessThan(result.recovery());
    }

    @Test
    void aSteadyStateBackLaterThanTheBoundFailsTheRecoveryCheckOnly() {
        ScenarioResult result = run("slow-recovery.yaml");
        assertThat(result.checks()).extracting(CheckResult::name).containsExactly("outcome", "recovery", "nothing-lost");
        assertThat(result.checks().get(0).passed()).as(result.checks().get(0).message()).isTrue();
        CheckResult recovery = result.checks().get(1);
        assertThat(recovery.passed()).isFalse();
        assertThat(recovery.message()).contains("over the bound of PT4M of virtual time from the first fault")
                .contains("steady state: alarm");
    }

    @Test
    void aFailedOutcomeTellsTheNearestMissOfEveryRuleTheEventDidNotMatch() {
        ScenarioResult result = run("wrong-alarm-name.yaml");
        assertThat(result.passed()).isFalse();
        String message = result.checks().get(0).message();
        assertThat(message)
                .containsPattern("events put: \\d")
                .contains("aws.cloudwatch / CloudWatch Alarm State Change")
                .contains("rule db-cpu-high-reboot: detail.alarmName expected [\"DB-CPU-High-orders\"], "
                        + "event had \"EC2-CPU-High-webserver-prod\"")
                .contains("rule ec2-cpu-ok-reboot: detail.state.value expected [\"OK\"], event had \"ALARM\"")
                .doesNotContain("detail.previousState.value expected [\"INSUFFICIENT_DATA\"], event had \"INSUFFICIENT_DATA\"")
                .contains("nearest miss: rule ")
                .contains("function reboot-on-high-cpu: 0 invocation(s)")
                .contains("final state:")
                .contains("from sources no rule of the stack listens to: ")
                .contains("alarms: cpuHigh EC2-CPU-High-webserver-prod ")
                // After the fault, not provisioning: the fault's SetAlarmState is the only mutating call.
                .contains("mutating API calls: 1\n    monitoring SetAlarmState");
        // A field that matched is not blamed.
        assertThat(message).doesNotContain("detail-type expected").doesNotContain("source expected");
    }

    @Test
    void everyRedeliveryModeNamesTheRedeliveryBehindEachMutatingCall() {
        ScenarioResult result = run("no-transition-identity.yaml");
        assertThat(result.checks()).extracting(CheckResult::name)
                .containsExactly("outcome", "nothing-lost", "idempotency", "idempotency-concurrent");
        assertThat(result.checks().get(0).passed()).as(result.checks().get(0).message()).isTrue();
        assertThat(result.checks().get(1).passed()).as(result.checks().get(1).message()).isTrue();
        CheckResult sequential = result.checks().get(2);
        assertThat(sequential.passed()).isFalse();
        assertThat(sequential.message()).contains("2 sequential redeliveries of 1 trigger(s) were not harmless")
                .containsPattern("redelivery 1/2 \\(sequential\\) of event [0-9a-f-]+ \\(CloudWatch Alarm State "
                        + "Change\\) caused ec2 RebootInstances by arn:aws:sts::\\d+:assumed-role/reboot-on-high-cpu-role")
                .contains("redelivery 2/2 (sequential)")
                .contains("resources changed").contains("reboots=1").contains("reboots=3");
        CheckResult concurrent = result.checks().get(3);
        assertThat(concurrent.passed()).isFalse();
        assertThat(concurrent.message()).contains("2 concurrent redeliveries of 1 trigger(s) were not harmless")
                .contains("one of the 2 concurrent redeliveries of ").contains("caused ec2 RebootInstances");
    }

    @Test
    void runsInParallelEachOnItsOwnCloud() {
        Set<String> endpoints = ConcurrentHashMap.newKeySet();
        ScenarioRunner runner = new ScenarioRunner(s -> {
            EmbeddedCloud cloud = new EmbeddedCloud(s.virtualTime());
            endpoints.add(cloud.describe());
            return cloud;
        });
        List<CompletableFuture<ScenarioResult>> runs = List.of("wrong-alarm-name.yaml", "no-transition-identity.yaml")
                .stream().map(f -> CompletableFuture.supplyAsync(() -> runner.run(loader.load(RUNS.resolve(f)))))
                .toList();
        List<ScenarioResult> results = runs.stream().map(CompletableFuture::join).toList();
        assertThat(endpoints).hasSize(2);
        assertThat(results.get(0).checks().get(0).passed()).isFalse();
        assertThat(results.get(1).checks().get(0).passed()).as(results.get(1).checks().get(0).message()).isTrue();
        // Each cloud saw only its own scenario: one reboot in the second, no invocation at all in the first.
        assertThat(results.get(0).checks().get(0).message()).contains("mutating API calls: 1\n")
                .doesNotContain("RebootInstances");
    }
}
