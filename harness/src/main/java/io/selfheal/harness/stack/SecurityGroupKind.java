package io.selfheal.harness.stack;

import io.selfheal.harness.yaml.ProblemAt;
import io.selfheal.harness.yaml.Suggestions;
import io.selfheal.harness.yaml.YMap;
import io.selfheal.harness.yaml.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * {@code stack.securityGroups}: EC2 security groups and the rule lists under them,
 * {@code ingress: [{protocol: tcp, port: 443, cidr: 0.0.0.0/0}, {ports: 8000-8100, group: lb}]}. The groups are
 * created first, then their rules (so rules may name groups in any order). A group given {@code egress} loses EC2's
 * default allow-all egress rule first, as CloudFormation does. A stack rule with {@code count: n} and a {@code cidr}
 * stands for n rules, the given block and the n-1 blocks of its size after it ({@code cidr: 10.0.0.0/32, count: 900}:
 * 10.0.0.0/32 … 10.0.3.131/32), for groups with many rules (AWS allows up to 1,000 inbound rules on a group).
 */
public final class SecurityGroupKind extends AbstractStackKind<SecurityGroupKind.SecurityGroup> {
    public static final String KEY = "securityGroups";

    /**
     * An EC2 security group made with CreateSecurityGroup in the default VPC (or {@code vpc}), its rules added with
     * AuthorizeSecurityGroupIngress/Egress. A new group's default allow-all egress rule is kept unless egress is given.
     */
    public record SecurityGroup(String key, String name, String description, String vpc, List<Permission> ingress,
                                List<Permission> egress) {
    }

    /**
     * One rule: protocol ({@code tcp}, {@code udp}, {@code icmp} or {@code -1} for all), a port range, and exactly one
     * source: an IPv4 CIDR, an IPv6 CIDR or another stack group (by key).
     */
    public record Permission(String protocol, Integer fromPort, Integer toPort, String cidr, String ipv6,
                             String group, String description) {
    }

    public SecurityGroupKind() {
        super(KEY, SecurityGroup.class, List.of("id", "name", "arn"), Set.of());
    }

    @Override
    public SecurityGroup read(String key, YMap m, StackReading reading) {
        m.allow("name", "description", "vpc", "ingress", "egress");
        String name = m.string("name");
        Set<String> groups = reading.declared(KEY);
        return new SecurityGroup(key, name == null ? key : name,
                m.has("description") ? m.string("description") : defaultDescription(key), m.string("vpc"),
                permissions(m.get("ingress"), groups), m.has("egress") ? permissions(m.get("egress"), groups) : null);
    }

    /** A group's description unless one is given. */
    public static String defaultDescription(String key) {
        return "selfheal scenario group " + key;
    }

    /** At most this many rules from one {@code count}: the most inbound rules AWS lets a group have. */
    static final int MAX_COUNT = 1000;

    private static List<Permission> permissions(YNode node, Set<String> groupKeys) {
        List<Permission> out = new ArrayList<>();
        if (node != null) {
            for (YNode item : node.list()) {
                YMap m = item.map();
                Permission p = permission(m, groupKeys, true);
                if (p != null) {
                    out.addAll(m.has("count") ? repeated(p, m) : List.of(p));
                }
            }
        }
        return out;
    }

