package io.selfheal.harness.steps;

import io.selfheal.harness.stack.SecurityGroupKind;
import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.yaml.YMap;

/**
 * Configuration drift: an intruder (the harness's own credentials, not a stack function) opens a rule on a stack
 * group with EC2 AuthorizeSecurityGroupIngress, e.g. {@code securityGroupIngress: {ref: web,
 * rule: {port: 22, cidr: 0.0.0.0/0}}} (the rule written as in {@code stack.securityGroups}). CloudTrail then emits the "AWS API Call via CloudTrail" event a remediation can react to.
 */
public record SecurityGroupIngressFault(String group, SecurityGroupKind.Permission rule) implements Fault {

    @Override
    public String describe() {
        String source = rule.cidr() != null ? rule.cidr() : rule.ipv6() != null ? rule.ipv6() : "group " + rule.group();
        String ports = rule.fromPort() == null ? "all ports"
                : rule.fromPort().equals(rule.toPort()) ? "port " + rule.fromPort()
                : "ports " + rule.fromPort() + "-" + rule.toPort();
        return "security group " + group + " opened: " + rule.protocol() + " " + ports + " from " + source;
    }

    @Override
    public void inject(FaultContext run) {
        String groupId = run.state().securityGroupId(group);
        run.clients().ec2().authorizeSecurityGroupIngress(r -> r.groupId(groupId)
                .ipPermissions(SecurityGroupKind.ipPermission(rule, run.state())));
    }

    /** Registered as {@code securityGroupIngress}. */
    public static final class Type implements FaultType {
        @Override
        public String key() {
            return "securityGroupIngress";
        }

        @Override
        public Fault read(YMap spec, ReadContext context) {
            spec.allow("ref", "rule");
            String group = context.stackKey("securityGroups", spec.require("ref"));
            SecurityGroupKind.Permission permission = context.permission(spec.require("rule"));
            return group == null || permission == null ? null : new SecurityGroupIngressFault(group, permission);
        }

        @Override
        public String schema() {
            return """
                {"description": "Configuration drift: the harness's own credentials (not a stack function) open a rule on a stack group with EC2 AuthorizeSecurityGroupIngress; CloudTrail then emits the 'AWS API Call via CloudTrail' event.", "type": "object", "additionalProperties": false, "required": ["ref", "rule"], "properties": {
                  "ref": {"description": "The key of the securityGroups entry.", "$ref": "#/$defs/stackKey"},
                  "rule": {"description": "The rule opened, written as in stack.securityGroups.", "$ref": "#/$defs/permission"}
                }}
                """;
        }
    }
}
