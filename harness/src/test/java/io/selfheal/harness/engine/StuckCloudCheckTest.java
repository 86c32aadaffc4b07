package io.selfheal.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.core.CloudNotIdleException;
import io.selfheal.harness.backend.Cloud;
import io.selfheal.harness.backend.EmbeddedCloud;
import io.selfheal.harness.report.ConsoleSummary;
import io.selfheal.harness.scenario.Scenario;
import io.selfheal.harness.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A virtual clock that cannot advance because work stays in flight (here: while an idempotency check moves the clock
 * on for its late redelivery) fails that check with the clock's reason; the run ends with a result, not a stack trace
 * out of {@code selfheal run}, and the other checks keep their verdicts.
 */
class StuckCloudCheckTest {
    private static final Duration LATE_BY = Duration.ofHours(7);

    @Test
    void anIdleTimeoutDuringIdempotencyFailsThatCheckWithTheReason() {
        Scenario scenario = new ScenarioLoader().load(Path.of("stuck.yaml"), """
                scenario: stuck
                stack:
                  instances:
                    web: {imageId: ami-0abcdef1234567890}
                  queues:
                    seen: {name: state-changes}
                  rules:
                    stopped:
                      name: instance-stopped
                      pattern:
                        source: [aws.ec2]
                        detail-type: [EC2 Instance State-change Notification]
                        detail: {state: [stopped]}
                      targets:
                        - queue: seen
                faults:
                  - stopInstance: {instance: web}
                expect:
                  within: PT5M
                  outcomes:
                    - instance: {ref: web, state: stopped}
                idempotency:
                  redeliver: 1
                  mode: [late]
                  lateBy: PT7H
                """);

        ScenarioResult result = new ScenarioRunner(sc -> stuckWhenMovedOnBy(
                new EmbeddedCloud(sc.virtualTime(), sc.idSeed()), LATE_BY)).run(scenario);

        assertThat(result.error()).isNull();
        assertThat(result.passed()).isFalse();
        assertThat(result.checks()).extracting(CheckResult::name).containsExactly("outcome", "idempotency-late");
        assertThat(result.checks().get(0).passed()).isTrue();
        CheckResult idempotency = result.checks().get(1);
        assertThat(idempotency.passed()).isFalse();
        assertThat(idempotency.message()).startsWith("the cloud did not become idle within PT1M of real time");
        StringWriter out = new StringWriter();
        new ConsoleSummary(new PrintWriter(out), 1).finished(result);
        assertThat(out.toString()).contains("✗ stuck", "did not become idle").doesNotContain("Exception", "\tat ");
    }

    /** {@code cloud}, whose virtual clock reports work stuck in flight when asked to move on by {@code by}. */
    private static Cloud stuckWhenMovedOnBy(Cloud cloud, Duration by) {
        return (Cloud) Proxy.newProxyInstance(Cloud.class.getClassLoader(), new Class<?>[] {Cloud.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("advanceUntil") && by.equals(args[1])) {
                        throw new CloudNotIdleException("the cloud did not become idle within PT1M of real time "
                                + "(1 tasks in flight): virtual time cannot advance");
                    }
                    try {
                        return method.invoke(cloud, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
