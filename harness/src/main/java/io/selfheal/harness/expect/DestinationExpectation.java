package io.selfheal.harness.expect;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.harness.stack.FunctionAsync;
import io.selfheal.harness.stack.FunctionKind;
import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.yaml.YMap;
import java.util.List;

/**
 * What a function's destination holds: {@code destination: {function: reboot, condition: RetriesExhausted,
 * count: 1}} counts Lambda's invocation records for that function with that {@code requestContext.condition} in
 * the on-failure destination ({@code RetriesExhausted}, {@code EventAgeExceeded}) or the on-success one
 * ({@code Success}). Without a count, at least one.
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
 */
public record DestinationExpectation(String function, String condition, Count count) implements Expectation {
    static final List<String> CONDITIONS = List.of("Success", "RetriesExhausted", "EventAgeExceeded");

    @Override
    public String describe() {
        return (success() ? "on-success" : "on-failure") + " destination of function " + function + " holds "
                + count.describe() + " " + condition + " record" + (count.isOne() ? "" : "s");
    }

    @Override
    public Verdict check(ProbeContext run) {
        String target = AsyncLetters.destinationTarget(run, function, success());
        List<JsonNode> records = AsyncLetters.records(run, function, success());
        List<JsonNode> matching = records.stream()
                .filter(r -> r.path("requestContext").path("condition").asText().equals(condition)).toList();
        String observed = records.size() + " record" + (records.size() == 1 ? "" : "s") + " of " + function + " in "
                + target + ", " + matching.size() + " " + condition
                + (records.isEmpty() ? "" : " (first: " + records.get(0).path("requestContext") + ")");
        return Verdict.of(count.matches(matching.size()), observed);
    }

    /** Why the stack's function has no destination for {@code condition} records, or null (YAML and DSL). */
    public static String missingDestination(io.selfheal.harness.stack.Stack stack, String function,
                                            String condition) {
        FunctionAsync async = stack.all(FunctionKind.Function.class).get(function).async();
        boolean success = condition.equals("Success");
        return (success ? async.onSuccess() : async.onFailure()) != null ? null : "function " + function
                + " has no " + (success ? "onSuccess" : "onFailure") + " destination for " + condition + " records";
    }

    private boolean success() {
        return condition.equals("Success");
    }

    /** Registered as {@code destination}. */
    public static final class Type implements ExpectationType {
        @Override
        public String key() {
            return "destination";
        }

        @Override
        public Expectation read(YMap spec, ReadContext context) {
            spec.allow("function", "condition", "count", "atLeast", "atMost");
            String function = context.stackKey(FunctionKind.KEY, spec.require("function"));
            spec.require("condition");
            String condition = spec.has("condition") ? spec.choice("condition", CONDITIONS.toArray(String[]::new))
                    : null;
            boolean counted = spec.has("count") || spec.has("atLeast") || spec.has("atMost");
            Count count = counted ? Count.read(spec, true) : new Count(1, null);
            if (function == null || condition == null) {
                return null;
            }
            String missing = missingDestination(context.stack(), function, condition);
            if (missing != null) {
                spec.get("condition").problem(missing);
                return null;
            }
            return new DestinationExpectation(function, condition, count);
        }

        @Override
        public String schema() {
            return """
                {"description": "How many of Lambda's invocation records for the function, with this condition, its destination holds: the onSuccess destination for Success, the onFailure one otherwise. Without a count, at least one.", "type": "object", "additionalProperties": false, "required": ["function", "condition"], "allOf": [{"$ref": "#/$defs/countKeys"}], "properties": {
                  "function": {"description": "The key of the functions entry; it must have the destination.", "$ref": "#/$defs/stackKey"},
                  "condition": {"description": "The record's requestContext.condition.", "enum": ["Success", "RetriesExhausted", "EventAgeExceeded"]},
                  "count": {"$ref": "#/$defs/count"},
                  "atLeast": {"$ref": "#/$defs/atLeast"},
                  "atMost": {"$ref": "#/$defs/atMost"}
                }}
                """;
        }
    }
}
