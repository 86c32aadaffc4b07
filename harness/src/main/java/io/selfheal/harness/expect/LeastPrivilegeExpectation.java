package io.selfheal.harness.expect;

import io.selfheal.harness.stack.FunctionKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfheal.emulator.core.ApiCall;
import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.yaml.YMap;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Every API call a function made is an action its {@code rolePolicy} allows and does not deny:
 * {@code leastPrivilege: {function: revoke}}. The emulator does not evaluate IAM, so this is how a scenario proves
 * the shipped policy is enough. Actions only: {@code Resource} and {@code Condition} are not evaluated.
 * Granted actions never used are reported, not failed (a remediation's rare paths may need them).
 */
public record LeastPrivilegeExpectation(String function) implements Expectation {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String describe() {
        return "every call by function " + function + " is allowed by its rolePolicy";
    }

    @Override
    public java.util.Set<io.selfheal.harness.backend.Capability> needs() {
        return java.util.Set.of(io.selfheal.harness.backend.Capability.CALL_LOG);
    }

    @Override
    public Verdict check(ProbeContext run) {
        String policyText = run.stack().all(FunctionKind.Function.class).get(function).rolePolicy();
        JsonNode policy;
        try {
            policy = JSON.readTree(run.state().resolve(policyText));
        } catch (java.io.IOException e) {
            return Verdict.of(false, "rolePolicy is not JSON: " + e.getMessage());
        }
        String session = "/" + run.state().functionName(function);
        TreeSet<String> used = new TreeSet<>();
        for (ApiCall c : run.cloud().calls()) {
            if (c.callerArn().contains(":assumed-role/") && c.callerArn().endsWith(session)) {
                // The action the operation registered (lambda:InvokeFunction, cloudwatch:… though it signs as
                // monitoring); a call to an operation nobody registered has none.
                used.add(c.iamAction() != null ? c.iamAction() : c.service() + ":" + c.operation());
            }
        }
        List<String> denied = new ArrayList<>();
        for (String action : used) {
            if (!matches(policy, "Deny", action) && matches(policy, "Allow", action)) {
                continue;
            }
            denied.add(action);
        }
        return Verdict.of(denied.isEmpty(), "used " + used + (denied.isEmpty() ? ", all allowed"
                : ", not allowed: " + denied));
    }

    private static boolean matches(JsonNode policy, String effect, String action) {
        JsonNode statements = policy.path("Statement");
        for (JsonNode s : statements.isArray() ? statements : List.of(statements)) {
            if (!effect.equals(s.path("Effect").asText())) {
                continue;
            }
            boolean not = s.has("NotAction");
            boolean listed = false;
            for (JsonNode a : list(s.get(not ? "NotAction" : "Action"))) {
                listed |= glob(a.asText()).matcher(action).matches();
            }
            if (listed != not) {
                return true;
            }
        }
        return false;
    }

    private static Iterable<JsonNode> list(JsonNode node) {
        return node == null ? List.of() : node.isArray() ? node : List.of(node);
    }

    /** IAM action names are case-insensitive and take {@code *} and {@code ?} wildcards. */
    private static Pattern glob(String action) {
        StringBuilder regex = new StringBuilder();
        for (char ch : action.toCharArray()) {
            regex.append(ch == '*' ? ".*" : ch == '?' ? "." : Pattern.quote(String.valueOf(ch)));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
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
            if (function != null && context.stack().all(FunctionKind.Function.class).get(function).rolePolicy() == null) {
                spec.get("function").problem("function '" + function + "' has no rolePolicy to check calls against");
                return null;
            }
            return function == null ? null : new LeastPrivilegeExpectation(function);
        }

        @Override
        public String schema() {
            return """
                {"description": "Every API call the function made is an action its rolePolicy allows and does not deny (actions only; Resource and Condition are not evaluated).", "type": "object", "additionalProperties": false, "required": ["function"], "properties": {
                  "function": {"description": "The key of a functions entry that has a rolePolicy.", "$ref": "#/$defs/stackKey"}
                }}
                """;
        }
    }
}
