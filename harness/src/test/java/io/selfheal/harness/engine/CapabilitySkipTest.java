package io.selfheal.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.harness.backend.Capability;
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
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A scenario needing a capability its cloud lacks is skipped with the reason, never failed, and provisions nothing;
 * one needing none runs. The cloud is an embedded one whose offered capabilities the test restricts.
 */
class CapabilitySkipTest {
    private static final String STACK = """
            scenario: %s
            clock: %s
            stack:
              instances:
                web: {imageId: ami-0abcdef1234567890}
            """;

    /** A fault and an outcome through the AWS APIs alone. */
    private static final String REBOOT_ONLY = """
            faults:
              - rebootInstance: {instance: web}
            expect:
              outcomes:
                - instance: {ref: web, state: running}
            """;

    private static Scenario scenario(String name, String clock, String rest) {
        return new ScenarioLoader().load(Path.of(name + ".yaml"), STACK.formatted(name, clock) + rest);
    }

    @Test
    void faultsAndOutcomesDeclareWhatTheyNeed() {
        Scenario s = scenario("needs", "virtual", """
                faults:
                  - instanceLoad: {instance: web, stopResponding: true}
                expect:
                  outcomes:
                    - never: {apiCalls: {service: ec2, operation: TerminateInstances, count: 1}}
                    - instance: {ref: web, state: running, rebootCount: 1}
                """);
        // apiCalls needs no call log: a cloud without one answers it from CloudTrail (AwsObservation).
        assertThat(s.needs()).containsExactlyInAnyOrder(Capability.VIRTUAL_CLOCK, Capability.STOP_RESPONDING,
                Capability.REBOOT_COUNT);
        Scenario plain = scenario("plain", "real", REBOOT_ONLY);
        assertThat(plain.needs()).isEmpty();
    }

    @Test
    void aScenarioNeedingWhatTheCloudLacksIsSkippedWithTheReasonAndProvisionsNothing() {
        Scenario s = scenario("load", "virtual", """
                faults:
                  - instanceLoad: {instance: web, cpu: 99, until: reboot}
                expect:
                  outcomes:
                    - apiCalls: {service: ec2, operation: RebootInstances, count: 1}
                """);
        AtomicReference<Cloud> opened = new AtomicReference<>();
        ScenarioResult result = new ScenarioRunner(sc -> {
            Cloud cloud = restricted(new EmbeddedCloud(sc.virtualTime(), sc.idSeed()), EnumSet.of(Capability.CALL_LOG));
            opened.set(cloud);
            return cloud;
        }).run(s);

        assertThat(result.isSkipped()).isTrue();
        assertThat(result.passed()).isFalse();
        assertThat(result.skipReason()).isEqualTo("needs virtual clock, cpu load injection (AWS refuses PutMetricData"
                + " into AWS/EC2; alarm on a custom metric such as the CloudWatch agent's CWAgent cpu_usage_active"
                + " to run this on AWS)");
        assertThat(result.reason()).isEqualTo(result.skipReason());
        assertThat(result.checks()).isEmpty();
        assertThat(result.error()).isNull();
        assertThat(opened.get().observation().calls()).as("nothing provisioned").isEmpty();

        StringWriter out = new StringWriter();
        ConsoleSummary summary = new ConsoleSummary(new PrintWriter(out), 1);
        summary.finished(result);
        summary.totals(0);
        assertThat(out.toString()).contains("[1/1] ⊘ load", "needs virtual clock, cpu load injection",
                "0 passed, 0 failed, 1 skipped");
        assertThat(summary.failed()).isZero();
    }

    @Test
    void aScenarioNeedingNothingRunsOnACloudOfferingNothing() {
        Scenario s = scenario("reboot", "real", REBOOT_ONLY);
        ScenarioResult result = new ScenarioRunner(
                sc -> restricted(new EmbeddedCloud(sc.virtualTime(), sc.idSeed()), EnumSet.noneOf(Capability.class)))
                .run(s);
        assertThat(result.isSkipped()).isFalse();
        assertThat(result.passed()).as(String.valueOf(result.reason())).isTrue();
    }

    @Test
    void aCheckNeedingWhatTheCloudLacksIsSkippedWithTheReasonWhileTheOthersRun() {
        Scenario s = scenario("reboot-redelivered", "real", REBOOT_ONLY + """
                idempotency:
                  redeliver: 1
                """);
        assertThat(s.needs()).as("the scenario's own faults and outcomes need nothing").isEmpty();
        ScenarioResult result = new ScenarioRunner(
                sc -> restricted(new EmbeddedCloud(sc.virtualTime(), sc.idSeed()), EnumSet.noneOf(Capability.class)))
                .run(s);

        assertThat(result.isSkipped()).isFalse();
        assertThat(result.passed()).as(String.valueOf(result.reason())).isTrue();
        assertThat(result.checks()).extracting(CheckResult::name).containsExactly("outcome", "idempotency");
        CheckResult idempotency = result.checks().get(1);
        assertThat(idempotency.isSkipped()).isTrue();
        assertThat(idempotency.skipReason()).isEqualTo("needs the emulator's call log, the emulator's invocation log,"
                + " the emulator's event log, event redelivery");
        assertThat(result.checks().get(0).isSkipped()).isFalse();
        StringWriter out = new StringWriter();
        new ConsoleSummary(new PrintWriter(out), 1).finished(result);
        assertThat(out.toString()).contains("✓ reboot-redelivered",
                "\n      ⊘ idempotency: needs the emulator's call log");
    }

    /** {@code cloud} offering only {@code offered}; every other call goes to it. */
    private static Cloud restricted(Cloud cloud, Set<Capability> offered) {
        return (Cloud) Proxy.newProxyInstance(Cloud.class.getClassLoader(), new Class<?>[] {Cloud.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("capabilities")) {
                        return offered;
                    }
                    try {
                        return method.invoke(cloud, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
