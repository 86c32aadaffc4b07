package io.selfheal.harness.scenario;

import io.selfheal.harness.yaml.Suggestions;
import io.selfheal.harness.yaml.YMap;
import io.selfheal.harness.yaml.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code stack.securityGroups} entries and the rule lists under them:
 * {@code ingress: [{protocol: tcp, port: 443, cidr: 0.0.0.0/0}, {ports: 8000-8100, group: lb}]}.
 */
final class SecurityGroupReader {
    private final Set<String> groupKeys;

    SecurityGroupReader(Set<String> groupKeys) {
        this.groupKeys = groupKeys;
    }

    Stack.SecurityGroup group(String key, YMap m) {
        m.allow("name", "description", "vpc", "ingress", "egress");
        String name = m.string("name");
        return new Stack.SecurityGroup(key, name == null ? key : name,
                m.has("description") ? m.string("description") : "selfheal scenario group " + key, m.string("vpc"),
                permissions(m.get("ingress")), m.has("egress") ? permissions(m.get("egress")) : null);
    }

    private List<Stack.Permission> permissions(YNode node) {
        List<Stack.Permission> out = new ArrayList<>();
        if (node != null) {
            for (YNode item : node.list()) {
                Stack.Permission p = permission(item.map());
                if (p != null) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** Reads one rule; also used by probes and faults that name a rule the same way. */
    static Stack.Permission permission(YMap m, Set<String> groupKeys) {
        return new SecurityGroupReader(groupKeys).permission(m);
    }

    private Stack.Permission permission(YMap m) {
        m.allow("protocol", "port", "ports", "cidr", "ipv6", "group", "description");
        String protocol = m.choice("protocol", "tcp", "udp", "icmp", "-1", "all");
        protocol = protocol == null ? "tcp" : protocol.equals("all") ? "-1" : protocol;
        int[] range = ports(m, protocol);
        int sources = (m.has("cidr") ? 1 : 0) + (m.has("ipv6") ? 1 : 0) + (m.has("group") ? 1 : 0);
        if (sources != 1) {
            m.node().problem("a rule needs exactly one of cidr, ipv6 or group");
        }
        String cidr = m.string("cidr");
        if (cidr != null && !cidr.matches("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}")) {
            m.get("cidr").problem("'" + cidr + "' is not an IPv4 CIDR block (like 0.0.0.0/0)");
        }
        String ipv6 = m.string("ipv6");
        if (ipv6 != null && !ipv6.matches("[0-9a-fA-F:]+/\\d{1,3}")) {
            m.get("ipv6").problem("'" + ipv6 + "' is not an IPv6 CIDR block (like ::/0)");
        }
        String group = m.string("group");
        if (group != null && !groupKeys.contains(group)) {
            String suggestion = Suggestions.closest(group, groupKeys);
            m.get("group").problem("no securityGroups entry '" + group + "' in stack"
                    + (suggestion != null ? " (did you mean '" + suggestion + "'?)" : ""));
            group = null;
        }
        return new Stack.Permission(protocol, range == null ? null : range[0], range == null ? null : range[1],
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
        if (from < 0 || to > 65535 || from > to) {
            node.problem("ports must be within 0-65535, the first not above the last");
            return null;
        }
        return new int[] {from, to};
    }
}
