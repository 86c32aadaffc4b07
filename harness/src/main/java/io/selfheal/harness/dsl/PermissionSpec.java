package io.selfheal.harness.dsl;

import io.selfheal.harness.stack.SecurityGroupKind;

/** One security-group rule, made by {@link Permissions}: a protocol, a port range and exactly one source. */
public final class PermissionSpec extends Spec<PermissionSpec> {
    private final String protocol;
    private final Integer fromPort;
    private final Integer toPort;
    private String cidr;
    private String ipv6;
    private String group;
    private String description;
    private int sources;

    PermissionSpec(String protocol, Integer fromPort, Integer toPort) {
        this.protocol = protocol;
        this.fromPort = fromPort;
        this.toPort = toPort;
    }

    /** From an IPv4 CIDR block ({@code 0.0.0.0/0}). */
    public PermissionSpec cidr(String cidr) {
        return with(s -> {
            s.cidr = cidr;
            s.sources++;
        });
    }

    /** From an IPv6 CIDR block ({@code ::/0}). */
    public PermissionSpec ipv6(String ipv6) {
        return with(s -> {
            s.ipv6 = ipv6;
            s.sources++;
        });
    }

    /** From the stack's security group under this key. */
    public PermissionSpec group(String key) {
        return with(s -> {
            s.group = key;
            s.sources++;
        });
    }

    public PermissionSpec description(String description) {
        return with(s -> s.description = description);
    }

    /** The model, with {@code stack.securityGroups}' rules and words; problems at {@code checks}. */
    SecurityGroupKind.Permission build(Checks checks) {
        if (fromPort != null) {
            SecurityGroupKind.checkPorts(fromPort, toPort, checks, fromPort.equals(toPort) ? "port" : "ports");
        }
        SecurityGroupKind.checkSources(sources, cidr, ipv6, checks);
        String key = group == null ? null : checks.stackKey("group", "securityGroups", group);
        return new SecurityGroupKind.Permission(protocol, fromPort, toPort, cidr, ipv6, key, description);
    }
}
