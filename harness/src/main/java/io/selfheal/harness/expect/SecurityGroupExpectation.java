package io.selfheal.harness.expect;

import io.selfheal.harness.stack.SecurityGroupKind;
import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.yaml.YMap;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;

/**
 * Whether a stack group admits some traffic, by its rules as DescribeSecurityGroupRules lists them:
 * {@code securityGroup: {ref: web, ingress: {port: 22, cidr: 0.0.0.0/0}, present: false}}. A rule counts when it
 * admits all of the described traffic: same source, same protocol (or all protocols), a port range containing the
 * described one — so a world-open 0-65535 rule also makes port 22 "present".
 */
public record SecurityGroupExpectation(String group, boolean egress, SecurityGroupKind.Permission rule, boolean present)
        implements Expectation {

    @Override
    public String describe() {
        return "security group " + group + (present ? " has " : " has no ") + (egress ? "egress" : "ingress")
                + " rule admitting " + text(rule);
    }

    @Override
    public Verdict check(ProbeContext run) {
        String groupId = run.state().securityGroupId(group);
        String source = rule.group() == null ? null : run.state().securityGroupId(rule.group());
        List<SecurityGroupRule> rules = run.clients().ec2().describeSecurityGroupRulesPaginator(r -> r.filters(
                Filter.builder().name("group-id").values(groupId).build())).securityGroupRules().stream().toList();
        List<SecurityGroupRule> admitting = rules.stream()
                .filter(r -> r.isEgress() == egress && admits(r, source)).toList();
        String observed = admitting.isEmpty() ? "no " + (egress ? "egress" : "ingress") + " rule of " + groupId
                + " admits it (" + rules.size() + " rules in all)"
                : "admitted by " + admitting.stream().map(SecurityGroupExpectation::text).toList();
        return Verdict.of(admitting.isEmpty() != present, observed);
    }

    private boolean admits(SecurityGroupRule r, String sourceGroupId) {
        boolean sameSource = rule.cidr() != null ? rule.cidr().equals(r.cidrIpv4())
                : rule.ipv6() != null ? rule.ipv6().equalsIgnoreCase(r.cidrIpv6())
                : r.referencedGroupInfo() != null && sourceGroupId.equals(r.referencedGroupInfo().groupId());
        if (!sameSource) {
            return false;
        }
        if ("-1".equals(r.ipProtocol())) {
            return true;
        }
        if (!rule.protocol().equals(r.ipProtocol())) {
            return false;
        }
        if (rule.fromPort() == null) {
            return r.fromPort() == null || r.fromPort() == -1;
        }
        return r.fromPort() != null && r.fromPort() <= rule.fromPort() && rule.toPort() <= r.toPort();
    }

    private static String text(SecurityGroupKind.Permission p) {
        return p.protocol() + " " + (p.fromPort() == null ? "all ports" : p.fromPort() + "-" + p.toPort()) + " from "
                + (p.cidr() != null ? p.cidr() : p.ipv6() != null ? p.ipv6() : "group " + p.group());
    }

    private static String text(SecurityGroupRule r) {
        return r.securityGroupRuleId() + " " + r.ipProtocol() + " " + r.fromPort() + "-" + r.toPort() + " "
                + (r.cidrIpv4() != null ? r.cidrIpv4() : r.cidrIpv6() != null ? r.cidrIpv6()
                : r.referencedGroupInfo() != null ? r.referencedGroupInfo().groupId() : "?");
    }

    /** Registered as {@code securityGroup}. */
    public static final class Type implements ExpectationType {
        @Override
        public String key() {
            return "securityGroup";
        }

        @Override
        public Expectation read(YMap spec, ReadContext context) {
            spec.allow("ref", "ingress", "egress", "present");
            String group = context.stackKey("securityGroups", spec.require("ref"));
            if (spec.has("ingress") == spec.has("egress")) {
                spec.node().problem("give exactly one of ingress or egress (the rule to look for)");
                return null;
            }
            boolean egress = spec.has("egress");
            SecurityGroupKind.Permission rule = context.permission(spec.get(egress ? "egress" : "ingress"));
            Boolean present = spec.bool("present");
            return group == null || rule == null ? null
                    : new SecurityGroupExpectation(group, egress, rule, present == null || present);
        }

        @Override
        public String schema() {
            return """
                {"description": "Whether a stack group admits some traffic, by its rules as DescribeSecurityGroupRules lists them: a rule counts when it admits all of the described traffic (same source, same or all protocols, a containing port range). Exactly one of ingress, egress.", "type": "object", "additionalProperties": false, "required": ["ref"], "oneOf": [{"required": ["ingress"]}, {"required": ["egress"]}], "properties": {
                  "ref": {"description": "The key of the securityGroups entry.", "$ref": "#/$defs/stackKey"},
                  "ingress": {"description": "The inbound traffic to look for, written as a rule.", "$ref": "#/$defs/permission"},
                  "egress": {"description": "The outbound traffic to look for, written as a rule.", "$ref": "#/$defs/permission"},
                  "present": {"description": "true (default): some rule admits it; false: none does.", "type": "boolean", "default": true}
                }}
                """;
        }
    }
}
