package io.selfheal.harness.backend.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.control.FunctionInvocation;
import io.selfheal.emulator.core.ApiCall;
import io.selfheal.harness.backend.Capability;
import io.selfheal.harness.backend.Cloud;
import io.selfheal.harness.backend.EmbeddedCloud;
import io.selfheal.harness.engine.Check;
import io.selfheal.harness.engine.CheckResult;
import io.selfheal.harness.engine.ScenarioResult;
import io.selfheal.harness.engine.ScenarioRunner;
import io.selfheal.harness.scenario.Scenario;
import io.selfheal.harness.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The seed's Python remediation on the embedded emulator in real time, its outcomes read through AWS's APIs alone
 * (CloudTrail LookupEvents, CloudWatch Logs and AWS/Lambda metrics, a catch-all rule into SQS) by SDK v2 clients
 * against the emulator's port: the cloud the scenario sees refuses every read of the emulator's own logs. What AWS
 * recorded is then compared with what the emulator's call, invocation and event logs say.
 */
class AwsObservationTest {
    private static final Path FILE = Path.of("../scenarios/seed/observed-through-aws.yaml");
    private static final String SCENARIO = """
            scenario: observed-through-aws-%s
            clock: real
            stack:
              instances:
                web: {imageId: ami-0abcdef1234567890, instanceType: t3.micro, monitoring: detailed}
              alarms:
                cpuHigh:
                  name: EC2-CPU-High-observed
                  namespace: AWS/EC2
                  metric: CPUUtilization
                  dimensions: {InstanceId: "${instances.web.id}"}
                  statistic: Average
                  period: 60
                  evaluationPeriods: 5
                  threshold: 90
                  comparison: GreaterThanThreshold
              functions:
                reboot:
                  name: reboot-observed
                  code: ../../remediations/src/main/python/reboot_on_high_cpu.py
                  handler: reboot_on_high_cpu.handler
                  runtime: python3.12
                  timeout: 30
                  rolePolicy: ../../remediations/src/main/python/reboot_on_high_cpu.policy.json
              rules:
                cpuHighReboot:
                  name: observed-cpu-high-reboot
                  pattern: ../../fixtures/src/main/resources/patterns/ec2-cpu-high-alarm.json
                  targets:
                    - function: reboot
                      inputTransformer: ../../fixtures/src/main/resources/transformers/reboot-on-high-cpu.json
            faults:
              - alarmState: {alarm: cpuHigh, state: ALARM, reason: "Threshold Crossed"}
            expect:
              within: %s
              outcomes:
                - events: {source: aws.cloudwatch, detailType: CloudWatch Alarm State Change, count: 1}
                - apiCalls: {service: ec2, operation: RebootInstances, count: %d, by: reboot}
                - invocations: {function: reboot, count: 1, errors: 0}
                - instance: {ref: web, state: running}
            idempotency:
              redeliver: 1
            """;

    private EmbeddedCloud emulator;
    private AwsObservation observation;

    @BeforeEach
    void start() {
        emulator = new EmbeddedCloud(false);
        observation = AwsObservation.open(emulator.endpoint(), emulator.region(), emulator.credentials(), "t1",
                emulator.now().minusSeconds(1), Duration.ZERO);
    }

    @AfterEach
    void stop() {
        if (observation != null) {
            observation.close();
        }
        emulator.close();
    }

    @Test
    void aScenarioObservedThroughAwsAlonePassesAndAgreesWithTheEmulatorsLogs() {
        Scenario scenario = new ScenarioLoader().load(FILE, SCENARIO.formatted("passes", "PT60S", 1));

        ScenarioResult result = new ScenarioRunner(s -> awsOnly(emulator, observation)).run(scenario);

        assertThat(result.passed()).as(String.valueOf(result.reason())).isTrue();
        assertThat(result.checks()).filteredOn(CheckResult::isSkipped).extracting(CheckResult::name,
                        CheckResult::skipReason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("nothing-lost", Capability.reason(Check.NOTHING_LOST.needs())),
                        org.assertj.core.groups.Tuple.tuple("idempotency", Capability.reason(
                                Check.idempotency(Scenario.RedeliveryMode.SEQUENTIAL).needs())));
        assertThat(observation.awaitCallsDelivered(Duration.ofSeconds(10))).isTrue();

        // The pre-production facts: where it ran, what outcomes were read from, the real clock, and the request id
        // of the remediation's reboot as the emulator's call log has it.
        String rebootId = emulator.observation().calls().stream().filter(c -> c.operation().equals("RebootInstances"))
                .findFirst().orElseThrow().requestId();
        assertThat(result.facts().backend()).isEqualTo(emulator.describe());
        assertThat(result.facts().embedded()).isFalse();
        assertThat(result.facts().observedFrom()).isEqualTo(observation.source());
        assertThat(result.facts().realClock()).isTrue();
        assertThat(result.facts().remediationCalls()).contains("ec2 RebootInstances " + rebootId)
                .allMatch(c -> c.startsWith("ec2 "));

        // CloudTrail's records are the call log's management calls: the same request ids, callers and outcomes.
        assertThat(reboots(observation.calls())).isNotEmpty().isEqualTo(reboots(emulator.observation().calls()));
        List<String> trailIds = observation.calls().stream().map(ApiCall::requestId).toList();
        assertThat(emulator.observation().calls().stream().filter(c -> !c.readOnly() && c.service().equals("ec2"))
                .map(ApiCall::requestId)).allMatch(trailIds::contains);

        // The function's log group tells the same invocation: its request id, finished, no error.
        List<FunctionInvocation> logged = observation.invocations("reboot-observed");
        assertThat(logged).extracting(FunctionInvocation::requestId, FunctionInvocation::errorType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        emulator.observation().invocations("reboot-observed").get(0).requestId(), null));
        assertThat(logged.get(0).finished()).isNotNull();
        assertThat(logged.get(0).logs()).doesNotContain("START RequestId", "REPORT RequestId");

