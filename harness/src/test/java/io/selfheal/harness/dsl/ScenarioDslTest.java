package io.selfheal.harness.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator.GREATER_THAN_THRESHOLD;
import static software.amazon.awssdk.services.cloudwatch.model.StateValue.ALARM;

import io.selfheal.harness.expect.Count;
import io.selfheal.harness.scenario.Scenario;
import io.selfheal.harness.scenario.ScenarioLoader;
import io.selfheal.harness.stack.ConfigRuleKind;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The DSL builds the model the loader reads, and reports what the loader would. */
class ScenarioDslTest {
    private final ScenarioLoader loader = new ScenarioLoader();

    /**
     * The one component that differs: a loaded scenario's {@code file} is the file it came from, a built one's is
     * null. The comparison sets the loaded one's to null and compares the records whole.
     */
    private static Scenario withoutFile(Scenario s) {
        return new Scenario(s.name(), s.description(), s.tags(), null, s.stack(), s.faults(), s.within(),
                s.outcomes(), s.idempotency(), s.steadyState(), s.virtualTime(), s.recovery());
    }

    @Test
    void theJavaFormOfTheCpuLoadScenarioIsTheModelOfItsYaml() {
        Scenario yaml = loader.load(Path.of("../scenarios/ec2/cpu-load-reboot-recovery.yaml"));
        Scenario java = ExampleScenarios.cpuLoadRebootRecovery().build();
        assertThat(java.file()).isNull();
        assertThat(java.stack()).isEqualTo(yaml.stack());
        assertThat(java).isEqualTo(withoutFile(yaml));
    }

    @Test
    void theJavaFormOfTheFullExampleIsTheModelOfItsYaml() {
        Scenario yaml = loader.load(Path.of("src/test/resources/scenarios/valid/full.yaml"));
        assertThat(ExampleScenarios.full().build()).isEqualTo(withoutFile(yaml));
    }

    @Test
    void theJavaFormOfTheSshDriftScenarioIsTheModelOfItsYaml() {
        Scenario yaml = loader.load(Path.of("../scenarios/ec2/ssh-open-to-world-revoked.yaml"));
        Scenario java = ExampleScenarios.sshOpenToWorldRevoked().build();
        assertThat(java.stack()).isEqualTo(yaml.stack());
        assertThat(java.steadyState()).isEqualTo(yaml.steadyState());
        assertThat(java.outcomes()).isEqualTo(yaml.outcomes());
        assertThat(java).isEqualTo(withoutFile(yaml));
    }

    @Test
    void configRulesAndComplianceOutcomesBuildTheModelsTheLoaderReads() {
        Scenario yaml = loader.load(Path.of("../scenarios/config/periodic-rule-virtual-clock.yaml"));
        Scenario java = Scenarios.scenario("config-periodic-rule-virtual-clock")
                .baseDir(Path.of("../scenarios/config"))
                .stack(stack -> stack
                        .securityGroup("web", g -> g.name("web-servers")
                                .ingress(Permissions.tcp(443).cidr("0.0.0.0/0").description("HTTPS")))
                        .function("hourlyRule", f -> f.name("sg-world-open-ports-rule")
                                .code(Path.of("../../remediations/src/main/python/sg_world_open_ports_rule.py"))
                                .handler("sg_world_open_ports_rule.handler").runtime("python3.12").timeout(30)
                                .rolePolicy(Path.of(
                                        "../../remediations/src/main/python/sg_world_open_ports_rule.policy.json")))
                        .configRule("hourly", r -> r.name("sg-world-open-ports-hourly").function("hourlyRule")
                                .periodic("One_Hour")))
                .steadyState(Probes.compliance("hourly", Refs.securityGroup("web").id(), "COMPLIANT"))
                .fault(Faults.securityGroupIngress("web", Permissions.tcp(22).cidr("0.0.0.0/0")))
                .expect(Duration.ofHours(3),
                        Outcomes.compliance("hourly", Refs.securityGroup("web").id(), "COMPLIANT"))
                .build();
        assertThat(java.stack().all(ConfigRuleKind.Rule.class)).isEqualTo(yaml.stack().all(ConfigRuleKind.Rule.class));
        assertThat(java.steadyState()).isEqualTo(yaml.steadyState());
        assertThat(java.outcomes().get(0)).isEqualTo(yaml.outcomes().get(1));
    }

