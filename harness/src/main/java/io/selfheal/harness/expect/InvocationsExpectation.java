package io.selfheal.harness.expect;

import io.selfheal.emulator.control.FunctionInvocation;
import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.yaml.YMap;
import java.util.List;

/**
 * How often a function ran, and how many of those runs failed:
 * {@code invocations: {function: reboot, count: 1, errors: 0}} ({@code atLeast}/{@code atMost} instead of
 * {@code count}, see {@link Count}; {@code errors} is exact and defaults to 0). Only finished invocations count.
 */
public record InvocationsExpectation(String function, Count count, int errors) implements Expectation {

    @Override
    public String describe() {
        return "function " + function + " ran " + count.describe() + " time" + (count.isOne() ? "" : "s")
                + " with " + errors
                + " error" + (errors == 1 ? "" : "s");
    }

    @Override
    public Verdict check(ProbeContext run) {
        List<FunctionInvocation> all = run.cloud().observation().invocations(run.state().functionName(function));
        long finished = all.stream().filter(i -> i.finished() != null).count();
        List<FunctionInvocation> failed = all.stream().filter(FunctionInvocation::failed).toList();
        String observed = finished + " finished, " + failed.size() + " failed"
                + (failed.isEmpty() ? "" : " (first: " + failed.get(0).errorType() + ": "
                + failed.get(0).errorMessage() + ")");
        return Verdict.of(count.matches(finished) && failed.size() == errors, observed)
                .from(run.cloud().observation().source());
    }

    /** Registered as {@code invocations}. */
    public static final class Type implements ExpectationType {
        @Override
        public String key() {
            return "invocations";
        }

        @Override
        public Expectation read(YMap spec, ReadContext context) {
            spec.allow("function", "count", "atLeast", "atMost", "errors");
            String function = context.stackKey("functions", spec.require("function"));
            Count count = Count.read(spec, true);
            Integer errors = spec.integer("errors");
            return new InvocationsExpectation(function, count, errors == null ? 0 : errors);
        }

        @Override
        public String schema() {
            return """
                {"description": "How often a function ran (finished invocations), and how many of those failed.", "type": "object", "additionalProperties": false, "required": ["function"], "allOf": [{"$ref": "#/$defs/countKeys"}], "properties": {
                  "function": {"description": "The key of the functions entry.", "$ref": "#/$defs/stackKey"},
                  "count": {"$ref": "#/$defs/count"},
                  "atLeast": {"$ref": "#/$defs/atLeast"},
                  "atMost": {"$ref": "#/$defs/atMost"},
                  "errors": {"description": "Exactly how many invocations failed (default 0).", "type": "integer", "minimum": 0, "default": 0}
                }}
                """;
        }
    }
}
