package io.selfheal.harness.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.harness.engine.CheckResult;
import io.selfheal.harness.engine.RunFacts;
import io.selfheal.harness.engine.ScenarioResult;
import java.time.Duration;
import java.util.List;

/**
 * The report's results for tools ({@code report.json} beside {@code index.html}): per scenario its result, each
 * check's result (or why it was skipped), MTTR and on which clock, the backend, where outcomes were read from and the
 * request ids of the remediation's calls. Durations are ISO 8601 ({@code PT6M}).
 */
public final class JsonReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String render(List<RunReport> reports) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode scenarios = root.putArray("scenarios");
        reports.forEach(r -> scenarios.add(scenario(r.result())));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON report", e);
        }
    }

    private static ObjectNode scenario(ScenarioResult result) {
        ObjectNode s = JSON.createObjectNode().put("name", result.name())
                .put("file", String.valueOf(result.file()))
                .put("result", result.isSkipped() ? "skipped" : result.passed() ? "passed" : "failed");
        s.put("reason", result.passed() ? null : result.reason());
        s.put("mttr", duration(result.recovery())).put("mttrWall", duration(result.recoveryWall()))
                .put("wall", duration(result.duration()));
        RunFacts facts = result.facts();
        if (facts != null) {
            s.put("backend", facts.backend()).put("outcomesReadFrom", facts.observedFrom())
                    .put("clock", facts.realClock() ? "real" : "virtual");
            ArrayNode calls = s.putArray("remediationCalls");
            facts.remediationCalls().forEach(calls::add);
            if (facts.cleanup() != null) {
                ObjectNode cleanup = s.putObject("cleanup");
                facts.cleanup().deleted().forEach(cleanup.putArray("deleted")::add);
                facts.cleanup().failed().forEach(cleanup.putArray("failed")::add);
            }
        }
        ArrayNode checks = s.putArray("checks");
        for (CheckResult c : result.checks()) {
            checks.addObject().put("name", c.name())
                    .put("result", c.isSkipped() ? "skipped" : c.passed() ? "passed" : "failed")
                    .put("reason", c.isSkipped() ? c.skipReason() : c.passed() ? null : c.message());
        }
        return s;
    }

    private static String duration(Duration d) {
        return d == null ? null : d.toString();
    }
}
