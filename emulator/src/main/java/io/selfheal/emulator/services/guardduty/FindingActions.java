package io.selfheal.emulator.services.guardduty;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;

/**
 * {@code service.action} of a finding, in the shape of its kind: an outbound (or inbound) connection with the remote
 * address and ports, a DNS query for a domain, a probe of an unprotected port, or an API call made with the instance's
 * credentials from outside AWS.
 */
final class FindingActions {
    private FindingActions() {
    }

    /**
     * @param localIp the instance's primary private address (the local end of a connection), or null
     */
    static ObjectNode of(FindingType type, ThreatDetails d, String localIp) {
        ObjectNode action = Json.object().put("actionType", type.action().name());
        ObjectNode body = action.putObject(type.action().member);
        switch (type.action()) {
            case NETWORK_CONNECTION -> {
                boolean outbound = type.resourceRole().equals("ACTOR");
                body.put("connectionDirection", outbound ? "OUTBOUND" : "INBOUND");
                body.set("remoteIpDetails", remoteIp(d.remoteIp()));
                body.putObject("remotePortDetails").put("port", d.remotePort())
                        .put("portName", ThreatDetails.portName(d.remotePort()));
                body.putObject("localPortDetails").put("port", d.localPort())
                        .put("portName", ThreatDetails.portName(d.localPort()));
                if (localIp != null) {
                    body.putObject("localIpDetails").put("ipAddressV4", localIp);
                }
                body.put("protocol", d.protocol()).put("blocked", false);
            }
            case DNS_REQUEST -> body.put("domain", d.domain()).put("protocol", d.protocol()).put("blocked", false);
            case PORT_PROBE -> {
                body.put("blocked", false);
                ObjectNode probe = body.putArray("portProbeDetails").addObject();
                probe.putObject("localPortDetails").put("port", d.localPort())
                        .put("portName", ThreatDetails.portName(d.localPort()));
                if (localIp != null) {
                    probe.putObject("localIpDetails").put("ipAddressV4", localIp);
                }
                probe.set("remoteIpDetails", remoteIp(d.remoteIp()));
            }
            case AWS_API_CALL -> {
                body.put("api", "DescribeInstances").put("serviceName", "ec2.amazonaws.com")
                        .put("callerType", "Remote IP").put("userAgent", "aws-cli/2.9.19 Python/3.11.2");
                body.set("remoteIpDetails", remoteIp(d.remoteIp()));
            }
            default -> throw new IllegalStateException("no action shape for " + type.action());
        }
        return action;
    }

    /** Where the remote end is: GuardDuty geolocates it (documentation ASN and a fixed place, not a real party). */
    private static ObjectNode remoteIp(String ip) {
        ObjectNode r = Json.object().put("ipAddressV4", ip);
        r.putObject("organization").put("asn", "64496").put("asnOrg", "DOCUMENTATION-ASN")
                .put("isp", "Example Transit").put("org", "Example Hosting");
        r.putObject("country").put("countryCode", "NL").put("countryName", "Netherlands");
        r.putObject("city").put("cityName", "Amsterdam");
        r.putObject("geoLocation").put("lat", 52.37).put("lon", 4.89);
        return r;
    }
}
