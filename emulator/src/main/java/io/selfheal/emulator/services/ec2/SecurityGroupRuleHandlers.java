package io.selfheal.emulator.services.ec2;

import static io.selfheal.emulator.services.ec2.ResourceFilter.one;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * AuthorizeSecurityGroupIngress/Egress, RevokeSecurityGroupIngress/Egress and DescribeSecurityGroupRules. A call is
 * checked whole before it changes anything: a duplicate or unknown rule refuses every rule of the call.
 */
final class SecurityGroupRuleHandlers {
    private static final Map<String, Function<SecurityGroupRule, Collection<String>>> FILTERS = Map.of(
            "group-id", r -> one(r.group.groupId),
            "security-group-rule-id", r -> one(r.ruleId));

    private final RegionalStore<Ec2Region> store;

    SecurityGroupRuleHandlers(RegionalStore<Ec2Region> store) {
        this.store = store;
    }

    JsonNode authorizeIngress(RequestContext ctx, ObjectNode input) {
        return authorize(ctx, input, false);
    }

    JsonNode authorizeEgress(RequestContext ctx, ObjectNode input) {
        return authorize(ctx, input, true);
    }

    JsonNode revokeIngress(RequestContext ctx, ObjectNode input) {
        return revoke(ctx, input, false);
    }

    JsonNode revokeEgress(RequestContext ctx, ObjectNode input) {
        return revoke(ctx, input, true);
    }

    /** Answers {@code return} and the new rules with their {@code sgr-} ids (securityGroupRuleSet). */
    private JsonNode authorize(RequestContext ctx, ObjectNode input, boolean egress) {
        Params p = new Params(input, Params.EC2);
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            SecurityGroup group = group(p, region, egress);
            List<SecurityGroupRule> rules = SecurityGroupRules.parse(p, group, egress, region);
            if (rules.isEmpty()) {
                throw p.errors().missing("IpPermissions");
            }
            Map<String, String> tags = Tags.specified(p, "security-group-rule");
            List<SecurityGroupRule> seen = new ArrayList<>(group.rules);
            for (SecurityGroupRule rule : rules) {
                if (seen.stream().anyMatch(rule::sameAs)) {
                    throw AwsException.badRequest("InvalidPermission.Duplicate", "the specified rule \""
                            + SecurityGroupRules.describe(rule) + "\" already exists");
                }
                seen.add(rule);
            }
            Ec2Errors.checkDryRun(p);
            ObjectNode result = Json.object().put("return", true);
            ArrayNode set = result.putArray("securityGroupRuleSet");
            for (SecurityGroupRule rule : rules) {
                rule.tags().putAll(tags);
                group.rules.add(rule);
                set.add(NetXml.rule(rule));
            }
            return result;
        }
    }

    /**
     * By {@code SecurityGroupRuleId.N} (every id must be a rule of this group and direction) or by permission. In a
     * default VPC a permission matching no rule is not an error: it comes back in {@code unknownIpPermissionSet}; in
     * any other VPC it is InvalidPermission.NotFound and nothing is revoked (RevokeSecurityGroupIngress reference).
     */
    private JsonNode revoke(RequestContext ctx, ObjectNode input, boolean egress) {
        Params p = new Params(input, Params.EC2);
        List<String> ruleIds = VpcHandlers.ids(p, "SecurityGroupRuleId");
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            SecurityGroup group = group(p, region, egress);
            List<SecurityGroupRule> revoked = new ArrayList<>();
            List<SecurityGroupRule> unknown = new ArrayList<>();
            if (!ruleIds.isEmpty()) {
                if (!p.objects("IpPermissions").isEmpty() || p.has("CidrIp") || p.has("IpProtocol")) {
                    throw Ec2Errors.invalidCombination(
                            "The parameter 'securityGroupRuleIds' may not be used in combination with 'ipPermissions'");
                }
                revoked.addAll(byIds(group, egress, ruleIds));
            } else {
                List<SecurityGroupRule> asked = SecurityGroupRules.parse(p, group, egress, region);
                if (asked.isEmpty()) {
                    throw p.errors().missing("IpPermissions");
                }
                for (SecurityGroupRule a : asked) {
                    group.rules.stream().filter(a::sameAs).findFirst()
                            .ifPresentOrElse(revoked::add, () -> unknown.add(a));
                }
                boolean defaultVpc = region.vpcs.get(group.vpcId).isDefault;
                if (!unknown.isEmpty() && !defaultVpc) {
                    throw AwsException.badRequest("InvalidPermission.NotFound",
                            "The specified rule does not exist in this security group.");
                }
            }
            Ec2Errors.checkDryRun(p);
            group.rules.removeAll(revoked);
            ObjectNode result = Json.object().put("return", true);
            if (!unknown.isEmpty()) {
                result.set("unknownIpPermissionSet", NetXml.permissions(unknown));
            }
            ArrayNode set = result.putArray("revokedSecurityGroupRuleSet");
            revoked.forEach(r -> set.add(NetXml.rule(r)));
            return result;
        }
    }

    private static List<SecurityGroupRule> byIds(SecurityGroup group, boolean egress, List<String> ids) {
        List<SecurityGroupRule> found = new ArrayList<>();
        for (String id : ids) {
            if (!ResourceKind.SECURITY_GROUP_RULE.wellFormed(id)) {
                throw ResourceKind.SECURITY_GROUP_RULE.malformed(id);
            }
            SecurityGroupRule rule = group.rules.stream()
                    .filter(r -> r.ruleId.equals(id) && r.egress == egress).findFirst().orElse(null);
            if (rule == null) {
                throw ResourceKind.SECURITY_GROUP_RULE.notFound(List.of(id));
            }
            found.add(rule);
        }
        return found;
    }

    /** Egress names its group by id only (AuthorizeSecurityGroupEgress has no GroupName). */
    private static SecurityGroup group(Params p, Ec2Region region, boolean egress) {
        if (egress && !p.has("GroupId")) {
            throw p.errors().missing("GroupId");
        }
        return SecurityGroupHandlers.target(p, region);
    }

    JsonNode describeSecurityGroupRules(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        List<String> ids = VpcHandlers.ids(p, "SecurityGroupRuleId");
        Predicate<SecurityGroupRule> filter = ResourceFilter.parse(p, FILTERS);
        Ec2Region region = Ec2Region.of(store, ctx);
        ObjectNode result = Json.object();
        ArrayNode set = result.putArray("securityGroupRuleSet");
        synchronized (region) {
            List<SecurityGroupRule> rules = new ArrayList<>();
            if (ids.isEmpty()) {
                region.securityGroups.values().forEach(g -> rules.addAll(g.rules));
            } else {
                for (String id : ids) {
                    if (!ResourceKind.SECURITY_GROUP_RULE.wellFormed(id)) {
                        throw ResourceKind.SECURITY_GROUP_RULE.malformed(id);
                    }
                    SecurityGroupRule rule = region.rule(id);
                    if (rule == null) {
                        throw ResourceKind.SECURITY_GROUP_RULE.notFound(List.of(id));
                    }
                    rules.add(rule);
                }
            }
            rules.stream().filter(filter).forEach(r -> set.add(NetXml.rule(r)));
        }
        return result;
    }
}
