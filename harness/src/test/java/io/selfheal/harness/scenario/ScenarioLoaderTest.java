package io.selfheal.harness.scenario;

import io.selfheal.harness.stack.InstanceKind;
import io.selfheal.harness.stack.AlarmKind;
import io.selfheal.harness.stack.FunctionKind;
import io.selfheal.harness.stack.HttpEndpointKind;
import io.selfheal.harness.stack.LogGroupKind;
import io.selfheal.harness.stack.QueueKind;
import io.selfheal.harness.stack.RuleKind;
import io.selfheal.harness.stack.SecurityGroupKind;
import io.selfheal.harness.stack.TopicKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.selfheal.harness.expect.ApiCallsExpectation;
import io.selfheal.harness.expect.Count;
import io.selfheal.harness.expect.InstanceExpectation;
import io.selfheal.harness.expect.InvocationsExpectation;
import io.selfheal.harness.expect.EventsExpectation;
import io.selfheal.harness.expect.HttpEndpointExpectation;
import io.selfheal.harness.expect.MetricExpectation;
import io.selfheal.harness.expect.NeverExpectation;
import io.selfheal.harness.steps.AlarmStateFault;
import io.selfheal.harness.steps.InstanceLoadFault;
import io.selfheal.harness.steps.PutEventFault;
import io.selfheal.harness.steps.RebootInstanceFault;
import io.selfheal.harness.steps.StopInstanceFault;
import io.selfheal.harness.steps.TerminateInstanceFault;
import io.selfheal.harness.steps.TimedFault;
import io.selfheal.harness.expect.QueueExpectation;
import io.selfheal.harness.expect.SecurityGroupExpectation;
import io.selfheal.harness.expect.TopicExpectation;
import io.selfheal.harness.steps.SecurityGroupIngressFault;
import io.selfheal.harness.yaml.InvalidFileException;
import io.selfheal.harness.yaml.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {
    private static final Path SCENARIOS = Path.of("src/test/resources/scenarios");
    private final ScenarioLoader loader = new ScenarioLoader();

    @Test
    void readsEverySectionOfAValidFile() {
        Scenario s = loader.load(SCENARIOS.resolve("valid/full.yaml"));
        assertThat(s.name()).isEqualTo("full-example");
        assertThat(s.tags()).containsExactly("ec2", "example");
        assertThat(s.stack().all(InstanceKind.Instance.class).get("web").instanceType()).isEqualTo("t3.micro");
        AlarmKind.Alarm alarm = s.stack().all(AlarmKind.Alarm.class).get("cpuHigh");
        assertThat(alarm.dimensions()).containsEntry("InstanceId", "${instances.web.id}");
        assertThat(alarm.evaluationPeriods()).isEqualTo(5);
        assertThat(alarm.threshold()).isEqualTo(90.0);
        FunctionKind.Function fn = s.stack().all(FunctionKind.Function.class).get("reboot");
        assertThat(fn.name()).isEqualTo("reboot");
        assertThat(fn.runtime()).isEqualTo("java17");
        assertThat(fn.code()).isRegularFile();
        assertThat(fn.rolePolicy()).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":[\"ec2:RebootInstances\"],\"Resource\":\"${instances.web.arn}\"}]}");
        RuleKind.Rule rule = s.stack().all(RuleKind.Rule.class).get("cpuHighReboot");
        assertThat(rule.pattern()).isEqualTo(
                "{\"source\":[\"aws.cloudwatch\"],\"detail-type\":[\"CloudWatch Alarm State Change\"]}");
        assertThat(rule.targets()).first().satisfies(t -> {
            assertThat(t.id()).isEqualTo("target-1");
            assertThat(t.permission()).isTrue();
            assertThat(t.transformer().inputTemplate()).isEqualTo("{\"instance_id\": <instance_id>}");
        });
        assertThat(s.faults()).startsWith(new AlarmStateFault("cpuHigh", "ALARM", "test"));
        assertThat(s.outcomes()).startsWith(new ApiCallsExpectation("ec2", "RebootInstances",
                Count.exactly(1), "reboot"), new InvocationsExpectation("reboot", Count.exactly(1), 0), new InstanceExpectation("web", "running", 1, java.util.Map.of()));
        assertThat(s.within()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.idempotency().redeliver()).isEqualTo(3);
    }

    @Test
    void readsTimedFaultsEveryFaultKindNeverCountsAndMetrics() {
        Scenario s = loader.load(SCENARIOS.resolve("valid/timed.yaml"));
        assertThat(s.faults()).hasSize(7);
        assertThat(s.faults().get(0)).isEqualTo(new InstanceLoadFault("web", 99, Duration.ofMinutes(2), false));
        assertThat(s.faults().get(1)).isEqualTo(new TimedFault(Duration.ofMinutes(3),
                new InstanceLoadFault("web", 100, null, true)));
        assertThat(s.faults().get(2)).isEqualTo(new TimedFault(Duration.ofMinutes(3), new RebootInstanceFault("web")));
        assertThat(s.faults().get(3)).isEqualTo(new StopInstanceFault("web", true));
        assertThat(s.faults().get(4)).isEqualTo(new TimedFault(Duration.ofMinutes(10),
                new TerminateInstanceFault("web")));
        assertThat(s.faults().stream().map(TimedFault::offset).map(Duration::toMinutes))
                .containsExactly(0L, 3L, 3L, 0L, 10L, 0L, 0L);
        PutEventFault inline = (PutEventFault) s.faults().get(5);
        assertThat(inline.bus()).isEqualTo("orders");
        assertThat(inline.event()).isEqualTo("{\"source\":\"my.app\",\"detail-type\":\"Order Failed\","
                + "\"detail\":{\"orderId\":7},\"resources\":[]}");
        PutEventFault fixture = (PutEventFault) s.faults().get(6);
        assertThat(fixture.label()).isEqualTo("guardduty-finding");
        assertThat(fixture.bus()).isNull();
        assertThat(fixture.event()).contains("\"instanceId\":\"${instances.web.id}\"", "\"severity\":5,",
                "\"resources\":[\"arn:aws:ec2:us-east-1:123456789012:instance/${instances.web.id}\"]",
                "\"detail-type\":\"GuardDuty Finding\"");

        assertThat(s.outcomes()).containsExactly(
                new NeverExpectation(new ApiCallsExpectation("ec2", "RebootInstances", new Count(2, null), "reboot")),
                new InvocationsExpectation("reboot", new Count(0, 1L), 0),
                new EventsExpectation("aws.ec2", "EC2 Instance State-change Notification", new Count(1, 3L), null,
                        null),
                new InstanceExpectation("web", null, null, java.util.Map.of("Name", "web")),
                new MetricExpectation("AWS/EC2", "CPUUtilization", java.util.Map.of("InstanceId",
                        "${instances.web.id}"), "Maximum", 60, Duration.ofMinutes(10),
                        "GreaterThanOrEqualToThreshold", 99));
        assertThat(s.outcomes().get(0).untilDeadline()).isTrue();
        assertThat(s.outcomes().get(0).describe())
                .isEqualTo("never: ec2 RebootInstances called at least 2 times by function reboot");
        assertThat(s.outcomes().get(1).describe()).isEqualTo("function reboot ran at most 1 time with 0 errors");
        assertThat(s.outcomes().get(2).describe())
                .startsWith("between 1 and 3 aws.ec2 \"EC2 Instance State-change Notification\" events");
    }

    @Test
    void readsQueuesTopicsLogGroupsAndTheirTargets() {
        Scenario s = loader.load(SCENARIOS.resolve("valid/full.yaml"));
        assertThat(s.stack().all(QueueKind.Queue.class).get("audit")).isEqualTo(new QueueKind.Queue("audit", "audit.fifo", true,
                java.util.Map.of("ContentBasedDeduplication", "true"), "dlq", 5));
        assertThat(s.stack().all(QueueKind.Queue.class).get("dlq").fifo()).as("a .fifo name makes a FIFO queue").isTrue();
        assertThat(s.stack().all(TopicKind.Topic.class).get("alerts").subscriptions()).containsExactly(
                new TopicKind.Subscription("audit", true, "{\"severity\":[\"high\"]}"));
        assertThat(s.stack().all(LogGroupKind.LogGroup.class).get("app")).isEqualTo(new LogGroupKind.LogGroup("app", "/selfheal/app", 7));
        List<RuleKind.Target> targets = s.stack().all(RuleKind.Rule.class).get("cpuHighReboot").targets();
        assertThat(targets.get(1)).isEqualTo(new RuleKind.Target("target-2", null, "audit", null, true,
                "{\"queue\":\"${queues.audit.url}\"}", null, null, new RuleKind.RetryPolicy(2, null), "dlq"));
        assertThat(targets.get(2).topic()).isEqualTo("alerts");
        assertThat(targets.get(2).inputPath()).isEqualTo("$.detail");
        assertThat(s.outcomes()).contains(new QueueExpectation("dlq", 0, null));
        assertThat(s.outcomes()).anySatisfy(o -> assertThat(o).isInstanceOfSatisfying(TopicExpectation.class,
                t -> assertThat(t.contains().toString()).isEqualTo("{\"severity\":\"high\"}")));
    }

    @Test
    void readsSecurityGroupsTheirRulesAndTheDriftSteps() {
        Scenario s = loader.load(SCENARIOS.resolve("valid/full.yaml"));
        SecurityGroupKind.SecurityGroup web = s.stack().all(SecurityGroupKind.SecurityGroup.class).get("web");
        assertThat(web.name()).isEqualTo("web");
        assertThat(web.description()).isEqualTo("web servers");
        assertThat(web.vpc()).isNull();
        assertThat(web.ingress()).containsExactly(
                new SecurityGroupKind.Permission("tcp", 443, 443, "0.0.0.0/0", null, null, "HTTPS"),
                new SecurityGroupKind.Permission("tcp", 8000, 8100, null, null, "lb", null),
                new SecurityGroupKind.Permission("-1", null, null, null, "::/0", null, null));
        assertThat(web.egress()).as("egress: [] removes the default allow-all rule").isEmpty();
        assertThat(s.stack().all(SecurityGroupKind.SecurityGroup.class).get("lb").egress()).as("no egress key keeps the default").isNull();
        assertThat(s.stack().all(InstanceKind.Instance.class).get("web").securityGroups()).containsExactly("web", "lb");
        SecurityGroupKind.Permission ssh = new SecurityGroupKind.Permission("tcp", 22, 22, "0.0.0.0/0", null, null, null);
        assertThat(s.faults()).contains(new SecurityGroupIngressFault("web", ssh));
        assertThat(s.outcomes()).contains(new SecurityGroupExpectation("web", false, ssh, false));
        assertThat(s.idempotency().redeliver()).isEqualTo(3);
    }

    /** The 1-based line on which {@code text} first starts a line (as {@link #withTail} cuts there). */
    private static long lineOf(Path file, String text) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.takeWhile(l -> !l.startsWith(text)).count() + 1;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void readsHttpEndpointsTheirTargetsAndTheHttpEndpointExpectation() {
        Scenario s = loader.load(SCENARIOS.resolve("valid/http-endpoints.yaml"));
        assertThat(s.stack().all(HttpEndpointKind.HttpEndpoint.class).get("hook")).isEqualTo(new HttpEndpointKind.HttpEndpoint("hook", "/hooks/ops", 202,
                "{\"ok\":true}", Duration.ofMillis(500), java.util.Map.of("X-Hook", "stub")));
        assertThat(s.stack().all(HttpEndpointKind.HttpEndpoint.class).get("pager")).as("defaults: /<key>, 200, empty body, no delay")
                .isEqualTo(new HttpEndpointKind.HttpEndpoint("pager", "/pager", 200, "", Duration.ZERO, java.util.Map.of()));
        assertThat(s.stack().all(FunctionKind.Function.class).get("notify").environment())
                .containsEntry("WEBHOOK_URL", "${httpEndpoints.hook.url}");
        List<RuleKind.Target> targets = s.stack().all(RuleKind.Rule.class).get("alarm").targets();
        assertThat(targets.get(0).httpEndpoint()).isEqualTo("hook");
        assertThat(targets.get(0).connection()).as("the default connection").isEqualTo(RuleKind.Connection.DEFAULT);
        assertThat(targets.get(0).transformer().inputTemplate()).isEqualTo("{\"text\": \"alarm <alarm>\"}");
        assertThat(targets.get(1).connection()).isEqualTo(new RuleKind.Connection("BASIC", null, null, "ops", "s3cret"));
        assertThat(targets.get(1).rateLimitPerSecond()).isEqualTo(5);
        assertThat(targets.get(2).id()).isEqualTo("keyed");
        assertThat(targets.get(2).connection()).isEqualTo(new RuleKind.Connection("API_KEY", "Authorization",
                "Bearer t0k3n", null, null));
        assertThat(targets.get(3).httpEndpoint()).isNull();
        assertThat(targets.get(3).connection()).isNull();
        assertThat(s.outcomes()).containsExactly(
                new HttpEndpointExpectation("hook", Count.exactly(1), new com.fasterxml.jackson.databind.ObjectMapper()
                        .createObjectNode().put("text", "alarm cpu-high"), java.util.Map.of("x-api-key",
                        "selfheal-dummy-key")),
                new HttpEndpointExpectation("pager", new Count(1, 2L), null, java.util.Map.of()),
                new HttpEndpointExpectation("pager", new Count(1, null), null,
                        java.util.Map.of("Authorization", "Basic b3BzOnMzY3JldA==")));
        assertThat(s.outcomes().get(0).describe()).isEqualTo("httpEndpoint hook received exactly 1 request containing "
                + "{\"text\":\"alarm cpu-high\"} with header {x-api-key=selfheal-dummy-key}");
    }

    static Stream<Path> brokenFiles() throws IOException {
        return Files.list(SCENARIOS.resolve("broken")).sorted();
    }

    /** Each broken file lists, in "# expect: line:column: path: message" comments, the problems it must produce. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void brokenFilesReportEveryProblemWithItsPosition(Path file) throws IOException {
        List<String> expected = Files.readAllLines(file).stream().filter(l -> l.startsWith("# expect: "))
                .map(l -> file + ":" + l.substring("# expect: ".length())).toList();
        assertThat(expected).as("the file declares its expected problems").isNotEmpty();
        InvalidFileException e = catchThrowableOfType(InvalidFileException.class, () -> loader.load(file));
        assertThat(e).as("loading " + file + " must fail").isNotNull();
        List<String> reported = e.problems().stream().map(Problem::toString).toList();
        for (String problem : expected) {
            assertThat(reported).as("problems of " + file.getFileName())
                    .anySatisfy(r -> assertThat(r).startsWith(problem));
        }
        assertThat(e.getMessage()).contains(file.toString() + ":");
    }

    @Test
    void aMissingFileIsReportedNotThrownRaw() {
        assertThatThrownBy(() -> loader.load(SCENARIOS.resolve("nope.yaml")))
                .isInstanceOf(InvalidFileException.class).hasMessageContaining("cannot read the file");
    }

    /** valid/full.yaml with its {@code idempotency:} section replaced by {@code tail} (and {@code clock} set). */
    private Scenario withTail(String tail, String clock) throws IOException {
        Path file = SCENARIOS.resolve("valid/full.yaml");
        String text = Files.readString(file);
        text = text.substring(0, text.indexOf("idempotency:")) + tail;
        return loader.load(file, clock == null ? text : "clock: " + clock + "\n" + text);
    }

    private List<String> problems(String tail, String clock) {
        InvalidFileException e = catchThrowableOfType(InvalidFileException.class, () -> withTail(tail, clock));
        assertThat(e).as("loading must fail").isNotNull();
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void theShortIdempotencyFormIsSequentialAndNoRecoveryKeyMeansNoBound() throws IOException {
        Scenario s = withTail("idempotency: {redeliver: 2}\n", null);
        assertThat(s.idempotency()).isEqualTo(new Scenario.Idempotency(2));
        assertThat(s.idempotency().modes()).containsExactly(Scenario.RedeliveryMode.SEQUENTIAL);
        assertThat(s.recovery()).isNull();
    }

    @Test
    void readsTheRecoveryBoundAndEveryIdempotencyMode() throws IOException {
        Scenario s = withTail("""
                recovery: {within: PT15M}
                idempotency:
                  redeliver: 3
                  mode: [concurrent, late, sequential]
                  lateBy: PT2H
                """, null);
        assertThat(s.recovery()).isEqualTo(new Scenario.Recovery(Duration.ofMinutes(15)));
        assertThat(s.within()).as("expect.within stays the outcome deadline").isEqualTo(Duration.ofSeconds(20));
        assertThat(s.idempotency()).isEqualTo(new Scenario.Idempotency(3, List.of(Scenario.RedeliveryMode.CONCURRENT,
                Scenario.RedeliveryMode.LATE, Scenario.RedeliveryMode.SEQUENTIAL), Duration.ofHours(2)));
        assertThat(withTail("idempotency: {redeliver: 1, mode: late}\n", null).idempotency().lateBy())
                .as("a late redelivery defaults to an hour late").isEqualTo(Duration.ofHours(1));
        assertThat(withTail("idempotency: {redeliver: 1, mode: concurrent}\n", null).idempotency().modes())
                .containsExactly(Scenario.RedeliveryMode.CONCURRENT);
    }

    @Test
    void badRecoveryAndIdempotencyKeysAreReportedWithTheirPositions() {
        String file = SCENARIOS.resolve("valid/full.yaml").toString();
        long first = lineOf(SCENARIOS.resolve("valid/full.yaml"), "idempotency:");   // where the tail starts
        assertThat(problems("""
                recovery: {within: PT0S}
                idempotency: {redeliver: 3, mode: [concurent, sequential, sequential], lateBy: PT1H}
                """, null)).anySatisfy(p -> assertThat(p).startsWith(file + ":" + first + ":20: recovery.within: "
                        + "a recovery bound must be longer than zero"))
                .anySatisfy(p -> assertThat(p).startsWith(file + ":" + (first + 1) + ":36: idempotency.mode[0]: 'concurent' is not "
                        + "one of sequential, concurrent, late (did you mean 'concurrent'?)"))
                .anySatisfy(p -> assertThat(p).startsWith(file + ":" + (first + 1) + ":59: idempotency.mode[2]: "
                        + "mode 'sequential' is listed twice"))
                .anySatisfy(p -> assertThat(p).startsWith(file + ":" + (first + 1) + ":80: idempotency.lateBy: "
                        + "lateBy applies to mode 'late' only"));
        assertThat(problems("recovery: {whithin: PT5M}\n", null))
                .anySatisfy(p -> assertThat(p).contains("recovery.whithin: unknown key 'whithin' (did you mean 'within'?)"));
        assertThat(problems("idempotency: {redeliver: 3, mode: late}\n", "real"))
                .anySatisfy(p -> assertThat(p).contains("idempotency.mode: a late redelivery moves the virtual clock"));
    }
}