    @Test
    void aConfigRuleNeedsExactlyOneSourceAndAKnownFunction() {
        var broken = Scenarios.scenario("broken-config-rule")
                .stack(stack -> stack.configRule("both", r -> r.managed("INCOMING_SSH_DISABLED").function("nope")))
                .fault(Faults.securityGroupIngress("web", Permissions.tcp(22).cidr("0.0.0.0/0")))
                .expect(Duration.ofSeconds(10), Outcomes.compliance("missing", "sg-1", "MAYBE"));
        org.assertj.core.api.Assertions.assertThatThrownBy(broken::build)
                .hasMessageContaining("exactly one of managed")
                .hasMessageContaining("nope")
                .hasMessageContaining("MAYBE");
    }

    @Test
    void theJavaFormOfTheInstanceProbesExampleIsTheModelOfItsYaml() {
        Scenario yaml = loader.load(Path.of("../scenarios/examples/instance-groups-and-snapshots.yaml"));
        Scenario java = Scenarios.scenario("example-instance-groups-and-snapshots")
                .description(yaml.description())   // the folded prose is not what this test is about
                .tags("example", "ec2", "security-group")
                .stack(stack -> stack
                        .securityGroup("web", g -> g.ingress(Permissions.tcp(443).cidr("0.0.0.0/0")))
                        .securityGroup("ssh", g -> g.ingress(Permissions.tcp(22).cidr("10.0.0.0/8")))
                        .securityGroup("quarantine", g -> g.description("no traffic in or out").egress())
                        .instance("app", i -> i.imageId("ami-0abcdef1234567890").securityGroups("web", "ssh")))
                .steadyState(Probes.instance("app").running().securityGroups("web", "ssh")
                        .snapshots(Count.exactly(0), null))
                .fault(Faults.rebootInstance("app"))
                .expect(Duration.ofMinutes(2),
                        Outcomes.instance("app").running().rebootCount(1)
                                .securityGroups("ssh", Refs.securityGroup("web").id()),
                        Outcomes.never(Outcomes.instance("app").snapshots(new Count(1, null), null)),
                        Outcomes.never(Outcomes.instance("app").securityGroups("quarantine")))
                .build();
        assertThat(java.stack()).isEqualTo(yaml.stack());
        assertThat(java.steadyState()).isEqualTo(yaml.steadyState());
        assertThat(java.outcomes()).isEqualTo(yaml.outcomes());
        assertThat(java).isEqualTo(withoutFile(yaml));
    }

    @Test
    void theJavaFormOfTheTimedExampleIsTheModelOfItsYaml() {
        Scenario yaml = loader.load(Path.of("src/test/resources/scenarios/valid/timed.yaml"));
        Scenario java = ExampleScenarios.timed().build();
        assertThat(java.faults()).isEqualTo(yaml.faults());
        assertThat(java.outcomes()).isEqualTo(yaml.outcomes());
        assertThat(java).isEqualTo(withoutFile(yaml));
    }

