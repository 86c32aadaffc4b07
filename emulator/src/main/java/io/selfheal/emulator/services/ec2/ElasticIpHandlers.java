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
 * Elastic IP addresses in a VPC (EC2 API reference: AllocateAddress, DescribeAddresses, AssociateAddress,
 * DisassociateAddress, ReleaseAddress; "Elastic IP addresses" in the EC2 User Guide,
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html). At most
 * {@link #LIMIT} per account and region (AWS's default quota); an address is named by its allocation id, as VPC
 * addresses must be; associating one replaces the interface's auto-assigned address or earlier Elastic IP.
 */
final class ElasticIpHandlers {
    /** "Elastic IP addresses per Region: 5" (the default quota). */
    static final int LIMIT = 5;

    private static final Map<String, Function<ElasticIp, Collection<String>>> FILTERS = Map.of(
            "allocation-id", a -> one(a.allocationId),
            "association-id", a -> one(a.associationId),
            "domain", a -> one("vpc"),
            "instance-id", a -> one(a.instanceId()),
            "network-border-group", a -> one(a.region),
            "network-interface-id", a -> one(a.networkInterface == null ? null
                    : a.networkInterface.networkInterfaceId),
            "network-interface-owner-id", a -> one(a.networkInterface == null ? null : a.ownerId),
            "private-ip-address", a -> one(a.networkInterface == null ? null : a.networkInterface.privateIpAddress),
            "public-ip", a -> one(a.publicIp));

    private final RegionalStore<Ec2Region> store;

    ElasticIpHandlers(RegionalStore<Ec2Region> store) {
        this.store = store;
    }

    JsonNode allocateAddress(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        String domain = p.string("Domain", "vpc");
        if (!domain.equals("vpc")) {
            throw Ec2Errors.invalidParameter("Value (" + domain + ") for parameter domain is invalid. "
                    + "Only 'vpc' is supported.");
        }
        if (p.has("Address") || p.has("PublicIpv4Pool") || p.has("CustomerOwnedIpv4Pool") || p.has("IpamPoolId")) {
            throw AwsException.badRequest("UnsupportedOperation", "Allocating a chosen address or from an address "
                    + "pool other than Amazon's is not supported by this emulator.");
        }
        Map<String, String> tags = Tags.specified(p, "elastic-ip");
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            if (region.addresses.size() >= LIMIT) {
                throw AwsException.badRequest("AddressLimitExceeded", "The maximum number of addresses has been "
                        + "reached.");
            }
            Ec2Errors.checkDryRun(p);
            ElasticIp eip = new ElasticIp(region.ids.hex("eipalloc", 17), region.publicAddresses.take(),
                    ctx.accountId(), ctx.region());
            eip.tags().putAll(tags);
            region.addresses.put(eip.allocationId, eip);
            return Json.object().put("publicIp", eip.publicIp).put("domain", "vpc")
                    .put("allocationId", eip.allocationId).put("publicIpv4Pool", "amazon")
                    .put("networkBorderGroup", eip.region);
        }
    }

    JsonNode describeAddresses(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        List<String> allocationIds = VpcHandlers.ids(p, "AllocationId");
        List<String> publicIps = VpcHandlers.ids(p, "PublicIp");
        Predicate<ElasticIp> filter = ResourceFilter.parse(p, FILTERS);
        Ec2Region region = Ec2Region.of(store, ctx);
        ObjectNode result = Json.object();
        ArrayNode set = result.putArray("addressesSet");
        synchronized (region) {
            List<ElasticIp> found = new ArrayList<>(allocationIds.isEmpty() && publicIps.isEmpty()
                    ? region.addresses.values() : ResourceKind.ELASTIC_IP.resolve(region.addresses, allocationIds));
            for (String ip : publicIps) {
                found.add(byPublicIp(region, ip));
            }
            found.stream().distinct().filter(filter).forEach(a -> set.add(address(a)));
        }
        return result;
    }

    /**
     * AssociateAddress with an instance (its only interface: an instance with several must be named by interface) or
     * an interface. An address already associated moves only with {@code AllowReassociation}.
     */
    JsonNode associateAddress(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        String allocationId = allocationId(p, "mapping address to a VPC instance");
        String instanceId = p.string("InstanceId");
        String eniId = p.string("NetworkInterfaceId");
        if (instanceId == null && eniId == null) {
            throw AwsException.badRequest("MissingParameter",
                    "Either instance ID or network interface id must be specified");
        }
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            ElasticIp eip = ResourceKind.ELASTIC_IP.resolve(region.addresses, allocationId);
            NetworkInterface eni = eniId != null ? ResourceKind.NETWORK_INTERFACE.resolve(region.networkInterfaces,
                    eniId) : onlyInterface(InstanceIds.resolve(region, List.of(instanceId)).get(0));
            if (instanceId != null && !instanceId.equals(eni.instanceId())) {
                throw Ec2Errors.invalidCombination("Network interface '" + eni.networkInterfaceId
                        + "' is not attached to instance '" + instanceId + "'.");
            }
            String privateIp = p.string("PrivateIpAddress");
            if (privateIp != null && !privateIp.equals(eni.privateIpAddress)) {
                throw Ec2Errors.invalidParameter("The private IP address " + privateIp
                        + " is not associated with network interface '" + eni.networkInterfaceId + "'.");
            }
            if (eip.networkInterface != null && eip.networkInterface != eni
                    && !p.bool("AllowReassociation", false)) {
                throw AwsException.badRequest("Resource.AlreadyAssociated", "resource " + eip.allocationId
                        + " is already associated with associate-id " + eip.associationId);
            }
            Ec2Errors.checkDryRun(p);
            if (eip.networkInterface != eni) {
                PublicAddresses.associate(region, eip, eni);
            }
            return Json.object().put("associationId", eip.associationId);
        }
    }

    JsonNode disassociateAddress(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        String associationId = p.string("AssociationId");
        if (associationId == null) {
            if (p.has("PublicIp")) {
                throw Ec2Errors.invalidParameter("You must specify an association id when unmapping an address "
                        + "from a VPC instance");
            }
            throw p.errors().missing("AssociationId");
        }
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            ElasticIp eip = region.addresses.values().stream().filter(a -> associationId.equals(a.associationId))
                    .findFirst().orElseThrow(() -> AwsException.badRequest("InvalidAssociationID.NotFound",
                            "The association ID '" + associationId + "' does not exist"));
            Ec2Errors.checkDryRun(p);
            PublicAddresses.disassociate(region, eip);
        }
        return Json.object().put("return", true);
    }

    /**
     * ReleaseAddress: "[Default VPC] Releasing an Elastic IP address automatically disassociates it from any instance
     * that it's associated with. [Nondefault VPC] You must disassociate the Elastic IP address before you can release
     * it. Otherwise, Amazon EC2 returns an error (InvalidIPAddress.InUse)."
     * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ReleaseAddress.html)
     */
    JsonNode releaseAddress(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        if (p.has("AllocationId") && p.has("PublicIp")) {
            throw Ec2Errors.invalidCombination("You may specify public IP or allocation id, but not both in the "
                    + "same call");
        }
        String allocationId = allocationId(p, "releasing a VPC elastic IP address");
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            ElasticIp eip = ResourceKind.ELASTIC_IP.resolve(region.addresses, allocationId);
            boolean inDefaultVpc = eip.networkInterface != null
                    && region.vpcs.get(eip.networkInterface.subnet.vpcId).isDefault;
            if (eip.networkInterface != null && !inDefaultVpc) {
                throw AwsException.badRequest("InvalidIPAddress.InUse", "Address '" + eip.publicIp + "' is in use.");
            }
            Ec2Errors.checkDryRun(p);
            if (eip.networkInterface != null) {
                PublicAddresses.disassociate(region, eip);
            }
            region.addresses.remove(eip.allocationId);
            region.publicAddresses.release(eip.publicIp);
        }
        return Json.object().put("return", true);
    }

    /** {@code AllocationId}; a VPC address named only by {@code PublicIp} is refused as EC2 refuses it. */
    private static String allocationId(Params p, String doing) {
        String allocationId = p.string("AllocationId");
        if (allocationId == null) {
            if (p.has("PublicIp")) {
                throw Ec2Errors.invalidParameter("You must specify an allocation id when " + doing);
            }
            throw p.errors().missing("AllocationId");
        }
        return allocationId;
    }

    private static NetworkInterface onlyInterface(Instance instance) {
        if (instance.interfaces.isEmpty()) {
            throw Ec2Errors.incorrectState("The instance '" + instance.instanceId + "' is not in a valid state for "
                    + "this operation.");
        }
        if (instance.interfaces.size() > 1) {
            throw AwsException.badRequest("InvalidInstanceID", "There are multiple interfaces attached to instance '"
                    + instance.instanceId + "'. Please specify an interface ID for the operation instead.");
        }
        return instance.interfaces.get(0);
    }

    private static ElasticIp byPublicIp(Ec2Region region, String ip) {
        return region.addresses.values().stream().filter(a -> a.publicIp.equals(ip)).findFirst()
                .orElseThrow(() -> AwsException.badRequest("InvalidAddress.NotFound",
                        "Address '" + ip + "' not found."));
    }

    /** DescribeAddresses' item. */
    private static ObjectNode address(ElasticIp a) {
        ObjectNode n = Json.object().put("publicIp", a.publicIp).put("allocationId", a.allocationId)
                .put("domain", "vpc");
        if (a.networkInterface != null) {
            if (a.instanceId() != null) {
                n.put("instanceId", a.instanceId());
            }
            n.put("associationId", a.associationId)
                    .put("networkInterfaceId", a.networkInterface.networkInterfaceId)
                    .put("networkInterfaceOwnerId", a.ownerId)
                    .put("privateIpAddress", a.networkInterface.privateIpAddress);
        }
        n.set("tagSet", InstanceXml.tagSet(a.tags()));
        n.put("publicIpv4Pool", "amazon").put("networkBorderGroup", a.region);
        return n;
    }
}
