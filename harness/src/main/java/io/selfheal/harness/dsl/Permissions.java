package io.selfheal.harness.dsl;

/**
 * Security-group rules, written as in {@code stack.securityGroups}: {@code Permissions.tcp(22).cidr("0.0.0.0/0")},
 * {@code Permissions.tcp(8000, 8100).group("lb")}, {@code Permissions.allTraffic().ipv6("::/0")}.
 */
public final class Permissions {
    private Permissions() {
    }

    public static PermissionSpec tcp(int port) {
        return new PermissionSpec("tcp", port, port);
    }

    public static PermissionSpec tcp(int fromPort, int toPort) {
        return new PermissionSpec("tcp", fromPort, toPort);
    }

    public static PermissionSpec udp(int port) {
        return new PermissionSpec("udp", port, port);
    }

    public static PermissionSpec udp(int fromPort, int toPort) {
        return new PermissionSpec("udp", fromPort, toPort);
    }

    /** Every ICMP type and code. */
    public static PermissionSpec icmp() {
        return new PermissionSpec("icmp", null, null);
    }

    /** Protocol {@code -1}: all traffic, all ports. */
    public static PermissionSpec allTraffic() {
        return new PermissionSpec("-1", null, null);
    }
}