    @Test
    void referencesInInputsPoliciesAndEventsAreCheckedAsEveryValueOfAFileIs() {
        InvalidScenarioException e = invalid(Scenarios.scenario("refs")
                .stack(stack -> stack
                        .queue("audit", q -> q)
                        .function("fn", f -> f.code(Path.of("src/test/resources/scenarios/fake-function.zip"))
                                .handler("a.B::c").rolePolicy("""
                                        {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
                                          "Action": "ec2:RebootInstances", "Resource": "${instances.web.arn}"}}
                                        """))
                        .rule("r", r -> r.pattern("{\"source\": [\"aws.ec2\"]}")
                                .target(Targets.queue("audit")
                                        .input("{\"q\": \"" + Refs.queue("audti").url() + "\"}"))))
                .fault(Faults.putEvent("my.app", "Order Failed").detail("{\"id\": \"${functions.fn.nmae}\"}")));
        assertThat(e.problems()).containsExactly(
                "stack.functions.fn.rolePolicy: reference ${instances.web.arn}: no instances entry 'web' in stack",
                "stack.rules.r.targets[0].input: reference ${queues.audti.url}: no queues entry 'audti' in stack (did "
                        + "you mean 'audit'?)",
                "faults[0].putEvent: reference ${functions.fn.nmae}: functions have no attribute 'nmae' (did you mean "
                        + "'name'?); available: name, arn");
    }

    @Test
    void httpEndpointsAndTheirTargetsAreCheckedAsInAFile() {
        InvalidScenarioException e = invalid(Scenarios.scenario("http")
                .stack(stack -> stack
                        .queue("q", q -> q)
                        .httpEndpoint("hook", h -> h.status(700))
                        .httpEndpoint("other", h -> h.path("/hook"))
                        .rule("r", r -> r.pattern("{\"source\": [\"ops\"]}")
                                .target(Targets.queue("q").basicAuth("a", "b"))
                                .target(Targets.httpEndpoint("hook").rateLimitPerSecond(0))))
                .expect(Outcomes.httpEndpoint("hook"), Outcomes.httpEndpoint("hook").requests(1).atLeast(1)));
        assertThat(e.problems()).containsExactly(
                "stack.rules.r.targets[0].connection: connection applies to httpEndpoint targets only",
                "stack.rules.r.targets[1].rateLimitPerSecond: rateLimitPerSecond must be at least 1 (as in "
                        + "EventBridge)",
                "stack.httpEndpoints.hook.status: an HTTP status is between 100 and 599",
                "stack.httpEndpoints.other.path: path /hook is taken by httpEndpoints entry 'hook' (the endpoints "
                        + "share one server, a path each)",
                "expect.outcomes[0].httpEndpoint: give requests (a count; or atLeast/atMost), contains (a JSON subset "
                        + "of a request body), header or several",
                "expect.outcomes[1].httpEndpoint.requests: requests is exact: give either requests or atLeast/atMost, "
                        + "not both");
    }

    @Test
    void theJavaFormOfAGuardDutyFindingOnATwoInterfaceInstanceIsTheModelOfItsYaml() {
        Scenario yaml = loader.load(Path.of("gd.yaml"), """
                scenario: gd
                stack:
                  securityGroups:
                    web: {ingress: [{port: 443, cidr: 0.0.0.0/0}]}
                    admin: {}
                  instances:
                    app:
                      imageId: ami-0abcdef1234567890
                      networkInterfaces: [{securityGroups: [web]}, {securityGroups: [admin]}]
                      volumes: [{device: /dev/sdf, sizeGiB: 20}]
                faults:
                  - guardDutyFinding: {instance: app, type: "Backdoor:EC2/C&CActivity.B", severity: 8, repeat: {every: PT15M, times: 2}}
                  - guardDutyFinding: {instance: app, type: "Recon:EC2/PortProbeUnprotectedPort"}
                expect:
                  outcomes:
                    - instance: {ref: app, state: running}
                """);
        Scenario java = Scenarios.scenario("gd")
                .stack(stack -> stack
                        .securityGroup("web", g -> g.ingress(Permissions.tcp(443).cidr("0.0.0.0/0")))
                        .securityGroup("admin", g -> g)
                        .instance("app", i -> i.imageId("ami-0abcdef1234567890").networkInterface("web")
                                .networkInterface("admin").volume("/dev/sdf", 20)))
                .fault(Faults.guardDutyFinding("app", "Backdoor:EC2/C&CActivity.B").severity(8)
                        .repeat(Duration.ofMinutes(15), 2))
                .fault(Faults.guardDutyFinding("app", "Recon:EC2/PortProbeUnprotectedPort"))
                .expect(Duration.ofMinutes(1), Outcomes.instance("app").running())
                .build();
        assertThat(java.stack()).isEqualTo(yaml.stack());
        assertThat(java.faults()).isEqualTo(yaml.faults());
    }

