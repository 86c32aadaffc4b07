package io.selfheal.emulator.services.ec2;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One security group rule ({@code sgr-…}): a protocol, a port range and exactly one peer (IPv4 CIDR, IPv6 CIDR,
 * prefix list or security group), as DescribeSecurityGroupRules shows it. An IpPermission with several ranges is
 * several rules. Ports are null where the protocol has none ({@code -1} and protocols other than tcp/udp/icmp).
 */
final class SecurityGroupRule implements Tagged {
    final String ruleId;
    final SecurityGroup group;
    final boolean egress;
    final String protocol;
    final Integer fromPort;
    final Integer toPort;
    final String cidrIpv4;
    final String cidrIpv6;
    final String prefixListId;
    /** The peer security group, or null. */
    final String referencedGroupId;
    final String referencedUserId;
    final String description;
    private final Map<String, String> tags = new LinkedHashMap<>();

    SecurityGroupRule(String ruleId, SecurityGroup group, boolean egress, String protocol, Integer fromPort,
                      Integer toPort, String cidrIpv4, String cidrIpv6, String prefixListId, String referencedGroupId,
                      String referencedUserId, String description) {
        this.ruleId = ruleId;
        this.group = group;
        this.egress = egress;
        this.protocol = protocol;
        this.fromPort = fromPort;
        this.toPort = toPort;
        this.cidrIpv4 = cidrIpv4;
        this.cidrIpv6 = cidrIpv6;
        this.prefixListId = prefixListId;
        this.referencedGroupId = referencedGroupId;
        this.referencedUserId = referencedUserId;
        this.description = description;
    }

    /** The same rule whatever its id and description: what InvalidPermission.Duplicate and revoking compare. */
    boolean sameAs(SecurityGroupRule o) {
        return egress == o.egress && protocol.equals(o.protocol) && Objects.equals(fromPort, o.fromPort)
                && Objects.equals(toPort, o.toPort) && Objects.equals(cidrIpv4, o.cidrIpv4)
                && Objects.equals(cidrIpv6, o.cidrIpv6) && Objects.equals(prefixListId, o.prefixListId)
                && Objects.equals(referencedGroupId, o.referencedGroupId);
    }

    /** The peer as EC2 words it in InvalidPermission.Duplicate. */
    String peer() {
        if (cidrIpv4 != null) {
            return cidrIpv4;
        }
        if (cidrIpv6 != null) {
            return cidrIpv6;
        }
        return prefixListId != null ? prefixListId : referencedGroupId;
    }

    @Override
    public String resourceId() {
        return ruleId;
    }

    @Override
    public String resourceType() {
        return "security-group-rule";
    }

    @Override
    public Map<String, String> tags() {
        return tags;
    }
}
