package io.selfheal.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator.GREATER_THAN_THRESHOLD;
import static software.amazon.awssdk.services.cloudwatch.model.Statistic.AVERAGE;

import io.selfheal.harness.backend.Capability;
import io.selfheal.harness.dsl.Faults;
import io.selfheal.harness.dsl.InvalidScenarioException;
import io.selfheal.harness.dsl.Outcomes;
import io.selfheal.harness.dsl.Refs;
import io.selfheal.harness.dsl.Scenarios;
import io.selfheal.harness.scenario.Scenario;
import io.selfheal.harness.scenario.ScenarioLoader;
import io.selfheal.harness.steps.GuardDutySampleFindingFault;
import io.selfheal.harness.steps.InstanceLoadFault;
import io.selfheal.harness.steps.MetricDataLoadFault;
import io.selfheal.harness.yaml.InvalidFileException;
import io.selfheal.harness.yaml.Problem;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * How {@code instanceLoad} and {@code guardDutyFinding} pick AWS's own way: the load goes to PutMetricData when an
 * alarm on the instance watches a custom metric (and then lasts a fixed time AWS takes timestamps for), a sample
 * finding goes to CreateSampleFindings; and the mistakes either way. The runs are in the scenarios module's
 * {@code AwsWayFaultsTest}.
 */
class AwsWayFaultReadingTest {
    private static final String STACK = """
            scenario: aws-way
            stack:
              instances:
                web: {imageId: ami-0abcdef1234567890}
                db: {imageId: ami-0abcdef1234567890}
              alarms:
                agent:
                  name: agent-cpu
                  namespace: CWAgent
                  metric: cpu_usage_active
                  dimensions: {InstanceId: "${instances.web.id}"}
                  period: 60
                  threshold: 90
                  comparison: GreaterThanThreshold
                ec2:
                  name: ec2-cpu
                  namespace: AWS/EC2
                  metric: CPUUtilization
                  dimensions: {InstanceId: "${instances.db.id}"}
                  period: 60
                  threshold: 90
                  comparison: GreaterThanThreshold
            expect:
              outcomes:
                - instance: {ref: web, state: running}
            """;

    private static Scenario load(String faults) {
        return new ScenarioLoader().load(Path.of("aws-way.yaml"), STACK + faults);
    }

    @Test
    void theAlarmsNamespaceChoosesThePath() {
        Scenario s = load("""
                faults:
                  - instanceLoad: {instance: web, cpu: 99, for: PT6M}
                  - instanceLoad: {instance: db, cpu: 99, for: PT6M}
                  - guardDutyFinding: {sample: true, type: "Recon:EC2/PortProbeUnprotectedPort"}
                """);
        assertThat(s.faults().get(0)).isInstanceOfSatisfying(MetricDataLoadFault.class, f -> {
            assertThat(f.duration()).isEqualTo(Duration.ofMinutes(6));
            assertThat(f.alarms()).extracting(a -> a.namespace() + " " + a.metric())
                    .containsExactly("CWAgent cpu_usage_active");
            assertThat(f.needs()).isEmpty();
        });
        assertThat(s.faults().get(1)).isInstanceOf(InstanceLoadFault.class);
        assertThat(s.faults().get(1).needs()).containsExactly(Capability.CPU_LOAD);
        assertThat(s.faults().get(2)).isEqualTo(new GuardDutySampleFindingFault("Recon:EC2/PortProbeUnprotectedPort"));
        assertThat(s.faults().get(2).needs()).isEmpty();
    }

    @Test
    void theJavaDslChoosesThePathAsTheYamlDoes() {
        Scenario yaml = new ScenarioLoader().load(Path.of("agent.yaml"), """
                scenario: agent
                stack:
                  instances:
                    web: {imageId: ami-0abcdef1234567890}
                  alarms:
                    agent:
                      name: agent-cpu
                      namespace: CWAgent
                      metric: cpu_usage_active
                      dimensions: {InstanceId: "${instances.web.id}"}
                      statistic: Average
                      period: 60
                      evaluationPeriods: 3
                      threshold: 90
                      comparison: GreaterThanThreshold
                faults:
                  - instanceLoad: {instance: web, cpu: 99, for: PT6M}
                expect:
                  within: PT1M
                  outcomes:
                    - instance: {ref: web, state: running}
                """);
        Scenario java = Scenarios.scenario("agent")
                .stack(stack -> stack.instance("web", i -> i.imageId("ami-0abcdef1234567890"))
                        .alarm("agent", a -> a.name("agent-cpu").metric("CWAgent", "cpu_usage_active")
                                .dimension("InstanceId", Refs.instance("web").id())
                                .statistic(AVERAGE).period(60).evaluationPeriods(3)
                                .threshold(GREATER_THAN_THRESHOLD, 90)))
                .fault(Faults.instanceLoad("web").cpu(99).lasting(Duration.ofMinutes(6)))
                .expect(Duration.ofMinutes(1), Outcomes.instance("web").running())
                .build();
        assertThat(java.faults()).isEqualTo(yaml.faults()).singleElement().isInstanceOf(MetricDataLoadFault.class);
        assertThat(Scenarios.scenario("sample")
                .stack(stack -> stack.instance("web", i -> i.imageId("ami-0abcdef1234567890")))
                .fault(Faults.guardDutySampleFinding("Recon:EC2/PortProbeUnprotectedPort"))
                .expect(Duration.ofMinutes(1), Outcomes.instance("web").running()).build().faults())
                .containsExactly(new GuardDutySampleFindingFault("Recon:EC2/PortProbeUnprotectedPort"));

        InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class, () -> Scenarios
                .scenario("agent-until-reboot").stack(stack -> stack
                        .instance("web", i -> i.imageId("ami-0abcdef1234567890"))
                        .alarm("agent", a -> a.name("agent-cpu").metric("CWAgent", "cpu_usage_active")
                                .dimension("InstanceId", Refs.instance("web").id())
                                .threshold(GREATER_THAN_THRESHOLD, 90)))
                .fault(Faults.instanceLoad("web").cpu(99).untilReboot())
                .expect(Duration.ofMinutes(1), Outcomes.instance("web").running())
                .build());
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("until: the alarm watches CWAgent cpu_usage_active");
    }

    @Test
    void mistakesAreReportedWithWhatAwsTakes() {
        InvalidFileException e = catchThrowableOfType(InvalidFileException.class, () -> load("""
                faults:
                  - instanceLoad: {instance: web, cpu: 99, until: reboot}
                  - instanceLoad: {instance: web, cpu: 99, for: PT3H}
                  - guardDutyFinding: {sample: true, instance: web, type: "Backdoor:EC2/C&CActivity.B"}
                """));
        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(Problem::toString)
                .anySatisfy(p -> assertThat(p).contains("faults[0].instanceLoad.until: the alarm watches CWAgent"
                        + " cpu_usage_active").contains("give for: <ISO-8601 duration>"))
                .anySatisfy(p -> assertThat(p).contains("faults[1].instanceLoad.for:")
                        .contains("timestamps at most two hours ahead"))
                .anySatisfy(p -> assertThat(p).contains("faults[2].guardDutyFinding.instance: CreateSampleFindings"
                        + " takes only the type"))
                .hasSize(3);
    }
}
