package io.selfheal.emulator.services.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.Map;

/**
 * CreateVpc, DeleteVpc, CreateSubnet and DeleteSubnet (EC2 API reference; sizes from "VPC CIDR blocks" and "Subnet
 * CIDR blocks", https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html: a block between /16 and /28,
 * a subnet's inside its VPC's and overlapping no other subnet of it). A new VPC comes with its {@code default}
 * security group; a VPC or subnet still holding anything is refused with {@code DependencyViolation}.
 */
final class VpcLifecycleHandlers {
    private static final int LARGEST = 16;
    private static final int SMALLEST = 28;

    private final RegionalStore<Ec2Region> store;

    VpcLifecycleHandlers(RegionalStore<Ec2Region> store) {
        this.store = store;
    }

    JsonNode createVpc(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        Cidr cidr = cidr(p);
        if (cidr.prefix() < LARGEST || cidr.prefix() > SMALLEST) {
            throw AwsException.badRequest("InvalidVpc.Range", "The CIDR '" + cidr + "' is invalid.");
        }
        Map<String, String> tags = Tags.specified(p, "vpc");
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            Ec2Errors.checkDryRun(p);
            Vpc vpc = new Vpc(region.ids.hex("vpc", 17), ctx.accountId(), cidr.toString(),
                    region.ids.hex("vpc-cidr-assoc", 17), region.defaultVpc().dhcpOptionsId, false);
            vpc.tags().putAll(tags);
            region.vpcs.put(vpc.vpcId, vpc);
            DefaultVpc.defaultGroup(region, vpc, ctx.accountId(), ctx.region());
            ObjectNode result = Json.object();
            // AWS answers a new VPC pending; DescribeVpcs shows it available.
            result.set("vpc", NetXml.vpc(vpc).put("state", "pending"));
            return result;
        }
    }

    JsonNode deleteVpc(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        String vpcId = p.required("VpcId");
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            Vpc vpc = ResourceKind.VPC.resolve(region.vpcs, vpcId);
            boolean used = region.subnets.values().stream().anyMatch(s -> s.vpcId.equals(vpcId))
                    || region.securityGroups.values().stream()
                            .anyMatch(g -> g.vpcId.equals(vpcId) && !g.groupName.equals("default"));
            if (used) {
                throw dependencies("vpc", vpcId);
            }
            Ec2Errors.checkDryRun(p);
            region.securityGroups.values().removeIf(g -> g.vpcId.equals(vpcId));
            region.vpcs.remove(vpc.vpcId);
        }
        return Json.object().put("return", true);
    }

    JsonNode createSubnet(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        String vpcId = p.required("VpcId");
        Cidr cidr = cidr(p);
        String zone = p.string("AvailabilityZone", ctx.region() + DefaultVpc.ZONES.get(0));
        if (!DefaultVpc.ZONES.stream().map(z -> ctx.region() + z).toList().contains(zone)) {
            throw Ec2Errors.invalidParameter("Value (" + zone + ") for parameter availabilityZone is invalid. Subnets "
                    + "can currently only be created in the following availability zones: "
                    + String.join(", ", DefaultVpc.ZONES.stream().map(z -> ctx.region() + z).toList()) + ".");
        }
        Map<String, String> tags = Tags.specified(p, "subnet");
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            Vpc vpc = ResourceKind.VPC.resolve(region.vpcs, vpcId);
            if (cidr.prefix() > SMALLEST || !Cidr.parse(vpc.cidrBlock).contains(cidr)) {
                throw AwsException.badRequest("InvalidSubnet.Range", "The CIDR '" + cidr + "' is invalid.");
            }
            if (region.subnets.values().stream().anyMatch(s -> s.vpcId.equals(vpcId) && s.cidr.overlaps(cidr))) {
                throw AwsException.badRequest("InvalidSubnet.Conflict",
                        "The CIDR '" + cidr + "' conflicts with another subnet");
            }
            Ec2Errors.checkDryRun(p);
            Subnet subnet = new Subnet(region.ids.hex("subnet", 17), vpcId, ctx.accountId(), ctx.region(), zone, cidr,
                    false);
            subnet.tags().putAll(tags);
            region.subnets.put(subnet.subnetId, subnet);
            ObjectNode result = Json.object();
            result.set("subnet", NetXml.subnet(subnet));
            return result;
        }
    }

    JsonNode deleteSubnet(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        String subnetId = p.required("SubnetId");
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            Subnet subnet = ResourceKind.SUBNET.resolve(region.subnets, subnetId);
            if (region.networkInterfaces.values().stream().anyMatch(e -> e.subnet == subnet)) {
                throw dependencies("subnet", subnetId);
            }
            Ec2Errors.checkDryRun(p);
            region.subnets.remove(subnetId);
        }
        return Json.object().put("return", true);
    }

    private static Cidr cidr(Params p) {
        String text = p.required("CidrBlock");
        Cidr cidr = Cidr.parse(text);
        if (cidr == null) {
            throw Ec2Errors.invalidParameter("Value (" + text + ") for parameter cidrBlock is invalid. This is not a "
                    + "valid CIDR block.");
        }
        return cidr;
    }

    private static AwsException dependencies(String kind, String id) {
        return AwsException.badRequest("DependencyViolation",
                "The " + kind + " '" + id + "' has dependencies and cannot be deleted.");
    }
}
