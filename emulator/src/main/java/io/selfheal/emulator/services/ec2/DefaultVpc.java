package io.selfheal.emulator.services.ec2;

import io.selfheal.emulator.core.Ids;
import java.util.List;

/**
 * The default VPC every account has in every region ("Default VPCs" in the VPC User Guide): 172.31.0.0/16, one
 * default /20 subnet per Availability Zone (172.31.0.0/20, 172.31.16.0/20, …), and the VPC's {@code default} security
 * group, which allows inbound traffic from itself and all outbound traffic. Three zones, a to c, are modelled.
 */
final class DefaultVpc {
    static final String CIDR = "172.31.0.0/16";
    static final List<String> ZONES = List.of("a", "b", "c");

    private DefaultVpc() {
    }

    static Vpc create(Ec2Region region, String accountId, String regionName) {
        Vpc vpc = new Vpc(region.ids.hex("vpc", 17), accountId, CIDR, region.ids.hex("vpc-cidr-assoc", 17), region.ids.hex("dopt", 17),
                true);
        region.vpcs.put(vpc.vpcId, vpc);
        for (int z = 0; z < ZONES.size(); z++) {
            Subnet subnet = new Subnet(region.ids.hex("subnet", 17), vpc.vpcId, accountId, regionName,
                    regionName + ZONES.get(z), Cidr.parse("172.31." + z * 16 + ".0/20"), true);
            region.subnets.put(subnet.subnetId, subnet);
        }
        defaultGroup(region, vpc, accountId, regionName);
        return vpc;
    }

    /** Every VPC's {@code default} group: inbound from itself, all outbound ("Default security groups"). */
    static SecurityGroup defaultGroup(Ec2Region region, Vpc vpc, String accountId, String regionName) {
        SecurityGroup group = new SecurityGroup(region.ids.hex("sg", 17), "default", "default VPC security group",
                vpc.vpcId, accountId, regionName);
        group.rules.add(new SecurityGroupRule(region.ids.hex("sgr", 17), group, false, "-1", null, null, null, null, null,
                group.groupId, accountId, null));
        group.rules.add(SecurityGroupRules.allEgress(region.ids, group));
        region.securityGroups.put(group.groupId, group);
        return group;
    }
}
