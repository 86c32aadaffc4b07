package io.selfheal.emulator.services.ec2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Ids;
import io.selfheal.emulator.service.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the rules of an Authorize/Revoke call, as AuthorizeSecurityGroupIngress's reference describes them: either
 * {@code IpPermissions.N} (protocol, ports, and any number of IpRanges, Ipv6Ranges, PrefixListIds and Groups, each
 * one rule) or the legacy top-level {@code IpProtocol/FromPort/ToPort/CidrIp} (or {@code SourceSecurityGroupName}),
 * never both. Protocols are normalized as EC2 stores them: {@code tcp}, {@code udp}, {@code icmp}, {@code icmpv6} (also
 * given as 6, 17, 1, 58), {@code -1} for all (also {@code all}), other protocol numbers as numbers. Ports apply to
 * tcp/udp (0–65535, both required) and icmp/icmpv6 (type and code, -1 for any); other protocols have none.
 */
final class SecurityGroupRules {
    private static final Pattern IPV4_CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
    private static final Pattern IPV6_CIDR = Pattern.compile("[0-9a-fA-F:.]+/(\\d{1,3})");
    private static final Pattern PREFIX_LIST = Pattern.compile("pl-[0-9a-f]{8,17}");
    /** The characters a rule or group description may hold (CreateSecurityGroup's GroupDescription constraints). */
    static final Pattern DESCRIPTION = Pattern.compile("[a-zA-Z0-9 ._\\-:/()#,@\\[\\]+=&;{}!$*]{0,255}");
    private static final Map<String, String> NUMBERED = Map.of("6", "tcp", "17", "udp", "1", "icmp", "58", "icmpv6",
            "all", "-1");

    private SecurityGroupRules() {
    }

    /** The all-traffic-out rule every new VPC security group starts with. */
    static SecurityGroupRule allEgress(Ids ids, SecurityGroup group) {
        return new SecurityGroupRule(ids.hex("sgr", 17), group, true, "-1", null, null, "0.0.0.0/0", null, null,
                null, null, null);
    }

    /** The call's rules for {@code group}, with fresh ids (which revoking ignores). */
    static List<SecurityGroupRule> parse(Params p, SecurityGroup group, boolean egress, Ec2Region region) {
        List<ObjectNode> permissions = p.objects("IpPermissions");
        boolean legacy = p.has("IpProtocol") || p.has("CidrIp") || p.has("FromPort") || p.has("ToPort")
                || p.has("SourceSecurityGroupName");
        if (legacy && !permissions.isEmpty()) {
            throw Ec2Errors.invalidCombination(
                    "The parameter 'ipPermissions' may not be used in combination with 'cidrIp', 'ipProtocol', "
                            + "'fromPort', 'toPort' or 'sourceSecurityGroupName'");
        }
        List<SecurityGroupRule> rules = new ArrayList<>();
        if (legacy) {
            rules.addAll(legacy(p, group, egress, region));
        }
        for (ObjectNode permission : permissions) {
            rules.addAll(permission(new Params(permission, p.errors()), group, egress, region));
        }
        return rules;
    }

    private static List<SecurityGroupRule> legacy(Params p, SecurityGroup group, boolean egress, Ec2Region region) {
        String source = p.string("SourceSecurityGroupName");
        String protocol = source != null && !p.has("IpProtocol") ? "-1" : protocol(p.string("IpProtocol"));
        Integer[] ports = ports(protocol, p.integer("FromPort"), p.integer("ToPort"));
        if (source != null) {
            SecurityGroup peer = groupByName(region, group.vpcId, source);
            return List.of(rule(region.ids, group, egress, protocol, ports, null, null, null, peer, null));
        }
        String cidr = p.string("CidrIp");
        if (cidr == null) {
            throw p.errors().missing("CidrIp");
        }
        return List.of(rule(region.ids, group, egress, protocol, ports, ipv4(cidr), null, null, null, null));
    }

    private static List<SecurityGroupRule> permission(Params p, SecurityGroup group, boolean egress, Ec2Region region) {
        String protocol = protocol(p.string("IpProtocol"));
        Integer[] ports = ports(protocol, p.integer("FromPort"), p.integer("ToPort"));
        List<SecurityGroupRule> rules = new ArrayList<>();
        for (ObjectNode n : p.objects("IpRanges")) {
            Params range = new Params(n, p.errors());
            rules.add(rule(region.ids, group, egress, protocol, ports, ipv4(required(range, "CidrIp")), null, null, null,
                    description(range)));
        }
        for (ObjectNode n : p.objects("Ipv6Ranges")) {
            Params range = new Params(n, p.errors());
            rules.add(rule(region.ids, group, egress, protocol, ports, null, ipv6(required(range, "CidrIpv6")), null, null,
                    description(range)));
        }
        for (ObjectNode n : p.objects("PrefixListIds")) {
            Params list = new Params(n, p.errors());
            String id = required(list, "PrefixListId");
            if (!PREFIX_LIST.matcher(id).matches()) {
                throw AwsException.badRequest("InvalidPrefixListId.Malformed",
                        "Invalid id: \"" + id + "\" (expecting \"pl-...\")");
            }
            rules.add(rule(region.ids, group, egress, protocol, ports, null, null, id, null, description(list)));
        }
        for (ObjectNode n : p.objects("Groups")) {
            Params pair = new Params(n, p.errors());
            SecurityGroup peer = peer(pair, group, region);
            rules.add(rule(region.ids, group, egress, protocol, ports, null, null, null, peer, description(pair)));
        }
        if (rules.isEmpty()) {
            // A permission without a peer names no rule at all.
            throw Ec2Errors.invalidParameter("The request must contain a source or destination for the rule: "
                    + "IpRanges, Ipv6Ranges, PrefixListIds or Groups.");
        }
        return rules;
    }

