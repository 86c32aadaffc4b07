package io.selfheal.emulator.services.ec2;

import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.service.Params;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An instance's place in the network at launch: its interfaces, each in a subnet with its security groups. Either the
 * instance-level {@code SubnetId} and groups (one primary interface) or {@code NetworkInterface.N} (RunInstances API
 * reference, "InstanceNetworkInterfaceSpecification"): one per device index, index 0 required, each a new interface
 * in a subnet of the same Availability Zone or an existing available interface.
 */
final class LaunchNetwork {
    /** One interface to attach at launch: a new one in {@code subnet}, or {@code existing}. */
    record Spec(int deviceIndex, Subnet subnet, List<SecurityGroup> groups, NetworkInterface existing,
                boolean deleteOnTermination, String description) {
    }

    private LaunchNetwork() {
    }

    /** The instance-level form: the primary interface in {@code subnet} with the request's groups. */
    static List<Spec> single(Params p, Ec2Region region, Subnet subnet) {
        return List.of(new Spec(0, subnet, groups(p, region, subnet), null, true, ""));
    }

    /** {@code NetworkInterface.N}; a subnet left out is {@code zoneDefault}. */
    static List<Spec> specs(Params p, Ec2Region region, Subnet zoneDefault, int count) {
        if (p.string("SubnetId") != null) {
            throw Ec2Errors.invalidCombination(
                    "Network interfaces and an instance-level subnet ID may not be specified on the same request");
        }
        if (!p.strings("SecurityGroupId").isEmpty() || !p.strings("SecurityGroup").isEmpty()) {
            throw Ec2Errors.invalidCombination(
                    "Network interfaces and an instance-level security groups may not be specified on the same request");
        }
        List<Spec> specs = new ArrayList<>();
        Set<Integer> indexes = new HashSet<>();
        for (var n : p.objects("NetworkInterface")) {
            Params e = new Params(n, p.errors());
            Integer index = e.integer("DeviceIndex");
            if (index == null) {
                throw p.errors().missing("NetworkInterface.DeviceIndex");
            }
            if (!indexes.add(index)) {
                throw Ec2Errors.invalidParameter("Each network interface requires a unique device index.");
            }
            String eniId = e.string("NetworkInterfaceId");
            if (eniId != null) {
                NetworkInterface existing = ResourceKind.NETWORK_INTERFACE.resolve(region.networkInterfaces, eniId);
                if (existing.attachment != null) {
                    throw inUse(existing);
                }
                if (count > 1) {
                    throw Ec2Errors.invalidCombination("Network interfaces may only be specified by id when launching "
                            + "a single instance");
                }
                specs.add(new Spec(index, existing.subnet, existing.groups, existing,
                        e.bool("DeleteOnTermination", false), existing.description));
                continue;
            }
            String subnetId = e.string("SubnetId");
            Subnet subnet = subnetId == null ? zoneDefault : ResourceKind.SUBNET.resolve(region.subnets, subnetId);
            specs.add(new Spec(index, subnet, groups(e, region, subnet), null, e.bool("DeleteOnTermination", true),
                    e.string("Description", "")));
        }
        if (!indexes.contains(0)) {
            throw Ec2Errors.invalidParameter("When specifying network interfaces, you must include a device at index 0.");
        }
        specs.sort(Comparator.comparingInt(Spec::deviceIndex));
        String zone = specs.get(0).subnet.availabilityZone;
        for (Spec s : specs) {
            if (!s.subnet.availabilityZone.equals(zone)) {
                throw Ec2Errors.invalidParameter("Network interfaces must all be in the same availability zone: "
                        + s.subnet.subnetId + " is in " + s.subnet.availabilityZone + ", not " + zone + ".");
            }
        }
        return specs;
    }

    /**
     * {@code SecurityGroupId.N} and {@code SecurityGroup.N} (names), which must all be groups of the subnet's VPC;
     * the VPC's {@code default} group when neither is given.
     */
    static List<SecurityGroup> groups(Params p, Ec2Region region, Subnet subnet) {
        Set<SecurityGroup> groups = new LinkedHashSet<>(
                ResourceKind.SECURITY_GROUP.resolve(region.securityGroups, VpcHandlers.ids(p, "SecurityGroupId")));
        for (String name : VpcHandlers.ids(p, "SecurityGroup")) {
            groups.add(SecurityGroupRules.groupByName(region, subnet.vpcId, name));
        }
        if (groups.isEmpty()) {
            groups.add(region.groupByName(subnet.vpcId, "default"));
        }
        checkSameVpc(groups, subnet.vpcId);
        return new ArrayList<>(groups);
    }

    static void checkSameVpc(Iterable<SecurityGroup> groups, String vpcId) {
        for (SecurityGroup g : groups) {
            if (!g.vpcId.equals(vpcId)) {
                throw Ec2Errors.invalidParameter("Security group " + g.groupId + " and subnet belong to different "
                        + "networks.");
            }
        }
    }

    /** A new interface with the next free address of {@code subnet} (or {@code ip}), not attached yet. */
    static NetworkInterface create(Ec2Region region, Subnet subnet, String ip, String description,
                                   List<SecurityGroup> groups, Map<String, String> tags) {
        String address = ip == null ? subnet.nextPrivateIp() : subnet.claim(ip);
        NetworkInterface eni = new NetworkInterface(region.ids.hex("eni", 17), subnet, address,
                RunInstancesHandler.privateDnsName(address, subnet.region), mac(region), description, groups);
        eni.tags().putAll(tags);
        region.networkInterfaces.put(eni.networkInterfaceId, eni);
        return eni;
    }

    /** Makes (or takes) the interfaces of {@code specs} for one instance, the primary first. */
    static List<NetworkInterface> interfaces(Ec2Region region, List<Spec> specs, Map<String, String> tags) {
        List<NetworkInterface> made = new ArrayList<>();
        for (Spec s : specs) {
            made.add(s.existing != null ? s.existing : create(region, s.subnet, null, s.description, s.groups, tags));
        }
        return made;
    }

    /** Attaches {@code eni} to {@code instance} at {@code deviceIndex}. */
    static void attach(Ec2Region region, Instance instance, NetworkInterface eni, int deviceIndex,
                       boolean deleteOnTermination, Instant now) {
        eni.attachment = new NetworkInterface.Attachment(region.ids.hex("eni-attach", 17), instance.instanceId,
                deviceIndex, now, deleteOnTermination);
        instance.attach(eni);
    }

    /** AttachNetworkInterface's and RunInstances' refusal of an interface attached elsewhere. */
    static AwsException inUse(NetworkInterface eni) {
        return AwsException.badRequest("InvalidNetworkInterface.InUse",
                "Interface: [" + eni.networkInterfaceId + "] in use.");
    }

    /** A locally administered unicast address, as EC2's {@code 0e:…}/{@code 02:…} addresses are. */
    private static String mac(Ec2Region region) {
        return "0e:" + region.ids.hexBytes("mac", 5);
    }
}