    @Test
    void theJavaFormOfAnAutoScalingGroupAndItsNamedInstanceIsTheModelOfItsYaml() {
        Scenario yaml = loader.load(Path.of("asg.yaml"), """
                scenario: asg
                stack:
                  securityGroups:
                    web: {}
                  autoScalingGroups:
                    web:
                      name: web-asg
                      launchTemplate: {imageId: ami-0abcdef1234567890, securityGroups: [web], tags: {Name: web}}
                      min: 1
                      max: 3
                      desired: 2
                      tags: {team: payments}
                  instances:
                    second: {autoScalingGroup: web, index: 1}
                faults:
                  - guardDutyFinding: {instance: second, type: "Backdoor:EC2/C&CActivity.B"}
                expect:
                  outcomes:
                    - instance: {ref: second, state: running}
                """);
        Scenario java = Scenarios.scenario("asg")
                .stack(stack -> stack
                        .securityGroup("web", g -> g)
                        .autoScalingGroup("web", g -> g.name("web-asg").imageId("ami-0abcdef1234567890")
                                .securityGroups("web").instanceTag("Name", "web").min(1).max(3).desired(2)
                                .tag("team", "payments"))
                        .instance("second", i -> i.autoScalingGroup("web", 1)))
                .fault(Faults.guardDutyFinding("second", "Backdoor:EC2/C&CActivity.B"))
                .expect(Duration.ofMinutes(1), Outcomes.instance("second").running())
                .build();
        assertThat(java.stack()).isEqualTo(yaml.stack());
        assertThat(java.faults()).isEqualTo(yaml.faults());
    }

    @Test
    void theJavaFormOfAFunctionsFailureHandlingAndAnInstancesInterfacesIsTheModelOfItsYaml() {
        Scenario yaml = loader.load(Path.of("async.yaml"), """
                scenario: async
                stack:
                  securityGroups:
                    web: {}
                    admin: {}
                  instances:
                    app:
                      imageId: ami-0abcdef1234567890
                      networkInterfaces: [{securityGroups: [web]}, {securityGroups: [admin]}]
                  queues:
                    work: {attributes: {VisibilityTimeout: "60"}, deadLetter: workDlq, maxReceiveCount: 2}
                    workDlq: {}
                    dlq: {}
                  topics:
                    done: {}
                  functions:
                    fn:
                      code: src/test/resources/scenarios/fake-function.zip
                      handler: a.B::c
                      deadLetter: {queue: dlq}
                      eventInvokeConfig:
                        maximumRetryAttempts: 1
                        maximumEventAge: PT10M
                        destinations:
                          onSuccess: {topic: done}
                          onFailure: {function: other}
                      reservedConcurrency: 0
                      eventSources:
                        - queue: work
                          batchSize: 10
                          batchingWindow: PT5S
                          reportBatchItemFailures: true
                    other:
                      code: src/test/resources/scenarios/fake-function.zip
                      handler: a.B::c
                      eventSources: [{queue: dlq}]
                expect:
                  outcomes:
                    - instance: {ref: app, networkInterfaces: {count: 2, securityGroups: [web, admin]}}
                    - instance: {ref: app, networkInterfaces: {atLeast: 1, groupNames: [selfheal-isolation]}}
                """);
        Scenario java = Scenarios.scenario("async")
                .stack(stack -> stack
                        .securityGroup("web", g -> g)
                        .securityGroup("admin", g -> g)
                        .instance("app", i -> i.imageId("ami-0abcdef1234567890").networkInterface("web")
                                .networkInterface("admin"))
                        .queue("work", q -> q.attribute("VisibilityTimeout", "60").deadLetter("workDlq")
                                .maxReceiveCount(2))
                        .queue("workDlq", q -> q)
                        .queue("dlq", q -> q)
                        .topic("done", t -> t)
                        .function("fn", f -> f.code(Path.of("src/test/resources/scenarios/fake-function.zip"))
                                .handler("a.B::c")
                                .deadLetter(Destination.queue("dlq"))
                                .eventInvokeConfig(c -> c.maximumRetryAttempts(1)
                                        .maximumEventAge(Duration.ofMinutes(10))
                                        .onSuccess(Destination.topic("done"))
                                        .onFailure(Destination.function("other")))
                                .reservedConcurrency(0)
                                .eventSource("work", e -> e.batchSize(10).batchingWindow(Duration.ofSeconds(5))
                                        .reportBatchItemFailures()))
                        .function("other", f -> f.code(Path.of("src/test/resources/scenarios/fake-function.zip"))
                                .handler("a.B::c").eventSource("dlq")))
                .expect(Duration.ofMinutes(1),
                        Outcomes.instance("app").networkInterfaces(Count.exactly(2)).everyInterfaceIn("web", "admin"),
                        Outcomes.instance("app").networkInterfaces(new Count(1, null))
                                .everyInterfaceInGroupsNamed("selfheal-isolation"))
                .build();
        assertThat(java.stack()).isEqualTo(yaml.stack());
        assertThat(java.outcomes()).isEqualTo(yaml.outcomes());
    }