        // The tap saw every event the default bus got once its target was in place: all but the CloudTrail events
        // of its own setup.
        Set<String> tapped = observation.events().stream().map(EventRecord::eventId).collect(Collectors.toSet());
        assertThat(tapped).contains(alarmEventId(emulator.observation().events()));
        assertThat(emulator.observation().events().stream().map(EventRecord::eventId)).containsAll(tapped);
        assertThat(emulator.observation().events().stream().filter(e -> !tapped.contains(e.eventId()))
                .map(e -> e.event().path("detail").path("eventName").asText()))
                .isNotEmpty().allMatch(Set.of("CreateQueue", "SetQueueAttributes", "PutRule")::contains);
    }

    @Test
    void aFailingOutcomeSaysWhereItWasReadFrom() {
        Scenario scenario = new ScenarioLoader().load(FILE, SCENARIO.formatted("fails", "PT2S", 2));

        ScenarioResult result = new ScenarioRunner(s -> awsOnly(emulator, observation)).run(scenario);

        assertThat(result.passed()).isFalse();
        // Two seconds are too short for the function's cold start: whatever was seen, the message says where from.
        assertThat(result.reason()).contains("✗ ec2 RebootInstances called exactly 2 times by function reboot — observed: ",
                " (read from CloudTrail LookupEvents, CloudWatch Logs /aws/lambda/<function> and AWS/Lambda metrics, "
                        + "rule tap-sh-t1 → SQS)", "; deliveries unknown)")
                .doesNotContain("matched no rule", "reboots=");
    }

    @Test
    void closingTheObservationDeletesItsRuleAndQueue() {
        try (EventBridgeClient events = EventBridgeClient.builder().endpointOverride(emulator.endpoint())
                .region(Region.of(emulator.region())).credentialsProvider(emulator.credentials()).build();
             SqsClient sqs = SqsClient.builder().endpointOverride(emulator.endpoint())
                     .region(Region.of(emulator.region())).credentialsProvider(emulator.credentials()).build()) {
            assertThat(events.listRules(r -> r.namePrefix("tap-sh-")).rules())
                    .extracting(r -> r.name()).containsExactly("tap-sh-t1");
            assertThat(sqs.listQueues(r -> r.queueNamePrefix("tap-sh-")).queueUrls()).hasSize(1);

            observation.close();
            observation = null;

            assertThat(events.listRules(r -> r.namePrefix("tap-sh-")).rules()).isEmpty();
            assertThat(sqs.listQueues(r -> r.queueNamePrefix("tap-sh-")).queueUrls()).isEmpty();
        }
    }

    private static List<String> reboots(List<ApiCall> calls) {
        return calls.stream().filter(c -> c.operation().equals("RebootInstances"))
                .map(c -> c.requestId() + " " + c.callerArn() + " " + c.errorCode()).toList();
    }

    private static String alarmEventId(List<EventRecord> events) {
        return events.stream().filter(e -> e.event().path("detail-type").asText()
                .equals("CloudWatch Alarm State Change")).findFirst().orElseThrow().eventId();
    }

    /** The emulator as a cloud without controls (as AWS is): only its AWS endpoint, observed through AWS's APIs. */
    private static Cloud awsOnly(EmbeddedCloud emulator, Observation observation) {
        return new Cloud() {
            @Override
            public String describe() {
                return emulator.describe();
            }

            @Override
            public java.net.URI endpoint() {
                return emulator.endpoint();
            }

            @Override
            public String region() {
                return emulator.region();
            }

            @Override
            public software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials() {
                return emulator.credentials();
            }

            @Override
            public java.util.Optional<io.selfheal.harness.backend.EmulatorControls> controls() {
                return java.util.Optional.empty();
            }

            @Override
            public Observation observation() {
                return observation;
            }

            @Override
            public void close() {
                // the test reads the emulator's logs afterwards
            }
        };
    }
}
