package io.selfheal.remediations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ports allowed to stay open to the world, in the notation of the {@code vpc-sg-open-only-to-authorized-ports}
 * rule's parameters ({@code "443,1020-1025"}), read from {@code AUTHORIZED_TCP_PORTS} and {@code AUTHORIZED_UDP_PORTS}.
 * Unset means none: every world-open TCP or UDP port is unauthorized.
 */
record AuthorizedPorts(List<int[]> tcp, List<int[]> udp) {
    static final String TCP_VARIABLE = "AUTHORIZED_TCP_PORTS";
    static final String UDP_VARIABLE = "AUTHORIZED_UDP_PORTS";

    static AuthorizedPorts fromEnvironment(Map<String, String> env) {
        return new AuthorizedPorts(parse(TCP_VARIABLE, env.get(TCP_VARIABLE)), parse(UDP_VARIABLE, env.get(UDP_VARIABLE)));
    }

    /** Whether every port from {@code from} to {@code to} of the protocol ({@code tcp}/{@code udp}) is authorized. */
    boolean authorizes(String protocol, int from, int to) {
        List<int[]> ranges = "tcp".equals(protocol) ? tcp : "udp".equals(protocol) ? udp : List.of();
        int next = from;
        boolean progressed = true;
        while (next <= to && progressed) {
            progressed = false;
            for (int[] r : ranges) {
                if (r[0] <= next && next <= r[1]) {
                    next = r[1] + 1;
                    progressed = true;
                }
            }
        }
        return next > to;
    }

    private static List<int[]> parse(String variable, String text) {
        List<int[]> ranges = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return ranges;
        }
        for (String part : text.split(",")) {
            String entry = part.trim();
            int dash = entry.indexOf('-', 1);
            try {
                int low = Integer.parseInt(dash < 0 ? entry : entry.substring(0, dash).trim());
                int high = Integer.parseInt(dash < 0 ? entry : entry.substring(dash + 1).trim());
                if (low < 0 || high > 65535 || low > high) {
                    throw new NumberFormatException(entry);
                }
                ranges.add(new int[] {low, high});
            } catch (NumberFormatException e) {
                // a misconfigured function should fail at start, not guess
                throw new IllegalArgumentException(variable + " must list ports and ranges such as 443,1020-1025, got '"
                        + text + "'");
            }
        }
        return ranges;
    }
}
