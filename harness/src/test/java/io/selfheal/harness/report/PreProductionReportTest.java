package io.selfheal.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfheal.harness.engine.CheckResult;
import io.selfheal.harness.engine.RunFacts;
import io.selfheal.harness.engine.ScenarioResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run off the embedded emulator, in every report: the backend, where outcomes were read from, the clock MTTR is
 * on, each check run or skipped with why, and the request ids of the remediation's calls.
 */
class PreProductionReportTest {
    private static final RunFacts FACTS = new RunFacts("LocalStack (localstack/localstack:4.0) on http://127.0.0.1:4566",
            false, "CloudTrail LookupEvents, …", true, List.of("ec2 RebootInstances 7f1c2d3e-0000-4000-8000-000000000001"));
    private static final ScenarioResult RESULT = new ScenarioResult("reboot", Path.of("reboot.yaml"),
            List.of(new CheckResult("outcome", true, null, Duration.ofSeconds(40)),
                    CheckResult.skipped("nothing-lost", "needs the emulator's invocation log")),
            null, Duration.ofSeconds(38), Duration.ofSeconds(45), Duration.ofSeconds(38), null, null)
            .withFacts(FACTS);

    @Test
    void theConsoleNamesTheBackendTheSourceTheClockTheSkippedCheckAndTheRequestIds() {
        StringWriter out = new StringWriter();
        ConsoleSummary summary = new ConsoleSummary(new PrintWriter(out), 1);
        summary.finished(RESULT);

        assertThat(out.toString()).contains("[1/1] ✓ reboot", "MTTR 38.0 s",
                "\n      ⊘ nothing-lost: needs the emulator's invocation log",
                "\n      backend LocalStack (localstack/localstack:4.0) on http://127.0.0.1:4566; outcomes read from "
                        + "CloudTrail LookupEvents, …; MTTR on the real clock",
                "\n      remediation call ec2 RebootInstances 7f1c2d3e-0000-4000-8000-000000000001");
    }

    @Test
    void theEmbeddedEmulatorsLinesStayAsTheyWere() {
        ScenarioResult embedded = RESULT.withFacts(new RunFacts("embedded emulator on http://127.0.0.1:1", true,
                "the emulator's logs", false, List.of("ec2 RebootInstances x")));
        assertThat(ConsoleSummary.line(embedded, 1, 1)).doesNotContain("backend", "remediation call")
                .contains("⊘ nothing-lost");
    }

    @Test
    void theJsonReportCarriesTheSameFacts() throws Exception {
        JsonNode s = new ObjectMapper().readTree(JsonReport.render(List.of(new RunReport(RESULT,
                Timeline.none(false))))).path("scenarios").get(0);

        assertThat(s.path("result").asText()).isEqualTo("passed");
        assertThat(s.path("backend").asText()).startsWith("LocalStack (localstack/localstack:4.0)");
        assertThat(s.path("outcomesReadFrom").asText()).isEqualTo("CloudTrail LookupEvents, …");
        assertThat(s.path("clock").asText()).isEqualTo("real");
        assertThat(s.path("mttr").asText()).isEqualTo("PT38S");
        assertThat(s.path("remediationCalls").get(0).asText())
                .isEqualTo("ec2 RebootInstances 7f1c2d3e-0000-4000-8000-000000000001");
        assertThat(s.path("checks").get(1).path("result").asText()).isEqualTo("skipped");
        assertThat(s.path("checks").get(1).path("reason").asText()).isEqualTo("needs the emulator's invocation log");
    }

    @Test
    void theHtmlReportShowsThemAndASkippedScenarioIsNeitherPassedNorFailed() {
        ScenarioResult skipped = ScenarioResult.skipped("load", Path.of("load.yaml"), "needs virtual clock",
                Duration.ZERO);
        String html = HtmlReport.render(List.of(new RunReport(RESULT, Timeline.none(false)),
                new RunReport(skipped, Timeline.none(false))));

        assertThat(html).contains("1 passed, 0 failed, 1 skipped",
                "<th>backend</th><td><pre>LocalStack (localstack/localstack:4.0) on http://127.0.0.1:4566</pre>",
                "<th>clock</th><td><pre>real (MTTR is real time)</pre>",
                "<th>remediation calls</th><td><pre>ec2 RebootInstances 7f1c2d3e-0000-4000-8000-000000000001</pre>",
                "<th>check nothing-lost</th><td><pre>⊘ skipped: needs the emulator&#39;s invocation log</pre>",
                "outcome ✓, nothing-lost ⊘", "⊘ skipped", "Not run: needs virtual clock");
    }
}
