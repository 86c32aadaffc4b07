package io.selfheal.emulator.services.guardduty;

import java.util.Map;
import java.util.Set;

/**
 * The observed particulars of one threat (who, where, which port), each with a realistic default per type and
 * overridable by an injection. Defaults use the documentation address ranges (RFC 5737) and the reserved
 * {@code .example} domain, as AWS's own sample findings use documentation addresses ({@code 198.51.100.0}).
 */
record ThreatDetails(String remoteIp, int remotePort, int localPort, String protocol, String domain) {
    static final Set<String> OVERRIDES = Set.of("remoteIp", "remotePort", "localPort", "protocol", "domain");

    /** The defaults for a type. */
    static ThreatDetails defaults(FindingType type) {
        return switch (type.name()) {
            case "Backdoor:EC2/C&CActivity.B" -> new ThreatDetails("198.51.100.7", 443, 50132, "TCP", null);
            case "Backdoor:EC2/C&CActivity.B!DNS" -> dns("command-and-control.example");
            case "CryptoCurrency:EC2/BitcoinTool.B!DNS" -> dns("pool.coin-mining.example");
            case "Trojan:EC2/DNSDataExfiltration" -> dns("tunnel.data-drop.example");
            case "UnauthorizedAccess:EC2/SSHBruteForce" -> new ThreatDetails("203.0.113.14", 41790, 22, "TCP", null);
            case "Recon:EC2/PortProbeUnprotectedPort" -> new ThreatDetails("203.0.113.25", 0, 22, "TCP", null);
            default -> new ThreatDetails("198.51.100.44", 443, 0, "TCP", null);
        };
    }

    private static ThreatDetails dns(String domain) {
        return new ThreatDetails(null, 53, 0, "UDP", domain);
    }

    /**
     * These details with the named overrides applied.
     *
     * @throws IllegalArgumentException for an unknown name or a port that is not 0–65535
     */
    ThreatDetails with(Map<String, String> overrides) {
        ThreatDetails d = this;
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            String v = e.getValue();
            d = switch (e.getKey()) {
                case "remoteIp" -> new ThreatDetails(v, d.remotePort, d.localPort, d.protocol, d.domain);
                case "remotePort" -> new ThreatDetails(d.remoteIp, port(e.getKey(), v), d.localPort, d.protocol,
                        d.domain);
                case "localPort" -> new ThreatDetails(d.remoteIp, d.remotePort, port(e.getKey(), v), d.protocol,
                        d.domain);
                case "protocol" -> new ThreatDetails(d.remoteIp, d.remotePort, d.localPort, v, d.domain);
                case "domain" -> new ThreatDetails(d.remoteIp, d.remotePort, d.localPort, d.protocol, v);
                default -> throw new IllegalArgumentException("unknown finding override " + e.getKey()
                        + ": use one of " + OVERRIDES);
            };
        }
        return d;
    }

    private static int port(String name, String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // worded below
        }
        throw new IllegalArgumentException(name + " must be a port number 0–65535, not " + value);
    }

    /** The port a title or description names: the remote one the instance calls, else its own. */
    int shownPort(FindingType type) {
        return type.action() == FindingType.ActionKind.NETWORK_CONNECTION && type.resourceRole().equals("ACTOR")
                ? remotePort : localPort;
    }

    /** The name GuardDuty gives a well-known port ({@code portName}). */
    static String portName(int port) {
        return switch (port) {
            case 22 -> "SSH";
            case 53 -> "DNS";
            case 80 -> "HTTP";
            case 443 -> "HTTPS";
            case 3389 -> "RDP";
            default -> "Unknown";
        };
    }
}
