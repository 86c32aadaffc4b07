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

/** DescribeVpcs and DescribeSubnets (CreateVpc and the rest of the lifecycle are {@link VpcLifecycleHandlers}). */
final class VpcHandlers {
    private static final Map<String, Function<Vpc, Collection<String>>> VPC_FILTERS = Map.of(
            "vpc-id", v -> one(v.vpcId),
            "cidr", v -> one(v.cidrBlock),
            "cidr-block-association.cidr-block", v -> one(v.cidrBlock),
            "is-default", v -> one(v.isDefault),
            "isDefault", v -> one(v.isDefault),
            "state", v -> one("available"),
            "owner-id", v -> one(v.ownerId),
            "dhcp-options-id", v -> one(v.dhcpOptionsId));
    private static final Map<String, Function<Subnet, Collection<String>>> SUBNET_FILTERS = Map.ofEntries(
            Map.entry("subnet-id", s -> one(s.subnetId)),
            Map.entry("vpc-id", s -> one(s.vpcId)),
            Map.entry("default-for-az", s -> one(s.defaultForAz)),
            Map.entry("defaultForAz", s -> one(s.defaultForAz)),
            Map.entry("availability-zone", s -> one(s.availabilityZone)),
            Map.entry("availabilityZone", s -> one(s.availabilityZone)),
            Map.entry("cidr-block", s -> one(s.cidrBlock)),
            Map.entry("state", s -> one("available")),
            Map.entry("owner-id", s -> one(s.ownerId)),
            Map.entry("subnet-arn", s -> one(s.arn())),
            Map.entry("map-public-ip-on-launch", s -> one(s.mapPublicIpOnLaunch)));

    private final RegionalStore<Ec2Region> store;

    VpcHandlers(RegionalStore<Ec2Region> store) {
        this.store = store;
    }

    JsonNode describeVpcs(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        List<String> ids = ids(p, "VpcId");
        Predicate<Vpc> filter = ResourceFilter.parse(p, VPC_FILTERS);
        Ec2Region region = Ec2Region.of(store, ctx);
        ObjectNode result = Json.object();
        ArrayNode set = result.putArray("vpcSet");
        synchronized (region) {
            List<Vpc> vpcs = ids.isEmpty() ? new ArrayList<>(region.vpcs.values())
                    : ResourceKind.VPC.resolve(region.vpcs, ids);
            vpcs.stream().filter(filter).forEach(v -> set.add(NetXml.vpc(v)));
        }
        return result;
    }

    JsonNode describeSubnets(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        List<String> ids = ids(p, "SubnetId");
        Predicate<Subnet> filter = ResourceFilter.parse(p, SUBNET_FILTERS);
        Ec2Region region = Ec2Region.of(store, ctx);
        ObjectNode result = Json.object();
        ArrayNode set = result.putArray("subnetSet");
        synchronized (region) {
            List<Subnet> subnets = ids.isEmpty() ? new ArrayList<>(region.subnets.values())
                    : ResourceKind.SUBNET.resolve(region.subnets, ids);
            subnets.stream().filter(filter).forEach(s -> set.add(NetXml.subnet(s)));
        }
        return result;
    }

    /** {@code <name>.N}, deduplicated in request order. */
    static List<String> ids(Params p, String name) {
        return new ArrayList<>(new LinkedHashSet<>(p.strings(name)));
    }
}
