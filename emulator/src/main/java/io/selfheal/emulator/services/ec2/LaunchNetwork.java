package io.selfheal.emulator.services.ec2;

import io.selfheal.emulator.core.Ids;
import io.selfheal.emulator.service.Params;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An instance's place in the network at launch: its security groups and its primary network interface. */
final class LaunchNetwork {
    private LaunchNetwork() {
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

    static void attachInterface(Ec2Region region, Instance instance, Subnet subnet, List<SecurityGroup> groups,
                                Map<String, String> tags, Instant now) {
        NetworkInterface eni = new NetworkInterface(region.ids.hex("eni", 17), subnet, instance.privateIpAddress,
                instance.privateDnsName, mac(region), region.ids.hex("eni-attach", 17), instance.instanceId, now, groups);
        eni.tags().putAll(tags);
        region.networkInterfaces.put(eni.networkInterfaceId, eni);
        instance.primaryInterface = eni;
    }

    /** A locally administered unicast address, as EC2's {@code 0e:…}/{@code 02:…} addresses are. */
    private static String mac(Ec2Region region) {
        return "0e:" + region.ids.hexBytes("mac", 5);
    }
}