    @Test
    void aFunctionsFailureHandlingMistakesAreReportedAsInAFile() {
        InvalidScenarioException e = invalid(Scenarios.scenario("async")
                .stack(stack -> stack
                        .queue("q", q -> q)
                        .function("fn", f -> f.code(Path.of("src/test/resources/scenarios/fake-function.zip"))
                                .handler("a.B::c")
                                .deadLetter(Destination.function("fn"))
                                .eventInvokeConfig(c -> c.maximumRetryAttempts(3)
                                        .maximumEventAge(Duration.ofSeconds(30))
                                        .onFailure(Destination.queue("qq")))
                                .reservedConcurrency(-1)
                                .eventSource("q", s -> s.batchingWindow(Duration.ofMinutes(6)))
                                .eventSource("work")))
                .expect(Outcomes.instance("app").everyInterfaceIn()));
        assertThat(e.problems()).containsExactly(
                "stack.functions.fn.deadLetter: give one of queue or topic",
                "stack.functions.fn.eventSources[0].batchingWindow: batchingWindow must be between PT0S and PT5M",
                "stack.functions.fn.eventSources[1].queue: no queues entry 'work' in stack; defined: q",
                "stack.functions.fn.reservedConcurrency: reservedConcurrency must be 0 or more",
                "stack.functions.fn.eventInvokeConfig.maximumRetryAttempts: maximumRetryAttempts must be 0, 1 or 2",
                "stack.functions.fn.eventInvokeConfig.maximumEventAge: maximumEventAge must be between PT1M and PT6H",
                "stack.functions.fn.eventInvokeConfig.destinations.onFailure.queue: no queues entry 'qq' in stack "
                        + "(did you mean 'q'?); defined: q",
                "expect.outcomes[0].instance.ref: no instances entry 'app' in stack",
                "expect.outcomes[0].instance.networkInterfaces.securityGroups: an instance is always in at least one "
                        + "security group: list them");
    }

