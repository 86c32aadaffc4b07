package io.selfheal.harness.expect;

import io.selfheal.harness.iam.LeastPrivilegeReport;
import io.selfheal.harness.stack.FunctionKind;
import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.stack.RoleKind;
import io.selfheal.harness.yaml.YMap;
import java.util.List;

/**
 * Every call the function made was allowed by its execution role: {@code leastPrivilege: {function: revoke}}. Reads
 * the decisions the cloud's policy engine recorded for the function's session (scenarios run IAM in {@code enforce}
 * mode), so Resource and Condition count as they do on AWS. Grants never used are reported, not failed (a
 * remediation's rare paths may need them).
 */
public record LeastPrivilegeExpectation(String function) implements Expectation {

    @Override
    public String describe() {
        return "every call by function " + function + " is allowed by its execution role";
    }

    @Override
    public java.util.Set<io.selfheal.harness.backend.Capability> needs() {
        return java.util.Set.of(io.selfheal.harness.backend.Capability.CALL_LOG);
    }

    @Override
    public Verdict check(ProbeContext run) {
        String name = run.state().functionName(function);
        LeastPrivilegeReport report = LeastPrivilegeReport.of(function, name, run.cloud().decisions(),
                run.state().get(FunctionKind.KEY, function, RoleKind.POLICIES));
        List<String> used = report.used().stream().map(LeastPrivilegeReport.ActionUse::action).toList();
        if (used.isEmpty()) {
            long calls = run.cloud().observation().calls().stream()
                    .filter(c -> c.callerArn().contains(":assumed-role/") && c.callerArn().endsWith("/" + name)).count();
            return Verdict.of(calls == 0, calls == 0 ? "function " + function + " made no calls"
                    : "no IAM decision recorded for the function's " + calls + " calls (IAM mode off?)");
        }
        if (!report.denials().isEmpty()) {
            return Verdict.of(false, "used " + used + "; denied: " + String.join("; ", report.denialLines()));
        }
        List<String> unused = report.unusedGrants().stream().map(LeastPrivilegeReport.Grant::id).toList();
        return Verdict.of(true, "used " + used + ", all allowed" + (unused.isEmpty() ? "" : "; unused grants: " + unused));
    }

    /** Registered as {@code leastPrivilege}. */
    public static final class Type implements ExpectationType {
        @Override
        public String key() {
            return "leastPrivilege";
        }

        @Override
        public Expectation read(YMap spec, ReadContext context) {
            spec.allow("function");
            String function = context.stackKey("functions", spec.require("function"));
            return function == null ? null : new LeastPrivilegeExpectation(function);
        }

        @Override
        public String schema() {
            return """
                {"description": "Every API call the function made was allowed by its execution role, as the cloud's IAM decided it (Resource and Condition included); grants never used are reported.", "type": "object", "additionalProperties": false, "required": ["function"], "properties": {
                  "function": {"description": "The key of a functions entry.", "$ref": "#/$defs/stackKey"}
                }}
                """;
        }
    }
}
