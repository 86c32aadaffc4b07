package io.selfheal.emulator.services.config.managed;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One inbound permission of a security group item ({@code configuration.ipPermissions[]} in the DescribeSecurityGroups
 * shape): its protocol, port range and whether a source is the whole internet. Config records IPv4 sources both as
 * {@code ipv4Ranges[].cidrIp} and the older {@code ipRanges[]} strings; IPv6 as {@code ipv6Ranges[].cidrIpv6}.
 *
 * @param protocol {@code tcp}, {@code udp}, {@code icmp}, … or {@code -1} for all traffic (numbers 6 and 17 read as
 *                 tcp and udp)
 * @param fromPort first port; 0 when the permission covers all ports
 * @param toPort   last port; 65535 when the permission covers all ports
 */
record Ingress(String protocol, int fromPort, int toPort, boolean openToWorld) {
    static final String ALL_TRAFFIC = "-1";
    static final String WORLD_V4 = "0.0.0.0/0";
    static final String WORLD_V6 = "::/0";

    static List<Ingress> of(JsonNode securityGroupConfiguration) {
        List<Ingress> permissions = new ArrayList<>();
        for (JsonNode p : securityGroupConfiguration.path("ipPermissions")) {
            String protocol = normalized(p.path("ipProtocol").asText(ALL_TRAFFIC));
            boolean allPorts = protocol.equals(ALL_TRAFFIC) || !p.hasNonNull("fromPort")
                    || p.path("fromPort").asInt() < 0;
            int from = allPorts ? 0 : p.path("fromPort").asInt();
            int to = allPorts ? 65535 : p.path("toPort").asInt(from);
            permissions.add(new Ingress(protocol, from, to, openToWorld(p)));
        }
        return permissions;
    }

    /** Whether TCP traffic to the port passes this permission (all-traffic permissions included). */
    boolean admitsTcp(int port) {
        return (protocol.equals("tcp") || protocol.equals(ALL_TRAFFIC)) && fromPort <= port && port <= toPort;
    }

    private static boolean openToWorld(JsonNode permission) {
        for (JsonNode r : permission.path("ipv4Ranges")) {
            if (WORLD_V4.equals(r.path("cidrIp").asText())) {
                return true;
            }
        }
        for (JsonNode r : permission.path("ipRanges")) {
            if (WORLD_V4.equals(r.isTextual() ? r.asText() : r.path("cidrIp").asText())) {
                return true;
            }
        }
        for (JsonNode r : permission.path("ipv6Ranges")) {
            if (WORLD_V6.equals(r.path("cidrIpv6").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String normalized(String protocol) {
        return switch (protocol.toLowerCase(java.util.Locale.ROOT)) {
            case "6" -> "tcp";
            case "17" -> "udp";
            case "1" -> "icmp";
            default -> protocol.toLowerCase(java.util.Locale.ROOT);
        };
    }
}
