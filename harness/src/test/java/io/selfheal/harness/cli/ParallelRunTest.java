package io.selfheal.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.harness.engine.CheckResult;
import io.selfheal.harness.engine.ScenarioResult;
import io.selfheal.harness.engine.ScenarioRunner;
import io.selfheal.harness.scenario.Scenario;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Ten small scenarios (five pass, five fail on purpose, no Lambda runs) give the same results run four at a time,
 * each on its own embedded cloud, as one after the other: same order, verdicts, checks and failure messages once
 * the things that differ between any two runs (generated ids, timestamps, ports, durations) are masked. The
 * "What happened after the fault" narrative is compared as a set of lines: events published at the same instant
 * by different services (an API call's CloudTrail event, the state change it caused) reach the bus in either
 * order, in one run as in many.
 */
class ParallelRunTest {
    private static final Path DIR = Path.of("src/test/resources/scenarios/parallel");

    @Test
    void tenScenariosInParallelGiveTheSameResultsAsInSequence() {
        int[] invalid = {0};
        List<Scenario> scenarios = ScenarioArguments.load(List.of(DIR), new PrintWriter(new StringWriter()), invalid);
        assertThat(invalid[0]).isZero();
        assertThat(scenarios).hasSize(10);

        ScenarioRunner runner = new ScenarioRunner();
        List<ScenarioResult> sequential = ScenarioBatch.run(scenarios, 1, runner::run, r -> { });
        List<ScenarioResult> parallel = ScenarioBatch.run(scenarios, 4, runner::run, r -> { });

        assertThat(sequential.stream().map(ScenarioResult::passed))
                .as(() -> "the files say which pass: p01, p04, p06, p08, p09; got:\n" + String.join("\n",
                        sequential.stream().map(ParallelRunTest::summary).toList()))
                .containsExactly(true, false, false, true, false, true, false, true, true, false);
        assertThat(parallel.stream().map(ParallelRunTest::summary).toList())
                .containsExactlyElementsOf(sequential.stream().map(ParallelRunTest::summary).toList());
    }

    /** Everything a result says except what differs between any two runs. */
    static String summary(ScenarioResult result) {
        StringBuilder out = new StringBuilder(result.name()).append(result.passed() ? " PASS" : " FAIL");
        if (result.error() != null) {
            out.append(" error: ").append(mask(result.error()));
        }
        for (CheckResult check : result.checks()) {
            out.append("\n ").append(check.name()).append(check.passed() ? " passed" : " failed: "
                    + unordered(mask(check.message())));
        }
        return out.toString();
    }

    private static final List<Pattern> VOLATILE = List.of(
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?"),
            Pattern.compile("\\b[a-z]{1,5}-[0-9a-f]{8,17}\\b"),
            Pattern.compile("127\\.0\\.0\\.1:\\d+"),
            Pattern.compile("\\b\\d+(\\.\\d+)? ?(ms|s)\\b"));

    private static String unordered(String message) {
        int narrative = message.indexOf("\nWhat happened");
        if (narrative < 0) {
            return message;
        }
        return message.substring(0, narrative) + "\n" + String.join("\n",
                message.substring(narrative + 1).lines().sorted().toList());
    }

    static String mask(String text) {
        String masked = text;
        for (Pattern p : VOLATILE) {
            masked = p.matcher(masked).replaceAll("<…>");
        }
        return masked;
    }
}