    /** {@code codeBucket}: the file's function stages its package in S3; a bad bucket name is refused by both forms. */
    @Test
    void aFunctionStagedInS3ReadsItsBucketAndBadBucketNamesAreReported() {
        Scenario yaml = loader.load(Path.of("../scenarios/lambda/remediation-deployed-from-s3.yaml"));
        assertThat(yaml.stack().all(io.selfheal.harness.stack.FunctionKind.Function.class).get("reboot").codeBucket())
                .isEqualTo("selfheal-deploy-artifacts");

        InvalidScenarioException e = invalid(Scenarios.scenario("staged")
                .stack(stack -> stack.function("fn", f -> f.code(Path.of("src/test/resources/scenarios/fake-function.zip"))
                        .handler("a.B::c").codeBucket("Deploy_Artifacts")))
                .expect(Outcomes.instance("app").everyInterfaceIn()));
        assertThat(e.problems()).first().isEqualTo("stack.functions.fn.codeBucket: not an S3 bucket name: 3 to 63 "
                + "lower-case letters, digits, dots and hyphens, beginning and ending with a letter or digit");
    }

    @Test
    void aGuardDutyFindingsMistakesAreReportedAsInAFile() {
        InvalidScenarioException e = invalid(Scenarios.scenario("gd")
                .stack(stack -> stack.instance("app", i -> i.imageId("ami-0abcdef1234567890")))
                .fault(Faults.guardDutyFinding("app", "Backdoor:EC2/C&CActivity").severity(0.5)
                        .repeat(Duration.ZERO, 2)));
        assertThat(e.problems()).containsExactly(
                "faults[0].guardDutyFinding.type: 'Backdoor:EC2/C&CActivity' is not one of "
                        + String.join(", ", io.selfheal.harness.steps.GuardDutyFindingFault.TYPES)
                        + " (did you mean 'Backdoor:EC2/C&CActivity.B'?)",
                "faults[0].guardDutyFinding.severity: GuardDuty severities run from 1.0 to 10.0 (Low 1-3.9, "
                        + "Medium 4-6.9, High 7-8.9, Critical 9-10)",
                "faults[0].guardDutyFinding.repeat: occurrences are a positive duration apart");
    }

    @Test
    void aMisspeltFixtureIsReportedAsInAFile() {
        InvalidScenarioException e = invalid(Scenarios.scenario("fixture")
                .fault(Faults.putFixture("guardduty-findng")));
        assertThat(e.problems()).singleElement().asString()
                .startsWith("faults[0].putEvent.fixture: no event fixture 'guardduty-findng' (did you mean "
                        + "'guardduty-finding'?)");
    }

    @Test
    void theJavaFormOfTheHttpEndpointsExampleIsTheModelOfItsYaml() {
        Scenario yaml = loader.load(Path.of("src/test/resources/scenarios/valid/http-endpoints.yaml"));
        Scenario java = ExampleScenarios.httpEndpoints().build();
        assertThat(java.stack()).isEqualTo(yaml.stack());
        assertThat(java).isEqualTo(withoutFile(yaml));
    }

    @Test
    void buildersAreImmutableSoABaseScenarioCanBeVaried() {
        ScenarioBuilder base = ExampleScenarios.full();
        ScenarioBuilder tagged = base.tags("other").recovery(Duration.ofMinutes(5));
        assertThat(base.build().tags()).containsExactly("ec2", "example");
        assertThat(base.build().recovery()).isNull();
        assertThat(tagged.build().tags()).containsExactly("other");
        assertThat(tagged.build().recovery()).isEqualTo(new Scenario.Recovery(Duration.ofMinutes(5)));
    }

