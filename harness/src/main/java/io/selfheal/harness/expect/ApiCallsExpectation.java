package io.selfheal.harness.expect;

import io.selfheal.emulator.core.ApiCall;
import io.selfheal.harness.engine.ScenarioRun;
import io.selfheal.harness.scenario.ReadContext;
import io.selfheal.harness.yaml.YMap;

/**
 * How many successful calls of one operation the cloud answered:
 * {@code apiCalls: {service: ec2, operation: RebootInstances, count: 1, by: reboot}} — {@code by} narrows to calls
 * made by a function of the stack (its role session).
 */
public record ApiCallsExpectation(String service, String operation, int count, String byFunction)
        implements Expectation {

    @Override
    public String describe() {
        return service + " " + operation + " called exactly " + count + " time" + (count == 1 ? "" : "s")
                + (byFunction != null ? " by function " + byFunction : "");
    }

    @Override
    public Verdict check(ScenarioRun run) {
        String session = byFunction == null ? null : "/" + run.state().functionName(byFunction);
        long seen = run.cloud().calls().stream()
                .filter(c -> c.service().equals(service) && c.operation().equals(operation) && c.succeeded())
                .filter(c -> session == null || isSessionOf(c, session))
                .count();
        return Verdict.of(seen == count, seen + " successful " + operation + " call" + (seen == 1 ? "" : "s"));
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
            spec.allow("service", "operation", "count", "by");
            String service = spec.requiredString("service");
            String operation = spec.requiredString("operation");
            Integer count = spec.integer("count");
            if (count == null && !spec.has("count")) {
                spec.require("count");
            }
            String by = spec.has("by") ? context.stackKey("functions", spec.get("by")) : null;
            return new ApiCallsExpectation(service, operation, count == null ? 0 : count, by);
        }
    }
}
