package io.selfheal.harness.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.selfheal.harness.expect.ApiCallsExpectation;
import io.selfheal.harness.expect.InstanceExpectation;
import io.selfheal.harness.expect.InvocationsExpectation;
import io.selfheal.harness.steps.AlarmStateFault;
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
        assertThat(s.stack().instances().get("web").instanceType()).isEqualTo("t3.micro");
        Stack.Alarm alarm = s.stack().alarms().get("cpuHigh");
        assertThat(alarm.dimensions()).containsEntry("InstanceId", "${instances.web.id}");
        assertThat(alarm.evaluationPeriods()).isEqualTo(5);
        assertThat(alarm.threshold()).isEqualTo(90.0);
        Stack.Function fn = s.stack().functions().get("reboot");
        assertThat(fn.name()).isEqualTo("reboot");
        assertThat(fn.runtime()).isEqualTo("java17");
        assertThat(fn.code()).isRegularFile();
        assertThat(fn.rolePolicy()).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":[\"ec2:RebootInstances\"],\"Resource\":\"${instances.web.arn}\"}]}");
        Stack.Rule rule = s.stack().rules().get("cpuHighReboot");
        assertThat(rule.pattern()).isEqualTo(
                "{\"source\":[\"aws.cloudwatch\"],\"detail-type\":[\"CloudWatch Alarm State Change\"]}");
        assertThat(rule.targets()).first().satisfies(t -> {
            assertThat(t.id()).isEqualTo("target-1");
            assertThat(t.permission()).isTrue();
            assertThat(t.transformer().inputTemplate()).isEqualTo("{\"instance_id\": <instance_id>}");
        });
        assertThat(s.faults()).startsWith(new AlarmStateFault("cpuHigh", "ALARM", "test"));
        assertThat(s.outcomes()).startsWith(new ApiCallsExpectation("ec2", "RebootInstances", 1, "reboot"),
                new InvocationsExpectation("reboot", 1, 0), new InstanceExpectation("web", "running", 1));
        assertThat(s.within()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.idempotency().redeliver()).isEqualTo(3);
    }

    @Test
    void readsQueuesTopicsLogGroupsAndTheirTargets() {
        Scenario s = loader.load(SCENARIOS.resolve("valid/full.yaml"));
        assertThat(s.stack().queues().get("audit")).isEqualTo(new Stack.Queue("audit", "audit.fifo", true,
                java.util.Map.of("ContentBasedDeduplication", "true"), "dlq", 5));
        assertThat(s.stack().queues().get("dlq").fifo()).as("a .fifo name makes a FIFO queue").isTrue();
        assertThat(s.stack().topics().get("alerts").subscriptions()).containsExactly(
                new Stack.Subscription("audit", true, "{\"severity\":[\"high\"]}"));
        assertThat(s.stack().logGroups().get("app")).isEqualTo(new Stack.LogGroup("app", "/selfheal/app", 7));
        List<Stack.Target> targets = s.stack().rules().get("cpuHighReboot").targets();
        assertThat(targets.get(1)).isEqualTo(new Stack.Target("target-2", null, "audit", null, true,
                "{\"queue\":\"${queues.audit.url}\"}", null, null, new Stack.RetryPolicy(2, null), "dlq"));
        assertThat(targets.get(2).topic()).isEqualTo("alerts");
        assertThat(targets.get(2).inputPath()).isEqualTo("$.detail");
        assertThat(s.outcomes()).contains(new QueueExpectation("dlq", 0, null));
        assertThat(s.outcomes()).anySatisfy(o -> assertThat(o).isInstanceOfSatisfying(TopicExpectation.class,
                t -> assertThat(t.contains().toString()).isEqualTo("{\"severity\":\"high\"}")));
    }

    @Test
    void readsSecurityGroupsTheirRulesAndTheDriftSteps() {
        Scenario s = loader.load(SCENARIOS.resolve("valid/full.yaml"));
        Stack.SecurityGroup web = s.stack().securityGroups().get("web");
        assertThat(web.name()).isEqualTo("web");
        assertThat(web.description()).isEqualTo("web servers");
        assertThat(web.vpc()).isNull();
        assertThat(web.ingress()).containsExactly(
                new Stack.Permission("tcp", 443, 443, "0.0.0.0/0", null, null, "HTTPS"),
                new Stack.Permission("tcp", 8000, 8100, null, null, "lb", null),
                new Stack.Permission("-1", null, null, null, "::/0", null, null));
        assertThat(web.egress()).as("egress: [] removes the default allow-all rule").isEmpty();
        assertThat(s.stack().securityGroups().get("lb").egress()).as("no egress key keeps the default").isNull();
        assertThat(s.stack().instances().get("web").securityGroups()).containsExactly("web", "lb");
        Stack.Permission ssh = new Stack.Permission("tcp", 22, 22, "0.0.0.0/0", null, null, null);
        assertThat(s.faults()).contains(new SecurityGroupIngressFault("web", ssh));
        assertThat(s.outcomes()).contains(new SecurityGroupExpectation("web", false, ssh, false));
        assertThat(s.idempotency().redeliver()).isEqualTo(3);
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
}
