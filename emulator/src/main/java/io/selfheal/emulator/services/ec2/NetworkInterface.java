package io.selfheal.emulator.services.ec2;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An elastic network interface: made with an instance (its primary, device index 0, and any others RunInstances
 * names) or by CreateNetworkInterface, then attached and detached. Its security groups are its own; an instance's
 * groups are its primary interface's.
 */
final class NetworkInterface implements Tagged {
    /** One attachment to an instance. */
    record Attachment(String attachmentId, String instanceId, int deviceIndex, Instant attachTime,
                      boolean deleteOnTermination) {
    }

    /**
     * The public IPv4 address of the interface's primary private address: auto-assigned (owned by {@code amazon}) or
     * an Elastic IP (owned by the account).
     */
    record Association(String publicIp, String publicDnsName, ElasticIp elasticIp) {
        String ipOwnerId() {
            return elasticIp == null ? "amazon" : elasticIp.ownerId;
        }
    }

    final String networkInterfaceId;
    final Subnet subnet;
    final String privateIpAddress;
    final String privateDnsName;
    final String macAddress;
    final String description;
    /** Null while the interface is {@code available}. */
    Attachment attachment;
    /** The public address, or null. */
    Association association;
    /**
     * Launched with a public address (AssociatePublicIpAddress, or the subnet's MapPublicIpOnLaunch): a start after a
     * stop, or an Elastic IP taken away, gives it a new one.
     */
    boolean autoPublicIp;
    /** Live references: a group in use cannot be deleted, so these never dangle. */
    final List<SecurityGroup> groups = new ArrayList<>();
    private final Map<String, String> tags = new LinkedHashMap<>();

    NetworkInterface(String networkInterfaceId, Subnet subnet, String privateIpAddress, String privateDnsName,
                     String macAddress, String description, List<SecurityGroup> groups) {
        this.networkInterfaceId = networkInterfaceId;
        this.subnet = subnet;
        this.privateIpAddress = privateIpAddress;
        this.privateDnsName = privateDnsName;
        this.macAddress = macAddress;
        this.description = description;
        this.groups.addAll(groups);
    }

    String instanceId() {
        return attachment == null ? null : attachment.instanceId;
    }

    String status() {
        return attachment == null ? "available" : "in-use";
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
