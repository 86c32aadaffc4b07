package io.selfheal.harness.dsl;

import static io.selfheal.harness.dsl.Redelivery.redeliver;
import static io.selfheal.harness.scenario.Scenario.RedeliveryMode.LATE;
import static io.selfheal.harness.scenario.Scenario.RedeliveryMode.SEQUENTIAL;
import static software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD;
import static software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator.GREATER_THAN_THRESHOLD;
import static software.amazon.awssdk.services.cloudwatch.model.StateValue.ALARM;
import static software.amazon.awssdk.services.cloudwatch.model.StateValue.OK;
import static software.amazon.awssdk.services.cloudwatch.model.Statistic.AVERAGE;
import static software.amazon.awssdk.services.cloudwatch.model.Statistic.MAXIMUM;

import com.fasterxml.jackson.databind.node.IntNode;
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
                                .target(Targets.function("reboot").inputTransformer(Path.of(
                                        "../fixtures/src/main/resources/transformers/reboot-on-high-cpu.json")))))
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

    /** harness/src/test/resources/scenarios/valid/full.yaml: every section and every kind of resource. */
    static ScenarioBuilder full() {
        return Scenarios.scenario("full-example")
                .description("Every section, to check the model the loader builds.")
                .tags("ec2", "example")
                .baseDir(Path.of("src/test/resources/scenarios/valid"))
                .stack(stack -> stack
                        .securityGroup("web", g -> g.description("web servers")
                                .ingress(Permissions.tcp(443).cidr("0.0.0.0/0").description("HTTPS"),
                                        Permissions.tcp(8000, 8100).group("lb"),
                                        Permissions.allTraffic().ipv6("::/0"))
                                .egress())
                        .securityGroup("lb", g -> g)
                        .queue("audit", q -> q.fifo().deadLetter("dlq").maxReceiveCount(5)
                                .attribute("ContentBasedDeduplication", "true"))
                        .queue("dlq", q -> q.name("audit-dlq.fifo"))
                        .topic("alerts", t -> t.subscribe("audit", true, "{\"severity\": [\"high\"]}"))
                        .logGroup("app", l -> l.name("/selfheal/app").retentionDays(7))
                        .instance("web", i -> i.imageId("ami-0abcdef1234567890").instanceType("t3.micro")
                                .tag("Name", "webserver-prod").tag("Group", Refs.securityGroup("web").id())
                                .securityGroups("web", "lb"))
                        .alarm("cpuHigh", a -> a.name("EC2-CPU-High-webserver-prod")
                                .metric("AWS/EC2", "CPUUtilization")
                                .dimension("InstanceId", "${instances.web.id}")
                                .statistic(AVERAGE).period(60).evaluationPeriods(5)
                                .threshold(GREATER_THAN_THRESHOLD, 90))
                        .function("reboot", f -> f.code(Path.of("../fake-function.zip"))
                                .handler("example.Handler::handleRequest").timeout(30).memory(512)
                                .environment("TARGET", Refs.instance("web").id())
                                .rolePolicy("""
                                        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                                          "Action": ["ec2:RebootInstances"], "Resource": "${instances.web.arn}"}]}
                                        """))
                        .rule("cpuHighReboot", r -> r.name("ec2-cpu-high-reboot")
                                .pattern("""
                                        {"source": ["aws.cloudwatch"], "detail-type": ["CloudWatch Alarm State Change"]}
                                        """)
                                .target(Targets.function("reboot").inputTransformer(
                                        Map.of("instance_id", "$.detail.configuration.metrics[0].metricStat.metric"
                                                + ".dimensions.InstanceId"),
                                        "{\"instance_id\": <instance_id>}"))
                                .target(Targets.queue("audit")
                                        .input("{\"queue\": \"" + Refs.queue("audit").url() + "\"}")
                                        .retryPolicy(2, null).deadLetterQueue("dlq"))
                                .target(Targets.topic("alerts").inputPath("$.detail"))))
                .fault(Faults.alarmState("cpuHigh", ALARM).reason("test"))
                .fault(Faults.securityGroupIngress("web", Permissions.tcp(22).cidr("0.0.0.0/0")))
                .expect(Duration.ofSeconds(20),
                        Outcomes.apiCalls("ec2", "RebootInstances").count(1).by("reboot"),
                        Outcomes.invocations("reboot").count(1).errors(0),
                        Outcomes.instance("web").running().rebootCount(1),
                        Outcomes.securityGroup("web").ingress(Permissions.tcp(22).cidr("0.0.0.0/0")).absent(),
                        Outcomes.queue("dlq").messages(0),
                        Outcomes.leastPrivilege("reboot"),
                        Outcomes.topic("alerts").messages(1).contains("{\"severity\": \"high\"}"))
                .idempotency(redeliver(3));
    }

    /** scenarios/ec2/ssh-open-to-world-revoked.yaml: security groups, a topic fanned out to a queue, a role policy. */
    static ScenarioBuilder sshOpenToWorldRevoked() {
        PermissionSpec sshFromAnywhere = Permissions.tcp(22).cidr("0.0.0.0/0");
        return Scenarios.scenario("ec2-ssh-open-to-world-revoked")
                .description(SSH_DESCRIPTION)
                .tags("ec2", "cloudtrail", "eventbridge", "lambda", "drift", "security-group")
                .baseDir(Path.of("../scenarios/ec2"))
                .stack(stack -> stack
                        .securityGroup("web", g -> g.name("web-servers")
                                .description("HTTPS from anywhere, SSH from the office only")
                                .ingress(Permissions.tcp(443).cidr("0.0.0.0/0").description("HTTPS"),
                                        Permissions.tcp(22).cidr("203.0.113.0/24").description("office SSH")))
                        .queue("securityAlerts", q -> q.attribute("MessageRetentionPeriod", "1209600"))
                        .queue("undeliverable", q -> q)
                        .topic("alerts", t -> t.name("security-alerts").subscribe("securityAlerts", true, null))
                        .instance("web", i -> i.imageId("ami-0abcdef1234567890").tag("Name", "webserver-prod")
                                .securityGroups("web"))
                        .function("revoke", f -> f.name("revoke-open-ssh-ingress")
                                .code(Path.of("../../remediations/target/remediations-lambda.jar"))
                                .handler("io.selfheal.remediations.RevokeOpenSshIngress::handleRequest")
                                .rolePolicy(Path.of(
                                        "../../remediations/src/main/resources/policies/RevokeOpenSshIngress.json"))
                                .timeout(30).memory(512))
                        .rule("sgIngress", r -> r.name("ec2-security-group-ingress-authorized")
                                .pattern(Path.of("../../fixtures/src/main/resources/patterns/"
                                        + "ec2-security-group-ingress-authorized.json"))
                                .target(Targets.function("revoke"))
                                .target(Targets.topic("alerts").retryPolicy(3, 3600)
                                        .deadLetterQueue("undeliverable"))))
                .steadyState(Probes.securityGroup("web").ingress(sshFromAnywhere).absent(),
                        Probes.securityGroup("web").ingress(Permissions.tcp(443).cidr("0.0.0.0/0")),
                        Probes.securityGroup("web").ingress(Permissions.tcp(22).cidr("203.0.113.0/24")))
                .fault(Faults.securityGroupIngress("web", sshFromAnywhere))
                .expect(Duration.ofSeconds(60),
                        Outcomes.securityGroup("web").ingress(sshFromAnywhere).absent(),
                        Outcomes.topic("alerts").messages(1)
                                .contains("{\"detail\": {\"eventName\": \"AuthorizeSecurityGroupIngress\"}}"),
                        Outcomes.queue("securityAlerts").messages(1)
                                .contains("{\"detail\": {\"eventName\": \"AuthorizeSecurityGroupIngress\"}}"),
                        Outcomes.queue("undeliverable").messages(0),
                        Outcomes.apiCalls("ec2", "RevokeSecurityGroupIngress").count(1).by("revoke"),
                        Outcomes.leastPrivilege("revoke"),
                        Outcomes.events("aws.ec2", "AWS API Call via CloudTrail").count(2).deliveredBy("sgIngress", 2))
                .idempotency(redeliver(3));
    }

    private static final String SSH_DESCRIPTION = "Configuration drift: someone opens SSH (tcp 22) to 0.0.0.0/0 on "
            + "the web servers' security group. CloudTrail's \"AWS API Call via CloudTrail\" event for "
            + "AuthorizeSecurityGroupIngress reaches RevokeOpenSshIngress through an EventBridge rule; the function "
            + "revokes exactly that rule, leaves HTTPS open, and does nothing when the same event is delivered again. "
            + "The same rule alerts the security team through an SNS topic fanned out to their queue.\n";

    /** harness/src/test/resources/scenarios/valid/timed.yaml: timed faults, every fault kind, never, counts, metric. */
    static ScenarioBuilder timed() {
        return Scenarios.scenario("timed-example")
                .description("Timed faults, every fault kind, never, counts and metric outcomes.")
                .stack(stack -> stack
                        .instance("web", i -> i.imageId("ami-0abcdef1234567890").tag("Name", "web"))
                        .function("reboot", f -> f.code(Path.of("src/test/resources/scenarios/fake-function.zip"))
                                .handler("example.Handler::handleRequest")))
                .fault(Faults.instanceLoad("web").cpu(99).lasting(Duration.ofMinutes(2)))
                .fault(Faults.at(Duration.ofMinutes(3), Faults.instanceLoad("web").stopResponding()))
                .fault(Faults.at(Duration.ofMinutes(3), Faults.rebootInstance("web")))
                .fault(Faults.forceStopInstance("web"))
                .fault(Faults.at(Duration.ofMinutes(10), Faults.terminateInstance("web")))
                .fault(Faults.putEvent("my.app", "Order Failed").detail("{\"orderId\": 7}").bus("orders"))
                .fault(Faults.putFixture("guardduty-finding")
                        .override("detail.resource.instanceDetails.instanceId", Refs.instance("web").id())
                        .override("detail.severity", IntNode.valueOf(5))
                        .override("resources.0", "arn:aws:ec2:us-east-1:123456789012:instance/"
                                + Refs.instance("web").id()))
                .expect(Duration.ofMinutes(15),
                        Outcomes.never(Outcomes.apiCalls("ec2", "RebootInstances").atLeast(2).by("reboot")),
                        Outcomes.invocations("reboot").atMost(1),
                        Outcomes.events("aws.ec2", "EC2 Instance State-change Notification").atLeast(1).atMost(3),
                        Outcomes.instance("web").tag("Name", "web"),
                        Outcomes.metric("AWS/EC2", "CPUUtilization").dimension("InstanceId", Refs.instance("web").id())
                                .statistic(MAXIMUM).window(Duration.ofMinutes(10))
                                .threshold(GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 99));
    }

    /** harness/src/test/resources/scenarios/valid/http-endpoints.yaml: webhooks stood in by WireMock. */
    static ScenarioBuilder httpEndpoints() {
        return Scenarios.scenario("http-endpoints-example")
                .description("HTTP endpoints, their references, httpEndpoint targets and the httpEndpoint expectation.")
                .stack(stack -> stack
                        .httpEndpoint("hook", h -> h.path("/hooks/ops").status(202).body("{\"ok\":true}")
                                .delay(Duration.ofMillis(500)).header("X-Hook", "stub"))
                        .httpEndpoint("pager", h -> h)
                        .function("notify", f -> f.code(Path.of("src/test/resources/scenarios/fake-function.zip"))
                                .handler("example.Handler::handleRequest")
                                .environment("WEBHOOK_URL", Refs.httpEndpoint("hook").url()))
                        .rule("alarm", r -> r.pattern("{\"source\": [\"aws.cloudwatch\"]}")
                                .target(Targets.httpEndpoint("hook").inputTransformer(
                                        Map.of("alarm", "$.detail.alarmName"), "{\"text\": \"alarm <alarm>\"}"))
                                .target(Targets.httpEndpoint("pager").basicAuth("ops", "s3cret").rateLimitPerSecond(5))
                                .target(Targets.httpEndpoint("pager").id("keyed")
                                        .apiKey("Authorization", "Bearer t0k3n"))
                                .target(Targets.function("notify"))))
                .fault(Faults.putEvent("ops.test", "Test").detail("{\"alarmName\": \"cpu-high\"}"))
                .expect(Outcomes.httpEndpoint("hook").requests(1).contains("{\"text\": \"alarm cpu-high\"}")
                                .header("x-api-key", "selfheal-dummy-key"),
                        Outcomes.httpEndpoint("pager").atLeast(1).atMost(2),
                        Outcomes.httpEndpoint("pager").header("Authorization", "Basic b3BzOnMzY3JldA=="));
    }
}
