package io.selfheal.emulator.services.ec2;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An Elastic IP address (domain {@code vpc}): allocated to the account until released, associated with at most one
 * network interface at a time.
 */
final class ElasticIp implements Tagged {
    final String allocationId;
    final String publicIp;
    final String ownerId;
    final String region;
    /** Null while not associated. */
    String associationId;
    NetworkInterface networkInterface;
    private final Map<String, String> tags = new LinkedHashMap<>();

    ElasticIp(String allocationId, String publicIp, String ownerId, String region) {
        this.allocationId = allocationId;
        this.publicIp = publicIp;
        this.ownerId = ownerId;
        this.region = region;
    }

    /** The instance the associated interface is attached to, or null. */
    String instanceId() {
        return networkInterface == null ? null : networkInterface.instanceId();
    }

    @Override
    public String resourceId() {
        return allocationId;
    }

    @Override
    public String resourceType() {
        return "elastic-ip";
    }

    @Override
    public Map<String, String> tags() {
        return tags;
    }
}
