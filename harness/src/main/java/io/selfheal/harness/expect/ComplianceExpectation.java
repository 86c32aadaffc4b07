package io.selfheal.harness.expect;

import io.selfheal.harness.stack.ConfigRuleKind;
import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.yaml.YMap;
import java.util.List;
import software.amazon.awssdk.services.config.model.EvaluationResult;

/**
 * What an AWS Config rule says of one resource, by GetComplianceDetailsByConfigRule:
 * {@code compliance: {rule: ssh, resource: "${securityGroups.web.id}", type: COMPLIANT}}. The resource id may be a
 * reference; the type is {@code COMPLIANT}, {@code NON_COMPLIANT}, {@code NOT_APPLICABLE} or
 * {@code INSUFFICIENT_DATA} (no evaluation of the resource yet counts as INSUFFICIENT_DATA).
 */
public record ComplianceExpectation(String rule, String resource, String type) implements Expectation {
    static final List<String> TYPES = List.of("COMPLIANT", "NON_COMPLIANT", "NOT_APPLICABLE", "INSUFFICIENT_DATA");

    @Override
    public String describe() {
        return "Config rule " + rule + " finds " + resource + " " + type;
    }

    @Override
    public Verdict check(ProbeContext run) {
        String ruleName = run.state().get(ConfigRuleKind.KEY, rule, "name");
        String resourceId = run.state().resolve(resource);
        List<EvaluationResult> results = run.clients().config().getComplianceDetailsByConfigRulePaginator(r -> r
                        .configRuleName(ruleName)).evaluationResults().stream()
                .filter(e -> resourceId.equals(e.evaluationResultIdentifier().evaluationResultQualifier()
                        .resourceId())).toList();
        String observed = results.isEmpty() ? "INSUFFICIENT_DATA" : results.get(0).complianceTypeAsString();
        String annotation = results.isEmpty() ? null : results.get(0).annotation();
        return Verdict.of(type.equals(observed), ruleName + " finds " + resourceId + " " + observed
                + (annotation == null ? "" : " (" + annotation + ")"));
    }

    /** Registered as {@code compliance}. */
    public static final class Type implements ExpectationType {
        @Override
        public String key() {
            return "compliance";
        }

        @Override
        public Expectation read(YMap spec, ReadContext context) {
            spec.allow("rule", "resource", "type");
            String rule = context.stackKey(ConfigRuleKind.KEY, spec.require("rule"));
            String resource = spec.requiredString("resource");
            String type = spec.has("type") ? spec.choice("type", TYPES.toArray(String[]::new)) : null;
            if (!spec.has("type")) {
                spec.require("type");
            }
            return rule == null || resource == null || type == null ? null
                    : new ComplianceExpectation(rule, resource, type);
        }

        @Override
        public String schema() {
            return """
                {"description": "What an AWS Config rule of the stack says of one resource (GetComplianceDetailsByConfigRule); no evaluation yet counts as INSUFFICIENT_DATA.", "type": "object", "additionalProperties": false, "required": ["rule", "resource", "type"], "properties": {
                  "rule": {"description": "The key of the configRules entry.", "$ref": "#/$defs/stackKey"},
                  "resource": {"description": "The resource id; references allowed, e.g. ${securityGroups.web.id}.", "type": "string"},
                  "type": {"description": "The compliance type expected.", "enum": ["COMPLIANT", "NON_COMPLIANT", "NOT_APPLICABLE", "INSUFFICIENT_DATA"]}
                }}
                """;
        }
    }
}
