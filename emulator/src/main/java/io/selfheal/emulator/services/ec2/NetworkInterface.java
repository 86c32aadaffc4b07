package io.selfheal.emulator.services.ec2;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An elastic network interface. Only instances' primary interfaces (device index 0) exist; they carry the
 * instance's security groups, so changing an instance's groups changes these.
 */
final class NetworkInterface implements Tagged {
    final String networkInterfaceId;
    final Subnet subnet;
    final String privateIpAddress;
    final String privateDnsName;
    final String macAddress;
    final String attachmentId;
    final String instanceId;
    final Instant attachTime;
    /** Live references: a group in use cannot be deleted, so these never dangle. */
    final List<SecurityGroup> groups = new ArrayList<>();
    private final Map<String, String> tags = new LinkedHashMap<>();

    NetworkInterface(String networkInterfaceId, Subnet subnet, String privateIpAddress, String privateDnsName,
                     String macAddress, String attachmentId, String instanceId, Instant attachTime,
                     List<SecurityGroup> groups) {
        this.networkInterfaceId = networkInterfaceId;
        this.subnet = subnet;
        this.privateIpAddress = privateIpAddress;
        this.privateDnsName = privateDnsName;
        this.macAddress = macAddress;
        this.attachmentId = attachmentId;
        this.instanceId = instanceId;
        this.attachTime = attachTime;
        this.groups.addAll(groups);
    }

    List<String> groupIds() {
        return groups.stream().map(g -> g.groupId).toList();
    }

    @Override
    public String resourceId() {
        return networkInterfaceId;
    }

    @Override
    public String resourceType() {
        return "network-interface";
    }

    @Override
    public Map<String, String> tags() {
        return tags;
    }
}
