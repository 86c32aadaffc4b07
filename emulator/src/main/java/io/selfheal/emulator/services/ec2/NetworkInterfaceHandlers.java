package io.selfheal.emulator.services.ec2;

import static io.selfheal.emulator.services.ec2.ResourceFilter.one;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** DescribeNetworkInterfaces and ModifyNetworkInterfaceAttribute (its security groups). */
final class NetworkInterfaceHandlers {
    private static final Map<String, Function<NetworkInterface, Collection<String>>> FILTERS = Map.ofEntries(
            Map.entry("network-interface-id", e -> one(e.networkInterfaceId)),
            Map.entry("attachment.instance-id", e -> one(e.instanceId())),
            Map.entry("attachment.attachment-id", e -> e.attachment == null ? List.of()
                    : one(e.attachment.attachmentId())),
            Map.entry("attachment.device-index", e -> e.attachment == null ? List.of()
                    : one(e.attachment.deviceIndex())),
            Map.entry("attachment.status", e -> e.attachment == null ? List.of() : one("attached")),
            Map.entry("description", e -> one(e.description)),
            Map.entry("owner-id", e -> one(e.subnet.ownerId)),
            Map.entry("group-id", NetworkInterface::groupIds),
            Map.entry("group-name", e -> e.groups.stream().map(g -> g.groupName).toList()),
            Map.entry("vpc-id", e -> one(e.subnet.vpcId)),
            Map.entry("subnet-id", e -> one(e.subnet.subnetId)),
            Map.entry("availability-zone", e -> one(e.subnet.availabilityZone)),
            Map.entry("private-ip-address", e -> one(e.privateIpAddress)),
            Map.entry("mac-address", e -> one(e.macAddress)),
            Map.entry("status", e -> one(e.status())),
            Map.entry("association.public-ip", e -> e.association == null ? List.of()
                    : one(e.association.publicIp())),
            Map.entry("association.ip-owner-id", e -> e.association == null ? List.of()
                    : one(e.association.ipOwnerId())),
            Map.entry("association.public-dns-name", e -> e.association == null
                    || e.association.publicDnsName().isEmpty() ? List.of() : one(e.association.publicDnsName())),
            Map.entry("association.allocation-id", e -> e.association == null || e.association.elasticIp() == null
                    ? List.of() : one(e.association.elasticIp().allocationId)),
            Map.entry("association.association-id", e -> e.association == null || e.association.elasticIp() == null
                    ? List.of() : one(e.association.elasticIp().associationId)));

    private final RegionalStore<Ec2Region> store;

    NetworkInterfaceHandlers(RegionalStore<Ec2Region> store) {
        this.store = store;
    }

    JsonNode describeNetworkInterfaces(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        List<String> ids = VpcHandlers.ids(p, "NetworkInterfaceId");
        Predicate<NetworkInterface> filter = ResourceFilter.parse(p, FILTERS);
        Ec2Region region = Ec2Region.of(store, ctx);
        ObjectNode result = Json.object();
        ArrayNode set = result.putArray("networkInterfaceSet");
        synchronized (region) {
            List<NetworkInterface> found = ids.isEmpty() ? new ArrayList<>(region.networkInterfaces.values())
                    : ResourceKind.NETWORK_INTERFACE.resolve(region.networkInterfaces, ids);
            found.stream().filter(filter).forEach(e -> set.add(NetXml.networkInterface(e)));
        }
        return result;
    }

    /** Only {@code SecurityGroupId.N} (Groups) is modelled; it replaces the interface's groups. */
    JsonNode modifyNetworkInterfaceAttribute(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        String id = p.string("NetworkInterfaceId");
        if (id == null) {
            throw p.errors().missing("NetworkInterfaceId");
        }
        List<String> groupIds = VpcHandlers.ids(p, "SecurityGroupId");
        if (groupIds.isEmpty()) {
            throw p.errors().missing("SecurityGroupId");
        }
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            NetworkInterface eni = ResourceKind.NETWORK_INTERFACE.resolve(region.networkInterfaces, id);
            List<SecurityGroup> groups = replaceGroups(p, region, eni, groupIds);
            eni.groups.clear();
            eni.groups.addAll(groups);
        }
        return Json.object().put("return", true);
    }

    /** Resolves the new groups (all of the interface's VPC), then checks DryRun; the caller applies them. */
    static List<SecurityGroup> replaceGroups(Params p, Ec2Region region, NetworkInterface eni, List<String> ids) {
        List<SecurityGroup> groups = new ArrayList<>(new LinkedHashSet<>(
                ResourceKind.SECURITY_GROUP.resolve(region.securityGroups, ids)));
        LaunchNetwork.checkSameVpc(groups, eni.subnet.vpcId);
        Ec2Errors.checkDryRun(p);
        return groups;
    }
}