    private static SecurityGroupRule rule(Ids ids, SecurityGroup group, boolean egress, String protocol,
                                          Integer[] ports, String cidrIpv4, String cidrIpv6, String prefixListId,
                                          SecurityGroup peer, String description) {
        return new SecurityGroupRule(ids.hex("sgr", 17), group, egress, protocol, ports[0], ports[1], cidrIpv4,
                cidrIpv6, prefixListId, peer == null ? null : peer.groupId, peer == null ? null : peer.ownerId,
                description);
    }

    private static SecurityGroup peer(Params pair, SecurityGroup group, Ec2Region region) {
        String id = pair.string("GroupId");
        if (id != null) {
            return ResourceKind.SECURITY_GROUP.resolve(region.securityGroups, id);
        }
        String name = pair.string("GroupName");
        if (name == null) {
            throw pair.errors().missing("Groups.GroupId");
        }
        return groupByName(region, group.vpcId, name);
    }

    static SecurityGroup groupByName(Ec2Region region, String vpcId, String name) {
        SecurityGroup g = region.groupByName(vpcId, name);
        if (g == null) {
            throw AwsException.badRequest("InvalidGroup.NotFound",
                    "The security group '" + name + "' does not exist in default VPC '" + vpcId + "'");
        }
        return g;
    }

    static String protocol(String given) {
        if (given == null || given.isEmpty()) {
            throw Ec2Errors.invalidParameter("Invalid value 'null' for protocol. Unknown protocol.");
        }
        String p = given.toLowerCase(Locale.ROOT);
        p = NUMBERED.getOrDefault(p, p);
        switch (p) {
            case "tcp", "udp", "icmp", "icmpv6", "-1" -> {
                return p;
            }
            default -> {
                try {
                    int number = Integer.parseInt(p);
                    if (number >= 0 && number <= 255) {
                        return Integer.toString(number);
                    }
                } catch (NumberFormatException ignored) {
                    // falls through to the refusal
                }
                throw Ec2Errors.invalidParameter("Invalid value '" + given + "' for IP protocol. Unknown protocol.");
            }
        }
    }

    /** {from, to} as stored: null for protocols without ports. */
    static Integer[] ports(String protocol, Integer from, Integer to) {
        switch (protocol) {
            case "tcp", "udp" -> {
                if (from == null || to == null) {
                    throw Ec2Errors.invalidParameter(
                            "Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange.");
                }
                if (from < 0 || from > 65535 || to < 0 || to > 65535 || from > to) {
                    throw Ec2Errors.invalidParameter("Invalid " + protocol.toUpperCase(Locale.ROOT)
                            + " port range: from port " + from + " to port " + to + ".");
                }
                return new Integer[] {from, to};
            }
            case "icmp", "icmpv6" -> {
                int type = from == null ? -1 : from;
                int code = to == null ? -1 : to;
                if (type < -1 || type > 255 || code < -1 || code > 255) {
                    throw Ec2Errors.invalidParameter("Invalid value '" + type + "," + code
                            + "' for ICMP type and code.");
                }
                return new Integer[] {type, code};
            }
            default -> {
                return new Integer[] {null, null};
            }
        }
    }

    static String ipv4(String cidr) {
        var m = IPV4_CIDR.matcher(cidr);
        boolean ok = m.matches();
        for (int i = 1; ok && i <= 4; i++) {
            ok = Integer.parseInt(m.group(i)) <= 255;
        }
        if (!ok || Integer.parseInt(m.group(5)) > 32) {
            throw Ec2Errors.invalidParameter("CIDR block " + cidr + " is malformed");
        }
        return cidr;
    }

    static String ipv6(String cidr) {
        var m = IPV6_CIDR.matcher(cidr);
        boolean ok = m.matches() && cidr.contains(":") && Integer.parseInt(m.group(1)) <= 128;
        if (ok) {
            try {
                // A literal with ':' is parsed, never looked up.
                java.net.InetAddress.getByName(cidr.substring(0, cidr.indexOf('/')));
            } catch (java.net.UnknownHostException e) {
                ok = false;
            }
        }
        if (!ok) {
            throw Ec2Errors.invalidParameter("CIDR block " + cidr + " is malformed");
        }
        return cidr;
    }

    private static String required(Params p, String name) {
        String s = p.string(name);
        if (s == null || s.isEmpty()) {
            throw p.errors().missing(name);
        }
        return s;
    }

    private static String description(Params p) {
        String d = p.string("Description");
        if (d != null && !DESCRIPTION.matcher(d).matches()) {
            throw Ec2Errors.invalidParameter("Invalid rule description. Valid descriptions are strings less than 256 "
                    + "characters from the following set:  a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*");
        }
        return d;
    }

    /** EC2's wording of a rule in InvalidPermission.Duplicate. */
    static String describe(SecurityGroupRule r) {
        String ports = r.fromPort == null ? "ALL" : "from port: " + r.fromPort + ", to port: " + r.toPort;
        String protocol = r.protocol.equals("-1") ? "ALL" : r.protocol.toUpperCase(Locale.ROOT);
        return "peer: " + r.peer() + ", " + protocol + ", " + ports + ", ALLOW";
    }
}