    /** {@code count} rules: the rule's IPv4 block and the blocks of its size that follow it. */
    private static List<Permission> repeated(Permission p, YMap m) {
        Integer count = m.integer("count");
        if (count == null || p.cidr() == null || count < 1 || count > MAX_COUNT) {
            m.get("count").problem("count takes a cidr rule and 1 to " + MAX_COUNT + " blocks");
            return List.of(p);
        }
        String[] parts = p.cidr().split("/");
        int bits = Integer.parseInt(parts[1]);
        long size = 1L << (32 - Math.min(bits, 32));
        long first = 0;
        for (String octet : parts[0].split("\\.")) {
            first = first * 256 + Integer.parseInt(octet);
        }
        if (bits > 32 || first + size * count > 1L << 32) {
            m.get("count").problem(count + " blocks of /" + bits + " from " + parts[0] + " go past 255.255.255.255");
            return List.of(p);
        }
        List<Permission> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long a = first + size * i;
            String cidr = (a >> 24) + "." + (a >> 16 & 255) + "." + (a >> 8 & 255) + "." + (a & 255) + "/" + bits;
            out.add(new Permission(p.protocol(), p.fromPort(), p.toPort(), cidr, null, null, p.description()));
        }
        return out;
    }

    /** Reads one rule; also used by probes and faults that name a rule the same way. */
    static Permission permission(YMap m, Set<String> groupKeys) {
        return permission(m, groupKeys, false);
    }

    private static Permission permission(YMap m, Set<String> groupKeys, boolean countAllowed) {
        if (countAllowed) {
            m.allow("protocol", "port", "ports", "cidr", "ipv6", "group", "description", "count");
        } else {
            m.allow("protocol", "port", "ports", "cidr", "ipv6", "group", "description");
        }
        String protocol = m.choice("protocol", "tcp", "udp", "icmp", "-1", "all");
        protocol = protocol == null ? "tcp" : protocol.equals("all") ? "-1" : protocol;
        int[] range = ports(m, protocol);
        int sources = (m.has("cidr") ? 1 : 0) + (m.has("ipv6") ? 1 : 0) + (m.has("group") ? 1 : 0);
        String cidr = m.string("cidr");
        String ipv6 = m.string("ipv6");
        checkSources(sources, cidr, ipv6, m.problems());
        String group = m.string("group");
        if (group != null && !groupKeys.contains(group)) {
            String suggestion = Suggestions.closest(group, groupKeys);
            m.get("group").problem("no securityGroups entry '" + group + "' in stack"
                    + (suggestion != null ? " (did you mean '" + suggestion + "'?)" : ""));
            group = null;
        }
        return new Permission(protocol, range == null ? null : range[0], range == null ? null : range[1],
                cidr, ipv6, group, m.string("description"));
    }

    /** {@code port: 22} or {@code ports: 8000-8100}; none for all traffic; icmp takes type-code as the range. */
    private static int[] ports(YMap m, String protocol) {
        if (m.has("port") && m.has("ports")) {
            m.node().problem("port and ports are mutually exclusive");
            return null;
        }
        if (m.has("port")) {
            Integer port = m.integer("port");
            return port == null ? null : checked(m.get("port"), port, port);
        }
        if (m.has("ports")) {
            String text = m.string("ports");
            String[] parts = text == null ? new String[0] : text.split("-", 2);
            try {
                return checked(m.get("ports"), Integer.parseInt(parts[0].trim()),
                        Integer.parseInt(parts[parts.length - 1].trim()));
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                m.get("ports").problem("ports must be a range like 8000-8100");
                return null;
            }
        }
        if (!protocol.equals("-1") && !protocol.equals("icmp")) {
            m.node().problem("a " + protocol + " rule needs port or ports");
        }
        return null;
    }

    private static int[] checked(YNode node, int from, int to) {
        if (!checkPorts(from, to, (key, message) -> node.problem(message), "")) {
            return null;
        }
        return new int[] {from, to};
    }

    /**
     * A rule's sources, for the YAML reader and the Java DSL alike: exactly one of cidr, ipv6 or group, and CIDR
     * blocks as EC2 writes them.
     */
    public static void checkSources(int sources, String cidr, String ipv6, ProblemAt problems) {
        if (sources != 1) {
            problems.problem("", "a rule needs exactly one of cidr, ipv6 or group");
        }
        if (cidr != null && !cidr.matches("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}")) {
            problems.problem("cidr", "'" + cidr + "' is not an IPv4 CIDR block (like 0.0.0.0/0)");
        }
        if (ipv6 != null && !ipv6.matches("[0-9a-fA-F:]+/\\d{1,3}")) {
            problems.problem("ipv6", "'" + ipv6 + "' is not an IPv6 CIDR block (like ::/0)");
        }
    }

    /** A port range within 0-65535, the first not above the last; else a problem at {@code key}. */
    public static boolean checkPorts(int from, int to, ProblemAt problems, String key) {
        if (from < 0 || to > 65535 || from > to) {
            problems.problem(key, "ports must be within 0-65535, the first not above the last");
            return false;
        }
        return true;
    }

    @Override
    public void provision(Map<String, SecurityGroup> groups, Provisioning p) {
        Ec2Client ec2 = p.clients().ec2();
        StackState state = p.state();
        for (SecurityGroup g : groups.values()) {
            String name = p.name(state.resolve(g.name()), io.selfheal.harness.runid.NameLimits.SECURITY_GROUP);
            String id = ec2.createSecurityGroup(r -> r.groupName(name)
                    .description(state.resolve(g.description())).vpcId(state.resolve(g.vpc()))).groupId();
            p.put(this, g.key(), "id", id);
            p.put(this, g.key(), "name", name);
            p.put(this, g.key(), "arn", p.arn("ec2", "security-group/" + id));
        }
        for (SecurityGroup g : groups.values()) {
            String id = state.get(KEY, g.key(), "id");
            if (!g.ingress().isEmpty()) {
                ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(permissions(g.ingress(), state)));
            }
            if (g.egress() != null) {
                ec2.revokeSecurityGroupEgress(r -> r.groupId(id).ipPermissions(IpPermission.builder()
                        .ipProtocol("-1").ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()));
                if (!g.egress().isEmpty()) {
                    ec2.authorizeSecurityGroupEgress(r -> r.groupId(id).ipPermissions(permissions(g.egress(), state)));
                }
            }
        }
    }

    private static List<IpPermission> permissions(List<Permission> rules, StackState state) {
        return rules.stream().map(rule -> ipPermission(rule, state)).toList();
    }

    /** A stack rule in the SDK's shape, its source group resolved to the provisioned group's id. */
    public static IpPermission ipPermission(Permission p, StackState state) {
        IpPermission.Builder b = IpPermission.builder().ipProtocol(p.protocol()).fromPort(p.fromPort())
                .toPort(p.toPort());
        if (p.cidr() != null) {
            b.ipRanges(IpRange.builder().cidrIp(p.cidr()).description(p.description()).build());
        } else if (p.ipv6() != null) {
            b.ipv6Ranges(Ipv6Range.builder().cidrIpv6(p.ipv6()).description(p.description()).build());
        } else if (p.group() != null) {
            b.userIdGroupPairs(UserIdGroupPair.builder().groupId(state.securityGroupId(p.group()))
                    .description(p.description()).build());
        }
        return b.build();
    }

    /** The JSON Schema of this kind: its section's description, one entry's schema, and defs it refers to. */
    @Override
    public String schema() {
        return """
            {"description": "EC2 security groups (CreateSecurityGroup, AuthorizeSecurityGroupIngress/Egress), by key.", "entry": {"description": "An EC2 security group in the default VPC. A new group's allow-all egress rule is kept unless egress is given. References: ${securityGroups.<key>.id}, ${securityGroups.<key>.name}, ${securityGroups.<key>.arn}.", "type": "object", "additionalProperties": false, "properties": {
              "name": {"description": "The group name (default: the entry's key).", "type": "string"},
              "description": {"description": "The group description (default 'selfheal scenario group <key>').", "type": "string"},
              "vpc": {"description": "The VPC id (default: the default VPC).", "type": "string"},
              "ingress": {"description": "Inbound rules.", "type": "array", "items": {"$ref": "#/$defs/permission"}},
              "egress": {"description": "Outbound rules; given, they replace the default allow-all egress rule.", "type": "array", "items": {"$ref": "#/$defs/permission"}}
            }}
            }
            """;
    }
}
