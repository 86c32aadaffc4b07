package io.selfheal.harness.dsl;

import static io.selfheal.harness.dsl.Redelivery.redeliver;
import static io.selfheal.harness.scenario.Scenario.RedeliveryMode.LATE;
import static io.selfheal.harness.scenario.Scenario.RedeliveryMode.SEQUENTIAL;
import static software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator.GREATER_THAN_THRESHOLD;
import static software.amazon.awssdk.services.cloudwatch.model.StateValue.ALARM;
import static software.amazon.awssdk.services.cloudwatch.model.StateValue.OK;
import static software.amazon.awssdk.services.cloudwatch.model.Statistic.AVERAGE;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Scenarios of the repository written in Java; the tests compare them with their YAML and run them. */
final class ExampleScenarios {
    private ExampleScenarios() {
    }

    /** scenarios/ec2/cpu-load-reboot-recovery.yaml (paths relative to the harness module, Maven's working dir). */
    static ScenarioBuilder cpuLoadRebootRecovery() {
        return Scenarios.scenario("ec2-cpu-load-reboot-recovery")
                .description(DESCRIPTION)
                .tags("ec2", "cloudwatch", "eventbridge", "lambda", "recovery")
                .stack(stack -> stack
                        .instance("web", i -> i.imageId("ami-0abcdef1234567890").instanceType("t3.micro")
                                .detailedMonitoring().tag("Name", "webserver-prod"))
                        .alarm("cpuHigh", a -> a.name("EC2-CPU-High-webserver-prod")
                                .metric("AWS/EC2", "CPUUtilization")
                                .dimension("InstanceId", Refs.instance("web").id())
                                .statistic(AVERAGE).period(60).evaluationPeriods(5)
                                .threshold(GREATER_THAN_THRESHOLD, 90))
                        .function("reboot", f -> f.name("reboot-on-high-cpu")
                                .code(Path.of("../remediations/target/remediations-lambda.jar"))
                                .handler("io.selfheal.remediations.RebootOnHighCpu::handleRequest")
                                .timeout(30).memory(512))
                        .rule("cpuHighReboot", r -> r.name("ec2-cpu-high-reboot")
                                .pattern(Path.of("../fixtures/src/main/resources/patterns/ec2-cpu-high-alarm.json"))
                                .target(Targets.function("reboot").inputTransformer(
                                        Path.of("../fixtures/src/main/resources/transformers/reboot-on-high-cpu.json")))))
                .steadyState(Probes.instance("web").running(), Probes.alarm("cpuHigh").state(OK))
                .fault(Faults.instanceLoad("web").cpu(99).untilReboot())
                .expect(Duration.ofMinutes(15),
                        Outcomes.alarm("cpuHigh").state(OK).after(ALARM),
                        Outcomes.apiCalls("ec2", "RebootInstances").count(1).by("reboot"),
                        Outcomes.invocations("reboot").count(1).errors(0),
                        Outcomes.instance("web").running().rebootCount(1))
                .recovery(Duration.ofMinutes(20))
                .idempotency(redeliver(3).modes(SEQUENTIAL, LATE).lateBy(Duration.ofHours(1)));
    }

    private static final String DESCRIPTION = "A runaway process pins the web server's CPU at 99%. Nothing is faked "
            + "downstream of that: the instance publishes CPUUtilization every minute, the alarm evaluates it (above "
            + "90 for 5 of 5 minutes) and goes to ALARM, EventBridge runs RebootOnHighCpu, the reboot kills the "
            + "process, CPU drops, and the alarm returns to OK. Over ten minutes of virtual time pass in a few "
            + "seconds.\n";

    /** harness/src/test/resources/scenarios/valid/full.yaml: inline pattern and transformer, an environment. */
    static ScenarioBuilder full() {
        return Scenarios.scenario("full-example")
                .description("Every section, to check the model the loader builds.")
                .tags("ec2", "example")
                .baseDir(Path.of("src/test/resources/scenarios/valid"))
                .stack(stack -> stack
                        .instance("web", i -> i.imageId("ami-0abcdef1234567890").instanceType("t3.micro")
                                .tag("Name", "webserver-prod"))
                        .alarm("cpuHigh", a -> a.name("EC2-CPU-High-webserver-prod")
                                .metric("AWS/EC2", "CPUUtilization")
                                .dimension("InstanceId", "${instances.web.id}")
                                .statistic(AVERAGE).period(60).evaluationPeriods(5)
                                .threshold(GREATER_THAN_THRESHOLD, 90))
                        .function("reboot", f -> f.code(Path.of("../fake-function.zip"))
                                .handler("example.Handler::handleRequest").timeout(30).memory(512)
                                .environment("TARGET", Refs.instance("web").id()))
                        .rule("cpuHighReboot", r -> r.name("ec2-cpu-high-reboot")
                                .pattern("""
                                        {"source": ["aws.cloudwatch"], "detail-type": ["CloudWatch Alarm State Change"]}
                                        """)
                                .target(Targets.function("reboot").inputTransformer(
                                        Map.of("instance_id",
                                                "$.detail.configuration.metrics[0].metricStat.metric.dimensions.InstanceId"),
                                        "{\"instance_id\": <instance_id>}"))))
                .fault(Faults.alarmState("cpuHigh", ALARM).reason("test"))
                .expect(Duration.ofSeconds(20),
                        Outcomes.apiCalls("ec2", "RebootInstances").count(1).by("reboot"),
                        Outcomes.invocations("reboot").count(1).errors(0),
                        Outcomes.instance("web").running().rebootCount(1))
                .idempotency(redeliver(3));
    }
}
