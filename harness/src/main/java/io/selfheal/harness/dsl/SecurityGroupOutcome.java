package io.selfheal.harness.dsl;

import io.selfheal.harness.stack.SecurityGroupKind;
import io.selfheal.harness.expect.Expectation;
import io.selfheal.harness.expect.SecurityGroupExpectation;

/**
 * {@code securityGroup}: a stack group has (or, {@link #absent()}, no longer has) a rule:
 * {@code Outcomes.securityGroup("web").ingress(Permissions.tcp(22).cidr("0.0.0.0/0")).absent()}.
 */
public final class SecurityGroupOutcome extends Spec<SecurityGroupOutcome> implements OutcomeSpec {
    private final String ref;
    private PermissionSpec rule;
    private boolean egress;
    private boolean present = true;

    SecurityGroupOutcome(String ref) {
        this.ref = ref;
    }

    public SecurityGroupOutcome ingress(PermissionSpec rule) {
        return with(s -> {
            s.rule = rule;
            s.egress = false;
        });
    }

    public SecurityGroupOutcome egress(PermissionSpec rule) {
        return with(s -> {
            s.rule = rule;
            s.egress = true;
        });
    }

    /** The rule must be gone ({@code present: false}). */
    public SecurityGroupOutcome absent() {
        return with(s -> s.present = false);
    }

    @Override
    public String key() {
        return "securityGroup";
    }

    @Override
    public Expectation build(Checks checks) {
        String group = checks.stackKey("ref", "securityGroups", ref);
        if (rule == null) {
            checks.problem("give exactly one of ingress or egress (the rule to look for)");
            return null;
        }
        SecurityGroupKind.Permission permission = rule.build(checks.at(egress ? "egress" : "ingress"));
        return group == null ? null : new SecurityGroupExpectation(group, egress, permission, present);
    }
}