    @Test
    void buildReportsEveryProblemWithTheLoadersKeyPathsAndWords() {
        ScenarioBuilder broken = Scenarios.scenario("dangling references")
                .stack(stack -> stack
                        .instance("web", i -> i.imageId("ami-0abcdef1234567890"))
                        .alarm("cpu", a -> a.name("cpu").metric("AWS/EC2", "CPUUtilization")
                                .dimension("InstanceId", Refs.instance("db").id())
                                .threshold(GREATER_THAN_THRESHOLD, 90))
                        .function("reboot", f -> f.code(Path.of("src/test/resources/scenarios/fake-function.zip"))
                                .handler("a.B::c").environment("X", "${instances.web.ip}"))
                        .rule("r", r -> r.pattern("{\"source\": [\"aws.cloudwatch\"]}")
                                .target(Targets.function("rebot"))))
                .fault(Faults.alarmState("cpuu", ALARM))
                .fault(Faults.at(Duration.ofMinutes(5), Faults.rebootInstance("web")))
                .fault(Faults.at(Duration.ofMinutes(3), Faults.instanceLoad("web").cpu(120)))
                .expect(Duration.ZERO, Outcomes.instance("webb").running(), Outcomes.apiCalls("ec2", "RebootInstances"))
                .recovery(Duration.ofMinutes(-1))
                .idempotency(Redelivery.redeliver(0).lateBy(Duration.ofHours(1)));
        InvalidScenarioException e = invalid(broken);
        assertThat(e.problems()).containsExactly(
                "scenario: a scenario name is letters, digits, '.', '_' and '-' (it names the test)",
                "stack.alarms.cpu.dimensions.InstanceId: reference ${instances.db.id}: no instances entry 'db' in "
                        + "stack (did you mean 'web'?)",
                "stack.functions.reboot.environment.X: reference ${instances.web.ip}: instances have no attribute "
                        + "'ip' (did you mean 'id'?); available: id, arn",
                "stack.rules.r.targets[0].function: no functions entry 'rebot' in stack (did you mean 'reboot'?); "
                        + "defined: reboot",
                "faults[0].alarmState.alarm: no alarms entry 'cpuu' in stack (did you mean 'cpu'?); defined: cpu",
                "faults[2].at: faults are injected in order: at PT3M comes before the previous fault's PT5M "
                        + "(reorder the faults)",
                "faults[2].instanceLoad.cpu: CPU load is a percentage from 0 to 100",
                "faults[2].instanceLoad: say how long the load lasts: for: <ISO-8601 duration> or until: reboot",
                "expect.within: a deadline must be longer than zero",
                "expect.outcomes[0].instance.ref: no instances entry 'webb' in stack (did you mean 'web'?); "
                        + "defined: web",
                "expect.outcomes[1].apiCalls: say how many: count (exactly), atLeast and/or atMost",
                "idempotency.redeliver: redeliver between 1 and 100 times",
                "idempotency.lateBy: lateBy applies to mode 'late' only",
                "recovery.within: a recovery bound must be longer than zero");
        assertThat(e.getMessage()).startsWith("scenario dangling references has 14 problems:\n  scenario: ");
    }

    @Test
    void missingRequiredValuesAndFilesAreReportedAsTheLoaderReportsMissingKeys() {
        InvalidScenarioException e = invalid(Scenarios.scenario("missing")
                .stack(stack -> stack
                        .instance("web", i -> i)
                        .function("fn", f -> f.code(Path.of("no-such.jar")))
                        .rule("r", r -> r.pattern(Path.of("no-such-pattern.json"))
                                .target(Targets.function("fn").input("{}").inputPath("$.detail")))));
        String cwd = Path.of("").toAbsolutePath().toString();
        assertThat(e.problems()).containsExactly(
                "stack.instances.web: missing required key 'imageId'",
                "stack.functions.fn.code: no file " + cwd + "/no-such.jar (build it first: mvn -DskipTests package)",
                "stack.functions.fn: missing required key 'handler'",
                "stack.rules.r.pattern: no file " + cwd + "/no-such-pattern.json",
                "stack.rules.r.targets[0]: input, inputPath and inputTransformer are mutually exclusive (as in "
                        + "EventBridge)");
    }

