package io.selfheal.harness.steps;

import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.yaml.YMap;
import java.time.Duration;

/**
 * Makes a function misbehave without changing its code: {@code functionFault: {function: fix, mode: throw, times: 2}}
 * or {@code {function: fix, mode: throttle, for: PT5M}}. Lambda's platform applies it around the real handler
 * (a {@code throw} is an {@code Unhandled} function error, {@code timeout} "Task timed out", {@code crash}
 * {@code Runtime.ExitError}, {@code throttle} {@code TooManyRequestsException}), so retries, destinations,
 * dead-letter queues and metrics behave as AWS's would for the real failure.
 *
 * @param times       how many invocations it affects; 0 = every one until {@code forDuration} ends
 * @param forDuration how long it lasts on the cloud's clock, or null
 */
public record FunctionFaultFault(String function, String mode, int times, Duration forDuration) implements Fault {
    static final String[] MODES = {"throw", "timeout", "crash", "throttle"};

    @Override
    public String describe() {
        return "function " + function + " fails (" + mode + ") "
                + (times > 0 ? times + " time" + (times == 1 ? "" : "s") : "for " + forDuration);
    }

    @Override
    public java.util.Set<io.selfheal.harness.backend.Capability> needs() {
        return java.util.Set.of(io.selfheal.harness.backend.Capability.FUNCTION_FAULTS);
    }

    @Override
    public void inject(FaultContext run) {
        run.cloud().control(io.selfheal.harness.backend.Capability.FUNCTION_FAULTS)
                .injectFunctionFault(run.state().functionName(function), mode, times, forDuration);
    }

    /** Registered as {@code functionFault}. */
    public static final class Type implements FaultType {
        @Override
        public String key() {
            return "functionFault";
        }

        @Override
        public Fault read(YMap spec, ReadContext context) {
            spec.allow("function", "mode", "times", "for");
            String function = context.stackKey("functions", spec.require("function"));
            String mode = spec.choice("mode", MODES);
            if (!spec.has("mode")) {
                spec.require("mode");
            }
            Integer times = spec.integer("times");
            Duration duration = spec.duration("for");
            if ((times == null) == (duration == null)) {
                spec.node().problem("give either times (how many invocations fail) or for (how long they fail)");
            } else if (times != null && times < 1) {
                spec.get("times").problem("times must be at least 1");
            }
            return new FunctionFaultFault(function, mode == null ? "throw" : mode, times == null ? 0 : times,
                    duration);
        }

        @Override
        public String schema() {
            return """
                {"description": "Makes a function misbehave without changing its code: Lambda's platform fails its next invocations (times) or every invocation for a while (for).", "type": "object", "additionalProperties": false, "required": ["function", "mode"], "properties": {
                  "function": {"description": "The key of the functions entry.", "$ref": "#/$defs/stackKey"},
                  "mode": {"description": "throw: an Unhandled function error; timeout: Task timed out; crash: Runtime.ExitError; throttle: TooManyRequestsException.", "enum": ["throw", "timeout", "crash", "throttle"]},
                  "times": {"description": "How many invocations fail.", "type": "integer", "minimum": 1},
                  "for": {"description": "How long every invocation fails (ISO-8601 duration).", "$ref": "#/$defs/positiveDuration"}
                }, "oneOf": [{"required": ["times"]}, {"required": ["for"]}]}
                """;
        }
    }
}
