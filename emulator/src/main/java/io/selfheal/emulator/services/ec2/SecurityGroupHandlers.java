package io.selfheal.emulator.services.ec2;

import static io.selfheal.emulator.services.ec2.ResourceFilter.one;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Ids;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** CreateSecurityGroup, DeleteSecurityGroup and DescribeSecurityGroups. */
final class SecurityGroupHandlers {
    private static final int MAX_NAME = 255;
    private static final Map<String, Function<SecurityGroup, Collection<String>>> FILTERS = Map.ofEntries(
            Map.entry("group-name", g -> one(g.groupName)),
            Map.entry("group-id", g -> one(g.groupId)),
            Map.entry("vpc-id", g -> one(g.vpcId)),
            Map.entry("description", g -> one(g.description)),
            Map.entry("owner-id", g -> one(g.ownerId)),
            Map.entry("ip-permission.cidr", g -> field(g, false, r -> r.cidrIpv4)),
            Map.entry("ip-permission.ipv6-cidr", g -> field(g, false, r -> r.cidrIpv6)),
            Map.entry("ip-permission.prefix-list-id", g -> field(g, false, r -> r.prefixListId)),
            Map.entry("ip-permission.group-id", g -> field(g, false, r -> r.referencedGroupId)),
            Map.entry("ip-permission.from-port", g -> field(g, false, r -> r.fromPort)),
            Map.entry("ip-permission.to-port", g -> field(g, false, r -> r.toPort)),
            Map.entry("ip-permission.protocol", g -> field(g, false, r -> r.protocol)),
            Map.entry("egress.ip-permission.cidr", g -> field(g, true, r -> r.cidrIpv4)),
            Map.entry("egress.ip-permission.ipv6-cidr", g -> field(g, true, r -> r.cidrIpv6)),
            Map.entry("egress.ip-permission.prefix-list-id", g -> field(g, true, r -> r.prefixListId)),
            Map.entry("egress.ip-permission.group-id", g -> field(g, true, r -> r.referencedGroupId)),
            Map.entry("egress.ip-permission.from-port", g -> field(g, true, r -> r.fromPort)),
            Map.entry("egress.ip-permission.to-port", g -> field(g, true, r -> r.toPort)),
            Map.entry("egress.ip-permission.protocol", g -> field(g, true, r -> r.protocol)));

    private final RegionalStore<Ec2Region> store;

    SecurityGroupHandlers(RegionalStore<Ec2Region> store) {
        this.store = store;
    }