    @Test
    void deadLetterAndDestinationOutcomesNeedTheFunctionsQueueOrDestinationAsInAFile() {
        InvalidScenarioException e = invalid(Scenarios.scenario("async")
                .stack(stack -> stack
                        .function("fn", f -> f.code(Path.of("src/test/resources/scenarios/fake-function.zip"))
                                .handler("a.B::c")))
                .expect(Outcomes.deadLetter("fn").count(1).errorCode(200),
                        Outcomes.destination("fn", "RetriesExhausted"),
                        Outcomes.destination("fn", "Retried"),
                        Outcomes.deadLetter("fm")));
        assertThat(e.problems()).containsExactly(
                "expect.outcomes[0].deadLetter.function: function fn has no deadLetter to look in",
                "expect.outcomes[1].destination.condition: function fn has no onFailure destination for "
                        + "RetriesExhausted records",
                "expect.outcomes[2].destination.condition: 'Retried' is not one of Success, RetriesExhausted, "
                        + "EventAgeExceeded",
                "expect.outcomes[3].deadLetter.function: no functions entry 'fm' in stack (did you mean 'fn'?); "
                        + "defined: fn",
                "expect.outcomes[3].deadLetter: say how many: count (exactly), atLeast and/or atMost");
    }

    @Test
    void theStackHelpersKindsAreCheckedAsInAFile() {
        InvalidScenarioException e = invalid(Scenarios.scenario("kinds")
                .stack(stack -> stack
                        .securityGroup("web", g -> g.ingress(Permissions.tcp(22).cidr("0.0.0.0/0").group("lbb"),
                                Permissions.tcp(70000).cidr("everywhere")))
                        .queue("q", q -> q.name("q.fifo").deadLetter("q"))
                        .topic("t", t -> t.subscribe("qq"))
                        .instance("web", i -> i.imageId("ami-0abcdef1234567890").securityGroups("wbe"))
                        .function("fn", f -> f.code(Path.of("src/test/resources/scenarios/fake-function.zip"))
                                .handler("a.B::c").rolePolicy("{\"Statement\": [{\"Effect\": \"Permit\", "
                                        + "\"Action\": \"s3:*\", \"Resource\": \"*\"}]}"))
                        .rule("r", r -> r.pattern("{\"source\": [\"aws.ec2\"]}")
                                .target(Targets.queue("q").withoutPermission())))
                .expect(Outcomes.leastPrivilege("fn"), Outcomes.queue("q"), Outcomes.securityGroup("web")));
        assertThat(e.problems()).containsExactly(
                "stack.instances.web.securityGroups[0]: no securityGroups entry 'wbe' in stack (did you mean 'web'?); "
                        + "defined: web",
                "stack.functions.fn.rolePolicy: IAM refuses this identity policy (MalformedPolicyDocument): Syntax "
                        + "errors in policy.",
                "stack.rules.r.targets[0].permission: permission applies to function targets only",
                "stack.securityGroups.web.ingress[0]: a rule needs exactly one of cidr, ipv6 or group",
                "stack.securityGroups.web.ingress[0].group: no securityGroups entry 'lbb' in stack (did you mean "
                        + "'web'?); defined: web",
                "stack.securityGroups.web.ingress[1].port: ports must be within 0-65535, the first not above the last",
                "stack.securityGroups.web.ingress[1].cidr: 'everywhere' is not an IPv4 CIDR block (like 0.0.0.0/0)",
                "stack.queues.q.deadLetter: a queue cannot be its own dead-letter queue",
                "stack.topics.t.subscriptions[0].queue: no queues entry 'qq' in stack (did you mean 'q'?); defined: q",
                "expect.outcomes[0].leastPrivilege.function: function 'fn' has no rolePolicy to check calls against",
                "expect.outcomes[1].queue: give messages (a count), contains (a JSON subset of a message body) or both",
                "expect.outcomes[2].securityGroup: give exactly one of ingress or egress (the rule to look for)");
    }

    private static InvalidScenarioException invalid(ScenarioBuilder scenario) {
        try {
            scenario.build();
        } catch (InvalidScenarioException e) {
            return e;
        }
        throw new AssertionError("build() accepted a scenario with mistakes");
    }
}
