package io.selfheal.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.core.ApiCall;
import io.selfheal.harness.backend.EmbeddedCloud;
import io.selfheal.harness.scenario.Scenario;
import io.selfheal.harness.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two runs of one scenario produce the same ids, request ids and timestamps (the emulator is seeded with the
 * scenario's name), so their call logs and events can be diffed; another scenario's name gives other ids.
 */
class ReproducibleRunsTest {
    private static final String TEXT = """
            scenario: %s
            %s
            stack:
              instances:
                web: {imageId: ami-0abcdef1234567890}
                worker: {imageId: ami-0abcdef1234567890}
            faults:
              - rebootInstance: {instance: web}
              - at: PT1M
                stopInstance: {instance: worker}
            expect:
              within: PT5M
              outcomes:
                - instance: {ref: worker, state: stopped}
                - events: {source: aws.ec2, detailType: EC2 Instance State-change Notification, atLeast: 2}
            """;

    @Test
    void twoRunsOfAScenarioHaveTheSameIdsAndTimes() {
        Trace first = run("reproducible");
        Trace second = run("reproducible");

        assertThat(first.passed).isTrue();
        assertThat(first.instanceIds).hasSize(2).allMatch(id -> id.matches("i-[0-9a-f]{17}"));
        assertThat(second.instanceIds).isEqualTo(first.instanceIds);
        assertThat(first.eventIds).isNotEmpty();
        assertThat(second.eventIds).isEqualTo(first.eventIds);
        assertThat(first.calls).isNotEmpty();
        assertThat(second.calls).isEqualTo(first.calls);
        assertThat(first.calls.get(0)).startsWith(EmbeddedCloud.SEEDED_START.toString());
    }

    @Test
    void anotherScenarioGetsOtherIds() {
        assertThat(run("reproducible").instanceIds).doesNotContainAnyElementsOf(run("other").instanceIds);
    }

    /** {@code seed:} overrides the name: scenarios that share a seed share their ids, whatever their names. */
    @Test
    void aSeedKeyOverridesTheName() {
        Trace seeded = run("renamed", "seed: reproducible");
        assertThat(seeded.instanceIds).isEqualTo(run("reproducible").instanceIds);
        assertThat(seeded.instanceIds).doesNotContainAnyElementsOf(run("renamed").instanceIds);
    }

    /** What a run left: its instances, its events' ids and its calls (time, request id, operation). */
    private record Trace(boolean passed, List<String> instanceIds, List<String> eventIds, List<String> calls) {
    }

    private static Trace run(String name) {
        return run(name, "");
    }

    private static Trace run(String name, String seedLine) {
        Scenario scenario = new ScenarioLoader().load(Path.of(name + ".yaml"), TEXT.formatted(name, seedLine));
        List<Trace> traces = new ArrayList<>();
        ScenarioResult result = new ScenarioRunner().onFinished((run, r) -> traces.add(new Trace(r.passed(),
                List.of(run.state().instanceId("web"), run.state().instanceId("worker")),
                run.cloud().observation().events().stream().map(EventRecord::eventId).toList(),
                run.cloud().observation().calls().stream().map(ReproducibleRunsTest::call).toList()))).run(scenario);
        assertThat(result.error()).isNull();
        return traces.get(0);
    }

    private static String call(ApiCall c) {
        return c.time() + " " + c.requestId() + " " + c.service() + "." + c.operation();
    }
}
