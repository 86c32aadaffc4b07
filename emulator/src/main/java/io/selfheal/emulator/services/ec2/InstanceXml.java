package io.selfheal.emulator.services.ec2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Result trees in EC2's XML names (the DescribeInstances and RunInstances response examples): lists are arrays, which
 * the EC2 codec writes as {@code <item>} children. Callers hold the region's monitor.
 */
final class InstanceXml {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private InstanceXml() {
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** Groups instances into their reservations, keeping the order in which each reservation first appears. */
    static ArrayNode reservationSet(List<Instance> instances) {
        Map<String, List<Instance>> byReservation = new LinkedHashMap<>();
        for (Instance i : instances) {
            byReservation.computeIfAbsent(i.reservationId, r -> new ArrayList<>()).add(i);
        }
        ArrayNode set = Json.array();
        byReservation.values().forEach(members -> set.add(reservation(members)));
        return set;
    }

    /** {@code reservationId, ownerId, groupSet, instancesSet}: RunInstances' result and a reservationSet item. */
    static ObjectNode reservation(List<Instance> members) {
        Instance first = members.get(0);
        ObjectNode r = Json.object().put("reservationId", first.reservationId).put("ownerId", first.accountId);
        r.putArray("groupSet");
        ArrayNode instances = r.putArray("instancesSet");
        members.forEach(i -> instances.add(instance(i)));
        return r;
    }

    static ObjectNode instance(Instance i) {
        ObjectNode n = Json.object()
                .put("instanceId", i.instanceId)
                .put("imageId", i.imageId);
        n.set("instanceState", i.state.toXmlTree());
        NetworkInterface.Association publicIp = i.publicAddress();
        n.put("privateDnsName", i.privateDnsName)
                .put("dnsName", publicIp == null ? "" : publicIp.publicDnsName())
                .put("reason", i.stateTransitionReason);
        if (i.keyName != null) {
            n.put("keyName", i.keyName);
        }
        n.put("amiLaunchIndex", i.amiLaunchIndex);
        n.putArray("productCodes");
        n.put("instanceType", i.instanceType)
                .put("launchTime", time(i.launchTime));
        n.putObject("placement").put("availabilityZone", i.availabilityZone).put("groupName", "")
                .put("tenancy", "default");
        n.putObject("monitoring").put("state", i.telemetry.monitoring.wireName());
        n.put("subnetId", i.subnetId)
                .put("vpcId", i.vpcId)
                .put("privateIpAddress", i.privateIpAddress);
        if (publicIp != null) {
            n.put("ipAddress", publicIp.publicIp());
        }
        n.put("sourceDestCheck", true);
        n.set("groupSet", NetXml.groupSet(i.groups()));
        if (i.stateReasonCode != null) {
            n.putObject("stateReason").put("code", i.stateReasonCode)
                    .put("message", i.stateReasonCode + ": User initiated shutdown");
        }
        n.put("architecture", "x86_64")
                .put("rootDeviceType", "ebs")
                .put("rootDeviceName", "/dev/xvda");
        ArrayNode devices = n.putArray("blockDeviceMapping");
        i.volumes.forEach(v -> devices.add(NetXml.blockDevice(v)));
        n.put("virtualizationType", "hvm");
        if (i.clientToken != null) {
            n.put("clientToken", i.clientToken);
        }
        n.set("tagSet", tagSet(i.tags));
        n.put("hypervisor", "xen");
        if (i.profile != null) {
            n.putObject("iamInstanceProfile").put("arn", i.profile.arn()).put("id", i.profile.profileId());
        }
        ArrayNode interfaces = n.putArray("networkInterfaceSet");
        i.interfaces.forEach(e -> interfaces.add(NetXml.instanceInterface(e)));
        n.put("ebsOptimized", false)
                .put("enaSupport", true)
                .put("platformDetails", "Linux/UNIX")
                .put("usageOperation", "RunInstances");
        return n;
    }

    static ArrayNode tagSet(Map<String, String> tags) {
        ArrayNode set = Json.array();
        tags.forEach((k, v) -> set.addObject().put("key", k).put("value", v));
        return set;
    }

    /** An {@code instancesSet} item of Start/Stop/TerminateInstances. */
    static ObjectNode stateChange(String instanceId, InstanceState previous, InstanceState current) {
        ObjectNode n = Json.object().put("instanceId", instanceId);
        n.set("currentState", current.toXmlTree());
        n.set("previousState", previous.toXmlTree());
        return n;
    }
}
