package io.selfheal.harness.dsl;

import io.selfheal.harness.expect.ComplianceExpectation;
import io.selfheal.harness.expect.Expectation;
import io.selfheal.harness.stack.ConfigRuleKind;

/**
 * {@code compliance}: what a stack Config rule says of one resource:
 * {@code Outcomes.compliance("ssh", Refs.securityGroup("web").id(), "COMPLIANT")}.
 */
public final class ComplianceOutcome extends Spec<ComplianceOutcome> implements OutcomeSpec {
    private final String rule;
    private final String resource;
    private final String type;

    ComplianceOutcome(String rule, String resource, String type) {
        this.rule = rule;
        this.resource = resource;
        this.type = type;
    }

    @Override
    public String key() {
        return "compliance";
    }

    @Override
    public Expectation build(Checks checks) {
        String key = checks.stackKey("rule", ConfigRuleKind.KEY, rule);
        String resourceId = checks.required("resource", resource);
        if (resourceId != null) {
            checks.references(resourceId);
        }
        String compliance = checks.choice("type", type, "COMPLIANT", "NON_COMPLIANT", "NOT_APPLICABLE",
                "INSUFFICIENT_DATA");
        return key == null || resourceId == null || compliance == null ? null
                : new ComplianceExpectation(key, resourceId, compliance);
    }
}
