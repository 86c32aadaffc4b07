package io.selfheal.emulator.services.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.util.Iterator;
import java.util.Map;

/**
 * EC2's Describe trees renamed from the XML names (tagSet, groupSet, attachmentSet …) to the names AWS Config's
 * configuration items use, which are the SDK model's (tags, groups, attachments …; an instance's groups are
 * {@code securityGroups}; a permission's {@code ipRanges} are the CIDR strings beside {@code ipv4Ranges} objects,
 * its peer groups {@code userIdGroupPairs}), as in AWS's own items
 * (https://docs.aws.amazon.com/config/latest/developerguide/config-item-table.html).
 */
final class ConfigShapes {
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("tagSet", "tags"),
            Map.entry("groupSet", "groups"),
            Map.entry("instanceState", "state"),
            Map.entry("reason", "stateTransitionReason"),
            Map.entry("dnsName", "publicDnsName"),
            Map.entry("ipAddress", "publicIpAddress"),
            Map.entry("blockDeviceMapping", "blockDeviceMappings"),
            Map.entry("networkInterfaceSet", "networkInterfaces"),
            Map.entry("attachmentSet", "attachments"),
            Map.entry("privateIpAddressesSet", "privateIpAddresses"),
            Map.entry("groupDescription", "description"));

    private ConfigShapes() {
    }

    static ObjectNode instance(Instance i) {
        ObjectNode n = renamed(InstanceXml.instance(i));
        n.set("securityGroups", n.remove("groups"));
        return n;
    }

    static ObjectNode securityGroup(SecurityGroup g) {
        ObjectNode xml = NetXml.securityGroup(g);
        ArrayNode in = permissions((ArrayNode) xml.remove("ipPermissions"));
        ArrayNode out = permissions((ArrayNode) xml.remove("ipPermissionsEgress"));
        xml.remove("securityGroupArn");
        ObjectNode n = renamed(xml);
        n.set("ipPermissions", in);
        n.set("ipPermissionsEgress", out);
        return n;
    }

    static ObjectNode volume(Volume v) {
        return renamed(NetXml.volume(v));
    }

    static ObjectNode networkInterface(NetworkInterface e) {
        return renamed(NetXml.networkInterface(e));
    }

    static ObjectNode vpc(Vpc v) {
        return renamed(NetXml.vpc(v));
    }

    static ObjectNode subnet(Subnet s) {
        return renamed(NetXml.subnet(s));
    }

    private static ArrayNode permissions(ArrayNode xml) {
        ArrayNode out = Json.array();
        for (JsonNode p : xml) {
            ObjectNode n = Json.object();
            if (p.has("fromPort")) {
                n.set("fromPort", p.get("fromPort"));
            }
            n.set("ipProtocol", p.get("ipProtocol"));
            n.set("ipv6Ranges", p.get("ipv6Ranges"));
            n.set("prefixListIds", p.get("prefixListIds"));
            if (p.has("toPort")) {
                n.set("toPort", p.get("toPort"));
            }
            n.set("userIdGroupPairs", p.get("groups"));
            n.set("ipv4Ranges", p.get("ipRanges"));
            ArrayNode cidrs = n.putArray("ipRanges");
            p.get("ipRanges").forEach(r -> cidrs.add(r.path("cidrIp").asText()));
            out.add(n);
        }
        return out;
    }

    private static ObjectNode renamed(ObjectNode xml) {
        ObjectNode out = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = xml.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            out.set(NAMES.getOrDefault(field.getKey(), field.getKey()), renamed(field.getValue()));
        }
        return out;
    }

    private static JsonNode renamed(JsonNode node) {
        if (node.isObject()) {
            return renamed((ObjectNode) node);
        }
        if (node.isArray()) {
            ArrayNode out = Json.array();
            node.forEach(e -> out.add(renamed(e)));
            return out;
        }
        return node;
    }
}
