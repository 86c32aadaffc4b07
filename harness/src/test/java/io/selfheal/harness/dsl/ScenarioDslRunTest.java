package io.selfheal.harness.dsl;

import static io.selfheal.harness.dsl.Selfheal.assertPassed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator.GREATER_THAN_THRESHOLD;
import static software.amazon.awssdk.services.cloudwatch.model.StateValue.ALARM;
import static software.amazon.awssdk.services.cloudwatch.model.StateValue.OK;

import io.selfheal.harness.engine.CheckResult;
import io.selfheal.harness.engine.ScenarioResult;
import io.selfheal.harness.junit5.RunningEmulator;
import io.selfheal.harness.junit5.SelfhealCloud;
import io.selfheal.harness.scenario.Scenario;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/** Scenarios built in Java, run by the engine on embedded emulators (virtual clocks). */
@SelfhealCloud
class ScenarioDslRunTest {

    /** An alarm forced to ALARM: CloudWatch's state-change event must reach the bus. No function, so it is cheap. */
    private static ScenarioBuilder alarmForced() {
        return Scenarios.scenario("alarm-state-change-reaches-the-bus")
                .stack(stack -> stack
                        .instance("web", i -> i.imageId("ami-0abcdef1234567890"))
                        .alarm("cpuHigh", a -> a.name("EC2-CPU-High-webserver-prod")
                                .metric("AWS/EC2", "CPUUtilization")
                                .dimension("InstanceId", Refs.instance("web").id()).period(60)
                                .threshold(GREATER_THAN_THRESHOLD, 90)))
                .steadyState(Probes.instance("web").running())
                .fault(Faults.alarmState("cpuHigh", ALARM))
                .expect(Duration.ofMinutes(1),
                        Outcomes.events("aws.cloudwatch", "CloudWatch Alarm State Change").count(1),
                        Outcomes.alarm("cpuHigh").state(ALARM));
    }

    @Test
    void aScenarioBuiltInJavaRunsAndPasses() {
        ScenarioResult result = Selfheal.run(alarmForced());

        assertPassed(result);
        assertThat(result.checks()).extracting(CheckResult::name).containsExactly("outcome");
    }

    @Test
    void aFailedRunFailsTheAssertionWithTheEnginesStory() {
        ScenarioResult result = Selfheal.run(alarmForced()
                .expect(Outcomes.never(Outcomes.apiCalls("monitoring", "SetAlarmState").atLeast(1)),
                        Outcomes.alarm("cpuHigh").state(OK)));

        assertThat(result.passed()).isFalse();
        assertThatThrownBy(() -> assertPassed(result))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("scenario alarm-state-change-reaches-the-bus failed\noutcome: ")
                .hasMessageContaining("✗ alarm cpuHigh is OK — observed: EC2-CPU-High-webserver-prod is ")
                .hasMessageContaining("✗ never: monitoring SetAlarmState called at least 1 time — observed: "
                        + "at PT0S after the fault start, it happened: 1 successful SetAlarmState call")
                .hasMessageContaining("What happened after the fault:");
    }

    @Test
    void aScenarioRunsOnTheEmulatorOfTheJunitExtensionWhichStaysOpen(RunningEmulator cloud,
                                                                    CloudWatchClient cloudWatch) {
        ScenarioResult result = Selfheal.run(alarmForced().build(), cloud);

        assertPassed(result);
        // The scenario's alarm is in the extension's emulator, still answering after the run.
        assertThat(cloudWatch.describeAlarms(r -> r.alarmNames("EC2-CPU-High-webserver-prod")).metricAlarms())
                .singleElement().satisfies(a -> assertThat(a.stateValue()).isEqualTo(ALARM));
    }

    @Test
    void aRealClockScenarioIsRefusedOnAVirtualClockEmulator(RunningEmulator cloud) {
        Scenario real = alarmForced().realClock().build();

        assertThatThrownBy(() -> Selfheal.run(real, cloud)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scenario alarm-state-change-reaches-the-bus runs on a real clock, the emulator on a "
                        + "virtual one");
    }

    /** The whole loop with the real remediation in its own JVM (needs remediations/target/remediations-lambda.jar). */
    @Test
    void theCpuLoadRebootRecoveryScenarioInJavaPassesAsItsYamlDoes() {
        ScenarioResult result = Selfheal.run(ExampleScenarios.cpuLoadRebootRecovery());

        assertPassed(result);
        assertThat(result.checks()).extracting(CheckResult::name)
                .containsExactly("outcome", "recovery", "nothing-lost", "idempotency", "idempotency-late");
        assertThat(result.recovery()).isGreaterThan(Duration.ofMinutes(5)).isLessThanOrEqualTo(Duration.ofMinutes(20));
    }
}
