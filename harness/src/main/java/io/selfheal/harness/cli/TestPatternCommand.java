package io.selfheal.harness.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfheal.harness.patterns.Explanation;
import io.selfheal.harness.patterns.PatternExplainer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code selfheal test-pattern <pattern> <event>}: whether an EventBridge pattern matches an event, and why not. */
@Command(name = "test-pattern", description = {
        "Explain whether an EventBridge event pattern matches an event, field by field, with AWS's Event Ruler.",
        "Exit codes: 0 matches, 1 does not match, 2 invalid pattern or event."})
final class TestPatternCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "PATTERN", description = "The event pattern: JSON, @file, or - for stdin.")
    String pattern;

    @Parameters(index = "1", paramLabel = "EVENT", description = "The event: JSON, @file, or - for stdin.")
    String event;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            String patternText = JsonArgument.read(pattern, System.in);
            JsonNode eventJson = parseEvent(JsonArgument.read(event, System.in));
            Explanation explanation = PatternExplainer.explain(patternText, eventJson);
            out.println(explanation.render());
            out.flush();
            return explanation.matches() ? SelfhealCli.OK : SelfhealCli.FAILED;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.flush();
            return SelfhealCli.INVALID;
        }
    }

    private static JsonNode parseEvent(String text) {
        try {
            JsonNode parsed = JSON.readTree(text);
            if (parsed == null || !parsed.isObject()) {
                throw new IllegalArgumentException("Parameter Event is not valid: not a JSON object");
            }
            return parsed;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Parameter Event is not valid: " + e.getOriginalMessage());
        }
    }
}
