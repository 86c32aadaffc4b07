package io.selfheal.harness.expect;

import io.selfheal.emulator.core.ApiCall;
import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.yaml.YMap;
import java.util.stream.Stream;

/**
 * How many successful calls of one operation the cloud answered:
 * {@code apiCalls: {service: ec2, operation: RebootInstances, count: 1, by: reboot}} ({@code atLeast}/{@code atMost}
 * instead of {@code count}, see {@link Count}) — {@code by} narrows to calls made by a function of the stack (its
 * role session).
 */
public record ApiCallsExpectation(String service, String operation, Count count, String byFunction)
        implements Expectation {

    @Override
    public String describe() {
        return service + " " + operation + " called " + count.describe() + " time" + (count.isOne() ? "" : "s")
                + (byFunction != null ? " by function " + byFunction : "");
    }

    @Override
    public Verdict check(ProbeContext run) {
        String session = byFunction == null ? null : "/" + run.state().functionName(byFunction);
        java.util.List<ApiCall> calls = calls(run).toList();
        long seen = calls.stream().filter(c -> session == null || isSessionOf(c, session)).count();
        String observed = seen + " successful " + operation + " call" + (seen == 1 ? "" : "s");
        if (session != null) {
            long byOthers = calls.size() - seen;
            observed += " by " + byFunction + (byOthers > 0 ? " (" + byOthers + " by other callers)" : "");
        }
        return Verdict.of(count.matches(seen), observed).from(run.cloud().observation().source());
    }

    private Stream<ApiCall> calls(ProbeContext run) {
        return run.cloud().observation().calls().stream()
                .filter(c -> c.service().equals(service) && c.operation().equals(operation) && c.succeeded());
    }

    private static boolean isSessionOf(ApiCall call, String sessionSuffix) {
        return call.callerArn().contains(":assumed-role/") && call.callerArn().endsWith(sessionSuffix);
    }

    /** Registered as {@code apiCalls}. */
    public static final class Type implements ExpectationType {
        @Override
        public String key() {
            return "apiCalls";
        }

        @Override
        public Expectation read(YMap spec, ReadContext context) {
            spec.allow("service", "operation", "count", "atLeast", "atMost", "by");
            String service = spec.requiredString("service");
            String operation = spec.requiredString("operation");
            Count count = Count.read(spec, true);
            String by = spec.has("by") ? context.stackKey("functions", spec.get("by")) : null;
            return new ApiCallsExpectation(service, operation, count, by);
        }

        @Override
        public String schema() {
            return """
                {"description": "How many successful calls of one operation the cloud answered.", "type": "object", "additionalProperties": false, "required": ["service", "operation"], "allOf": [{"$ref": "#/$defs/countKeys"}], "properties": {
                  "service": {"description": "The service's endpoint prefix: ec2, monitoring, events, lambda, sqs, sns, logs, sts, cloudtrail.", "type": "string"},
                  "operation": {"description": "The operation, e.g. RebootInstances.", "type": "string"},
                  "count": {"$ref": "#/$defs/count"},
                  "atLeast": {"$ref": "#/$defs/atLeast"},
                  "atMost": {"$ref": "#/$defs/atMost"},
                  "by": {"description": "Only calls made by this function of the stack (its role session).", "$ref": "#/$defs/stackKey"}
                }}
                """;
        }
    }
}
