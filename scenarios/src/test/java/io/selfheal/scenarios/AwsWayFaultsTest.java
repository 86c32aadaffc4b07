package io.selfheal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.harness.backend.Capability;
import io.selfheal.harness.backend.Cloud;
import io.selfheal.harness.backend.EmbeddedCloud;
import io.selfheal.harness.engine.ScenarioResult;
import io.selfheal.harness.engine.ScenarioRunner;
import io.selfheal.harness.scenario.Scenario;
import io.selfheal.harness.scenario.ScenarioLoader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.guardduty.model.Finding;

/**
 * The faults that use AWS's own way where a backend has no emulator controls: CPU load published with
 * {@code PutMetricData} as the CloudWatch agent's {@code CWAgent cpu_usage_active} (AWS refuses {@code AWS/}
 * namespaces: https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricData.html), and GuardDuty
 * samples through {@code CreateSampleFindings}
 * (https://docs.aws.amazon.com/guardduty/latest/APIReference/API_CreateSampleFindings.html). Each runs on an embedded
 * emulator whose cloud offers neither CPU load nor finding injection, read back through the AWS SDK v2; what AWS has
 * no way for is skipped with why.
 */
class AwsWayFaultsTest {
    private static final Set<Capability> NO_INJECTION = EnumSet.complementOf(
            EnumSet.of(Capability.CPU_LOAD, Capability.STOP_RESPONDING, Capability.GUARDDUTY_INJECTION));

    @Test
    void aLoadOnACwAgentAlarmIsPublishedWithPutMetricDataAndTheTeamsAlarmRebootsTheInstance() {
        Scenario scenario = new ScenarioLoader().load(Path.of("ec2/cwagent-cpu-reboot.yaml"));
        assertThat(scenario.needs()).as("PutMetricData is an AWS API").containsOnly(Capability.VIRTUAL_CLOCK);
        List<Datapoint> published = new ArrayList<>();
        ScenarioResult result = new ScenarioRunner(sc -> restricted(new EmbeddedCloud(sc.virtualTime(), sc.idSeed())))
                .onFinished((run, r) -> published.addAll(run.clients().cloudWatch().getMetricStatistics(q -> q
                        .namespace("CWAgent").metricName("cpu_usage_active")
                        .dimensions(d -> d.name("InstanceId").value(run.state().instanceId("web")))
                        .startTime(run.cloud().now().minus(Duration.ofHours(1))).endTime(run.cloud().now())
                        .period(60).statistics(Statistic.MAXIMUM)).datapoints()))
                .run(scenario);

        assertThat(result.passed()).as(String.valueOf(result.reason())).isTrue();
        assertThat(published).as("one 99%% datapoint a minute for PT6M").hasSize(6)
                .allSatisfy(p -> assertThat(p.maximum()).isEqualTo(99.0));
    }

    @Test
    void aLoadOnAnAwsEc2AlarmStaysSkippedWithWhyPutMetricDataCannotStandIn() {
        Scenario scenario = new ScenarioLoader().load(Path.of("ec2/cpu-load-reboot-recovery.yaml"));
        ScenarioResult result = new ScenarioRunner(sc -> restricted(new EmbeddedCloud(sc.virtualTime(), sc.idSeed())))
                .run(scenario);

        assertThat(result.isSkipped()).isTrue();
        assertThat(result.skipReason()).contains("cpu load injection (AWS refuses PutMetricData into AWS/EC2; alarm on"
                + " a custom metric such as the CloudWatch agent's CWAgent cpu_usage_active to run this on AWS)");
    }

    @Test
    void aSampleFindingComesFromCreateSampleFindingsAndNamesAPlaceholderInstance() {
        Scenario scenario = new ScenarioLoader().load(Path.of("sample.yaml"), """
                scenario: guardduty-sample-without-controls
                stack:
                  instances:
                    web: {imageId: ami-0abcdef1234567890}
                faults:
                  - guardDutyFinding: {sample: true, type: "Backdoor:EC2/C&CActivity.B"}
                expect:
                  outcomes:
                    - instance: {ref: web, state: running, snapshots: {count: 0}}
                """);
        assertThat(scenario.needs()).containsOnly(Capability.VIRTUAL_CLOCK);
        List<Finding> findings = new ArrayList<>();
        ScenarioResult result = new ScenarioRunner(sc -> restricted(new EmbeddedCloud(sc.virtualTime(), sc.idSeed())))
                .onFinished((run, r) -> {
                    GuardDutyClient guardDuty = run.clients().guardDuty();
                    String detector = guardDuty.listDetectors(q -> { }).detectorIds().get(0);
                    List<String> ids = guardDuty.listFindings(q -> q.detectorId(detector)).findingIds();
                    findings.addAll(guardDuty.getFindings(q -> q.detectorId(detector).findingIds(ids)).findings());
                })
                .run(scenario);

        assertThat(result.passed()).as(String.valueOf(result.reason())).isTrue();
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo("Backdoor:EC2/C&CActivity.B");
            assertThat(f.resource().instanceDetails().instanceId()).isEqualTo("i-99999999");
        });
    }

    @Test
    void aFindingForAChosenInstanceStaysSkippedWithWhy() {
        Scenario scenario = new ScenarioLoader()
                .load(Path.of("guardduty/low-severity-and-sample-findings-change-nothing.yaml"));
        ScenarioResult result = new ScenarioRunner(sc -> restricted(new EmbeddedCloud(sc.virtualTime(), sc.idSeed())))
                .run(scenario);

        assertThat(result.isSkipped()).isTrue();
        assertThat(result.skipReason()).isEqualTo("needs GuardDuty finding injection (AWS has no API to raise a finding"
                + " for a chosen instance; CreateSampleFindings makes sample findings about placeholder instances)");
    }

    /** {@code cloud} offering neither CPU load nor finding injection; every other call goes to it. */
    private static Cloud restricted(Cloud cloud) {
        return (Cloud) Proxy.newProxyInstance(Cloud.class.getClassLoader(), new Class<?>[] {Cloud.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("capabilities")) {
                        return NO_INJECTION;
                    }
                    try {
                        return method.invoke(cloud, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
