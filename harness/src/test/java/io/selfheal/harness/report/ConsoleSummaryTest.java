package io.selfheal.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.harness.engine.CheckResult;
import io.selfheal.harness.engine.ScenarioResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleSummaryTest {

    @Test
    void oneLinePerFinishedScenarioWithProgressMttrAndWallTimeThenTotals() {
        StringWriter text = new StringWriter();
        ConsoleSummary summary = new ConsoleSummary(new PrintWriter(text), 2);
        summary.finished(new ScenarioResult("heals", Path.of("a.yaml"),
                List.of(new CheckResult("outcome", true, null, Duration.ZERO)), null, Duration.ofMillis(1400),
                Duration.ofMillis(6000)));
        summary.finished(new ScenarioResult("breaks", Path.of("b.yaml"),
                List.of(new CheckResult("outcome", false, "outcomes did not hold\n  ✗ instance", Duration.ZERO)),
                null, null, Duration.ofMillis(900)));
        summary.totals(1);

        String[] lines = text.toString().split("\n");
        assertThat(lines[0]).startsWith("[1/2] ✓ heals ").contains("MTTR 1.4 s").endsWith("wall 6.0 s");
        assertThat(lines[1]).startsWith("[2/2] ✗ breaks ").contains("MTTR —").endsWith("wall 900 ms");
        assertThat(lines[2]).isEqualTo("      outcome: outcomes did not hold");
        assertThat(lines[3]).isEqualTo("        ✗ instance");
        assertThat(lines[5]).startsWith("1 passed, 2 failed (1 invalid file) in ");
        assertThat(summary.failed()).isEqualTo(1);
    }
}
