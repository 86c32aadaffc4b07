package io.selfheal.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.harness.backend.EmbeddedCloud;
import io.selfheal.harness.scenario.Scenario;
import io.selfheal.harness.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The built-in "nothing lost" check and the {@code deadLetter}/{@code destination} outcomes, on the seed's Python
 * remediation behind an EventBridge rule, failing every attempt (a functionFault), on a virtual clock. The outcomes
 * read the queues through the AWS SDK v2 (ReceiveMessage with message attributes), as a team would.
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
 */
class NothingLostCheckTest {
    /** Written as if it lay beside the example scenarios, so its relative paths are theirs. */
    private static final Path FILE = Path.of("../scenarios/lambda/nothing-lost-test.yaml");
    private static final String SCENARIO = """
            scenario: %s
            stack:
              queues:
                dlq: {name: %s-dlq}
                failures: {name: %s-failures}
              topics:
                failed:
                  subscriptions: [{queue: failures}]
              alarms:
                cpuHigh:
                  name: EC2-CPU-High-%s
                  namespace: AWS/EC2
                  metric: CPUUtilization
                  dimensions: {InstanceId: i-0123456789abcdef0}
                  statistic: Average
                  period: 60
                  evaluationPeriods: 5
                  threshold: 90
                  comparison: GreaterThanThreshold
              functions:
                reboot:
                  name: reboot-%s
                  code: ../../remediations/src/main/python/reboot_on_high_cpu.py
                  handler: reboot_on_high_cpu.handler
                  runtime: python3.12
            %s
              rules:
                cpuHighReboot:
                  name: cpu-high-reboot-%s
                  pattern: ../../fixtures/src/main/resources/patterns/ec2-cpu-high-alarm.json
                  targets:
                    - function: reboot
                      inputTransformer: ../../fixtures/src/main/resources/transformers/reboot-on-high-cpu.json
            faults:
              - functionFault: {function: reboot, mode: throw, for: PT1H}
              - alarmState: {alarm: cpuHigh, state: ALARM, reason: "Threshold Crossed"}
            expect:
              within: PT5M
              outcomes:
            %s
            """;

    private static Scenario scenario(String name, String failureHandling, String outcomes) {
        return new ScenarioLoader().load(FILE, SCENARIO.formatted(name, name, name, name, name,
                failureHandling.indent(6).stripTrailing(), name, outcomes.indent(4).stripTrailing()));
    }

    private static CheckResult[] run(Scenario s) {
        try (EmbeddedCloud cloud = new EmbeddedCloud(true); ScenarioRun run = new ScenarioRun(s, cloud)) {
            run.provision();
            run.establishSteadyState();
            run.injectFaults();
            return new CheckResult[] {run.verifyOutcome(), run.verifyNothingLost()};
        }
    }

    @Test
    void aFailedEventWithNeitherDeadLetterQueueNorDestinationIsLostAndNamed() {
        // AWS discards it after the retries without a trace: exactly what the check must catch
        Scenario s = scenario("lost", "eventInvokeConfig: {maximumRetryAttempts: 1}",
                "- invocations: {function: reboot, count: 2, errors: 2}");
        assertThat(Check.of(s)).contains(Check.NOTHING_LOST);
        CheckResult[] results = run(s);
        assertThat(results[0].passed()).as(String.valueOf(results[0].message())).isTrue();
        assertThat(results[1].passed()).isFalse();
        assertThat(results[1].name()).isEqualTo("nothing-lost");
        assertThat(results[1].message())
                .startsWith("1 asynchronous event was lost")
                .containsPattern("event [0-9a-f-]{36} \\(CloudWatch Alarm State Change\\) \\(request [0-9a-f-]{36}\\)")
                .contains("of function reboot: attempt 2 failed at")
                .contains("the function has no deadLetter and no onFailure destination, so Lambda discards it");
    }

    @Test
    void aFailedEventInTheDeadLetterQueueAndOnFailureTopicIsAccountedForAndTheOutcomesReadThem() {
        Scenario s = scenario("kept", """
                deadLetter: {queue: dlq}
                eventInvokeConfig:
                  maximumRetryAttempts: 1
                  destinations: {onFailure: {topic: failed}}""", """
                - deadLetter: {function: reboot, count: 1, errorCode: 200, errorMessage: injected function fault}
                - destination: {function: reboot, condition: RetriesExhausted, count: 1}
                - never: {destination: {function: reboot, condition: EventAgeExceeded}}""");
        CheckResult[] results = run(s);
        assertThat(results[0].passed()).as(String.valueOf(results[0].message())).isTrue();
        assertThat(results[1].passed()).as(String.valueOf(results[1].message())).isTrue();
    }

    @Test
    void anEventThrottledUntilTooOldIsAccountedForByItsOnFailureRecordAndLostWithoutOne() {
        // reserved concurrency 0: the event never runs; after a minute Lambda gives up on it (EventAgeExceeded)
        Scenario kept = scenario("throttled", """
                reservedConcurrency: 0
                eventInvokeConfig:
                  maximumEventAge: PT1M
                  destinations: {onFailure: {topic: failed}}""", """
                - destination: {function: reboot, condition: EventAgeExceeded, count: 1}
                - invocations: {function: reboot, count: 0}""");
        CheckResult[] results = run(kept);
        assertThat(results[0].passed()).as(String.valueOf(results[0].message())).isTrue();
        assertThat(results[1].passed()).as(String.valueOf(results[1].message())).isTrue();

        Scenario lost = scenario("throttledlost", """
                reservedConcurrency: 0
                eventInvokeConfig: {maximumEventAge: PT1M}""", """
                - invocations: {function: reboot, count: 0}""");
        results = run(lost);
        assertThat(results[1].passed()).isFalse();
        assertThat(results[1].message()).startsWith("1 asynchronous event was lost")
                .contains("to function reboot at").contains("never run and neither in its dead-letter queue nor in "
                        + "its on-failure destination");
    }

    @Test
    void aDeadLetterOutcomeThatDoesNotHoldSaysWhatTheQueueHeld() {
        Scenario s = scenario("miss", "deadLetter: {queue: dlq}", """
                - deadLetter: {function: reboot, count: 1, errorCode: 429}""");
        CheckResult[] results = run(s);
        assertThat(results[0].passed()).isFalse();
        assertThat(results[0].message()).contains("1 dead letter in queue dlq, 0 matching (first: RequestID ")
                .contains("ErrorCode 200");
        assertThat(results[1].passed()).as("the event is in the dead-letter queue all the same").isTrue();
    }
}