    /** CreateSecurityGroup: a VPC group starts with one rule, all traffic out to 0.0.0.0/0. */
    JsonNode createSecurityGroup(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        String name = p.string("GroupName");
        if (name == null) {
            throw p.errors().missing("GroupName");
        }
        String description = p.string("GroupDescription", p.string("Description"));
        if (description == null) {
            throw p.errors().missing("GroupDescription");
        }
        if (name.isEmpty() || name.length() > MAX_NAME || !SecurityGroupRules.DESCRIPTION.matcher(name).matches()) {
            throw p.errors().invalid("GroupName", name, "Group names must be 1 to 255 characters of a-zA-Z0-9 "
                    + "spaces and ._-:/()#,@[]+=&;{}!$*");
        }
        if (name.toLowerCase(java.util.Locale.ROOT).startsWith("sg-")) {
            throw Ec2Errors.invalidParameter("Group names may not be in the format sg-*.");
        }
        if (!SecurityGroupRules.DESCRIPTION.matcher(description).matches()) {
            throw Ec2Errors.invalidParameter("Invalid security group description. Valid descriptions are strings "
                    + "less than 256 characters from the following set:  a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*");
        }
        Map<String, String> tags = Tags.specified(p, "security-group");
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            String vpcId = p.string("VpcId");
            Vpc vpc = vpcId == null ? region.defaultVpc() : ResourceKind.VPC.resolve(region.vpcs, vpcId);
            if (region.groupByName(vpc.vpcId, name) != null) {
                throw AwsException.badRequest("InvalidGroup.Duplicate",
                        "The security group '" + name + "' already exists for VPC '" + vpc.vpcId + "'");
            }
            Ec2Errors.checkDryRun(p);
            SecurityGroup group = new SecurityGroup(region.ids.hex("sg", 17), name, description, vpc.vpcId,
                    ctx.accountId(), ctx.region());
            group.tags().putAll(tags);
            group.rules.add(SecurityGroupRules.allEgress(region.ids, group));
            region.securityGroups.put(group.groupId, group);
            ObjectNode result = Json.object().put("return", true).put("groupId", group.groupId);
            result.set("tagSet", InstanceXml.tagSet(group.tags()));
            result.put("securityGroupArn", group.arn());
            return result;
        }
    }

    /**
     * DeleteSecurityGroup: the {@code default} group cannot be deleted (CannotDelete); a group an interface uses or
     * another group's rule references is refused with DependencyViolation.
     */
    JsonNode deleteSecurityGroup(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            SecurityGroup group = target(p, region);
            if (group.isDefault()) {
                throw AwsException.badRequest("CannotDelete", "the specified group: \"" + group.groupId
                        + "\" name: \"default\" cannot be deleted by a user");
            }
            boolean used = region.networkInterfaces.values().stream().anyMatch(e -> e.groups.contains(group))
                    || region.securityGroups.values().stream().filter(g -> g != group)
                    .flatMap(g -> g.rules.stream()).anyMatch(r -> group.groupId.equals(r.referencedGroupId));
            if (used) {
                throw AwsException.badRequest("DependencyViolation",
                        "resource " + group.groupId + " has a dependent object");
            }
            Ec2Errors.checkDryRun(p);
            region.securityGroups.remove(group.groupId);
            return Json.object().put("return", true).put("groupId", group.groupId);
        }
    }

    JsonNode describeSecurityGroups(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        List<String> ids = VpcHandlers.ids(p, "GroupId");
        List<String> names = VpcHandlers.ids(p, "GroupName");
        Predicate<SecurityGroup> filter = ResourceFilter.parse(p, FILTERS);
        Ec2Region region = Ec2Region.of(store, ctx);
        ObjectNode result = Json.object();
        ArrayNode set = result.putArray("securityGroupInfo");
        synchronized (region) {
            List<SecurityGroup> groups;
            if (ids.isEmpty() && names.isEmpty()) {
                groups = new ArrayList<>(region.securityGroups.values());
            } else {
                // GroupName.N names groups of the default VPC only (DescribeSecurityGroups, GroupNames).
                Set<SecurityGroup> named = new LinkedHashSet<>(
                        ResourceKind.SECURITY_GROUP.resolve(region.securityGroups, ids));
                for (String name : names) {
                    named.add(SecurityGroupRules.groupByName(region, region.defaultVpc().vpcId, name));
                }
                groups = new ArrayList<>(named);
            }
            groups.stream().filter(filter).forEach(g -> set.add(NetXml.securityGroup(g)));
        }
        return result;
    }

    /** The group of {@code GroupId}, else of {@code GroupName} in the default VPC. */
    static SecurityGroup target(Params p, Ec2Region region) {
        String id = p.string("GroupId");
        if (id != null) {
            return ResourceKind.SECURITY_GROUP.resolve(region.securityGroups, id);
        }
        String name = p.string("GroupName");
        if (name == null) {
            throw p.errors().missing("GroupId");
        }
        return SecurityGroupRules.groupByName(region, region.defaultVpc().vpcId, name);
    }

    private static Collection<String> field(SecurityGroup g, boolean egress,
                                            Function<SecurityGroupRule, Object> value) {
        return g.rules(egress).stream().map(value).flatMap(v -> v == null ? Stream.empty()
                : Stream.of(String.valueOf(v))).toList();
    }
}
