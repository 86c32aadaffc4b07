package io.selfheal.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator.GREATER_THAN_THRESHOLD;
import static software.amazon.awssdk.services.cloudwatch.model.StateValue.ALARM;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.core.Retention;
import io.selfheal.emulator.core.VirtualClock;
import io.selfheal.harness.backend.EmbeddedCloud;
import io.selfheal.harness.dsl.Faults;
import io.selfheal.harness.dsl.Outcomes;
import io.selfheal.harness.dsl.Refs;
import io.selfheal.harness.dsl.Scenarios;
import io.selfheal.harness.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The engine's checks read the emulator's call log and event records: a run during which one of them dropped entries
 * fails and says so, rather than judging a truncated history; under the default bounds nothing is dropped.
 */
class TruncatedHistoryRunTest {
    private static final Scenario ALARM_FORCED = Scenarios.scenario("alarm-forced")
            .stack(stack -> stack
                    .instance("web", i -> i.imageId("ami-0abcdef1234567890"))
                    .alarm("cpuHigh", a -> a.name("EC2-CPU-High-web").metric("AWS/EC2", "CPUUtilization")
                            .dimension("InstanceId", Refs.instance("web").id()).period(60)
                            .threshold(GREATER_THAN_THRESHOLD, 90)))
            .fault(Faults.alarmState("cpuHigh", ALARM))
            .expect(Duration.ofMinutes(1), Outcomes.apiCalls("monitoring", "SetAlarmState").count(1))
            .build();

    private static ScenarioResult runWith(Emulator.Builder emulator) {
        return new ScenarioRunner(s -> new EmbeddedCloud(emulator.clock(new VirtualClock(Instant.parse(
                "2026-03-02T10:00:00Z"))).start())).run(ALARM_FORCED);
    }

    @Test
    void underTheDefaultBoundsARunKeepsEveryCall() {
        ScenarioResult result = runWith(Emulator.builder().port(0));
        assertThat(result.passed()).as(result.reason()).isTrue();
    }

    @Test
    void aRunWhoseCallLogDroppedEntriesFailsAndSaysWhy() {
        ScenarioResult result = runWith(Emulator.builder().port(0).retain(Retention.CALLS, 3, 1 << 20));
        assertThat(result.passed()).isFalse();
        assertThat(result.checks().get(0).message())
                .startsWith("the emulator dropped entries from its histories during the run [calls: ")
                .contains("raise the bounds with Emulator.Builder#retain or serve --retain");
    }
}
