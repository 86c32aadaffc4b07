package io.selfheal.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.harness.engine.ScenarioResult;
import io.selfheal.harness.scenario.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code run --tags} and {@code --parallel}: which scenarios run, in which order results come, which exit code. */
class RunSelectionTest {
    private static final String DIR = "src/test/resources/scenarios/parallel";

    private static Scenario tagged(String name, String... tags) {
        return new Scenario(name, null, List.of(tags), Path.of(name + ".yaml"), null, List.of(), Duration.ZERO,
                List.of(), null, List.of(), true);
    }

    @Test
    void tagsSelectAnyAndBangExcludes() {
        Scenario a = tagged("a", "ec2", "slow");
        Scenario b = tagged("b", "ec2");
        Scenario c = tagged("c", "rds");
        TagFilter ec2 = TagFilter.parse(List.of("ec2"));
        assertThat(List.of(a, b, c)).filteredOn(ec2::selects).containsExactly(a, b);
        TagFilter notSlow = TagFilter.parse(List.of("!slow"));
        assertThat(List.of(a, b, c)).filteredOn(notSlow::selects).containsExactly(b, c);
        TagFilter either = TagFilter.parse(List.of("rds", "ec2", "!slow"));
        assertThat(List.of(a, b, c)).filteredOn(either::selects).containsExactly(b, c);
        assertThat(either).hasToString("rds,ec2,!slow");
    }

    /** The last scenario finishes first; results still come in the given order. */
    @Test
    void parallelResultsComeInTheGivenOrder() {
        List<Scenario> scenarios = List.of(tagged("first"), tagged("second"), tagged("third"));
        CountDownLatch lastDone = new CountDownLatch(1);
        List<String> finished = Collections.synchronizedList(new ArrayList<>());
        List<String> handed = new ArrayList<>();
        List<ScenarioResult> results = ScenarioBatch.run(scenarios, 3, s -> {
            if (!s.name().equals("third")) {
                await(lastDone);
            }
            finished.add(s.name());
            if (s.name().equals("third")) {
                lastDone.countDown();
            }
            return new ScenarioResult(s.name(), s.file(), List.of(), null, null, Duration.ZERO);
        }, r -> handed.add(r.name()));
        assertThat(finished.get(0)).isEqualTo("third");
        assertThat(handed).containsExactly("first", "second", "third");
        assertThat(results).extracting(ScenarioResult::name).containsExactly("first", "second", "third");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the third scenario never finished");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void runWithTagsAndParallelPrintsInFileOrderAndExitsOneOnAFailure() {
        CliCapture run = CliCapture.run("run", "--tags", "alarm,instance", "--parallel", "3", DIR);
        assertThat(run.exit()).as(run.err()).isEqualTo(SelfhealCli.FAILED);
        // Progress lines: "[2/5] ✗ p02-alarm-state-wrong  MTTR …  wall …", printed in file order.
        java.util.regex.Pattern progress = java.util.regex.Pattern.compile("^\\[\\s*(\\d+)/5] ([✓✗]) (\\S+)");
        assertThat(run.out().lines().map(progress::matcher).filter(java.util.regex.Matcher::find)
                .map(m -> m.group(1) + " " + m.group(2) + " " + m.group(3)))
                .containsExactly("1 ✓ p01-alarm-state", "2 ✗ p02-alarm-state-wrong", "3 ✓ p06-instance-untouched",
                        "4 ✗ p07-instance-reboot-expected", "5 ✓ p08-alarm-recovers");
        assertThat(run.out()).contains("3 passed, 2 failed");
    }

    @Test
    void onlyPassingScenariosExitZero() {
        CliCapture run = CliCapture.run("run", "--tags", "pass,!rule", "--parallel", "2", DIR);
        assertThat(run.exit()).as(run.out()).isEqualTo(SelfhealCli.OK);
        assertThat(run.out()).contains("3 passed, 0 failed");
    }

    @Test
    void usageMistakesExitTwo() {
        assertThat(CliCapture.run("run", "--tags", "nosuchtag", DIR).exit()).isEqualTo(SelfhealCli.INVALID);
        assertThat(CliCapture.run("run", "--tags", "nosuchtag", DIR).err()).contains("no scenario is tagged nosuchtag");
        assertThat(CliCapture.run("run", "--parallel", "0", DIR).exit()).isEqualTo(SelfhealCli.INVALID);
        assertThat(CliCapture.run("run", "--parallel", "x", DIR).exit()).isEqualTo(SelfhealCli.INVALID);
    }

    @Test
    void helpDocumentsTheExitCodes() {
        CliCapture help = CliCapture.run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Exit codes:").contains("0   all scenarios passed")
                .contains("1   a scenario failed").contains("2   invalid input").contains("events")
                .contains("test-pattern");
    }
}
