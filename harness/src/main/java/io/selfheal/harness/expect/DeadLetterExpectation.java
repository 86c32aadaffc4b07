package io.selfheal.harness.expect;

import io.selfheal.harness.stack.FunctionKind;
import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.yaml.YMap;
import java.util.List;

/**
 * What a function's dead-letter queue holds: {@code deadLetter: {function: reboot, count: 1, errorCode: 200}}. Only
 * Lambda's dead letters count — messages with the {@code RequestID} attribute — optionally those whose
 * {@code ErrorCode} (the HTTP status of the failed invocation: 200 for a function error) and {@code ErrorMessage}
 * (a substring) match. The queue is the function's {@code deadLetter} (an SQS queue, or the stack queues subscribed to
 * its SNS topic). https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html#invocation-dlq
 */
public record DeadLetterExpectation(String function, Count count, Integer errorCode, String errorMessage)
        implements Expectation {

    @Override
    public String describe() {
        return "dead-letter queue of function " + function + " holds " + count.describe() + " dead letter"
                + (count.isOne() ? "" : "s") + (errorCode != null ? " with ErrorCode " + errorCode : "")
                + (errorMessage != null ? " with an ErrorMessage containing '" + errorMessage + "'" : "");
    }

    @Override
    public Verdict check(ProbeContext run) {
        String target = AsyncLetters.deadLetterTarget(run, function);
        if (target == null) {
            return Verdict.of(false, "function " + function + " has no deadLetter");
        }
        List<AsyncLetters.DeadLetter> letters = AsyncLetters.deadLetters(run, function).stream()
                .filter(l -> l.requestId() != null).toList();
        List<AsyncLetters.DeadLetter> matching = letters.stream().filter(this::matches).toList();
        String observed = letters.size() + " dead letter" + (letters.size() == 1 ? "" : "s") + " in " + target
                + (errorCode != null || errorMessage != null ? ", " + matching.size() + " matching" : "")
                + (letters.isEmpty() ? "" : " (first: RequestID " + letters.get(0).requestId() + ", ErrorCode "
                + letters.get(0).errorCode() + ", ErrorMessage " + letters.get(0).errorMessage() + ")");
        return Verdict.of(count.matches(matching.size()), observed);
    }

    /** Why the stack's function has no dead-letter queue to look in, or null when it has one (YAML and DSL). */
    public static String missingDeadLetter(io.selfheal.harness.stack.Stack stack, String function) {
        return stack.all(FunctionKind.Function.class).get(function).async().deadLetter() != null ? null
                : "function " + function + " has no deadLetter to look in";
    }

    private boolean matches(AsyncLetters.DeadLetter letter) {
        return (errorCode == null || String.valueOf(errorCode).equals(letter.errorCode()))
                && (errorMessage == null || (letter.errorMessage() != null
                && letter.errorMessage().contains(errorMessage)));
    }

    /** Registered as {@code deadLetter}. */
    public static final class Type implements ExpectationType {
        @Override
        public String key() {
            return "deadLetter";
        }

        @Override
        public Expectation read(YMap spec, ReadContext context) {
            spec.allow("function", "count", "atLeast", "atMost", "errorCode", "errorMessage");
            String function = context.stackKey(FunctionKind.KEY, spec.require("function"));
            Count count = Count.read(spec, true);
            String missing = function == null ? null : missingDeadLetter(context.stack(), function);
            if (missing != null) {
                spec.get("function").problem(missing);
                return null;
            }
            return function == null ? null : new DeadLetterExpectation(function, count, spec.integer("errorCode"),
                    spec.string("errorMessage"));
        }

        @Override
        public String schema() {
            return """
                {"description": "How many of Lambda's dead letters (messages with the RequestID, ErrorCode and ErrorMessage attributes) the function's deadLetter queue or topic holds.", "type": "object", "additionalProperties": false, "required": ["function"], "allOf": [{"$ref": "#/$defs/countKeys"}], "properties": {
                  "function": {"description": "The key of the functions entry; it must have a deadLetter.", "$ref": "#/$defs/stackKey"},
                  "count": {"$ref": "#/$defs/count"},
                  "atLeast": {"$ref": "#/$defs/atLeast"},
                  "atMost": {"$ref": "#/$defs/atMost"},
                  "errorCode": {"description": "Count only dead letters with this ErrorCode attribute: the HTTP status of the failed invocation (200 for a function error).", "type": "integer"},
                  "errorMessage": {"description": "Count only dead letters whose ErrorMessage attribute contains this text.", "type": "string"}
                }}
                """;
        }
    }
}
