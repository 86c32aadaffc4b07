package io.selfheal.emulator.services.ec2;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An EBS volume: attached to an instance from launch or by AttachVolume ({@code in-use}), or {@code available}
 * (CreateVolume, DetachVolume, its instance terminated).
 */
final class Volume implements Tagged {
    final String volumeId;
    final int size;
    final String volumeType;
    final Integer iops;
    final Integer throughput;
    final boolean encrypted;
    final String snapshotId;
    final String availabilityZone;
    final Instant createTime;
    /** CreateVolume's key when encrypted; null for launch-time volumes. */
    String kmsKeyId;
    /** Null once detached. */
    String instanceId;
    /** The last attachment's device. */
    String device;
    /** ModifyInstanceAttribute BlockDeviceMapping can change it. */
    boolean deleteOnTermination;
    Instant attachTime;
    private final Map<String, String> tags = new LinkedHashMap<>();

    Volume(String volumeId, int size, String volumeType, Integer iops, Integer throughput, boolean encrypted,
           String snapshotId, String availabilityZone, Instant createTime, String instanceId, String device,
           boolean deleteOnTermination) {
        this.volumeId = volumeId;
        this.size = size;
        this.volumeType = volumeType;
        this.iops = iops;
        this.throughput = throughput;
        this.encrypted = encrypted;
        this.snapshotId = snapshotId;
        this.availabilityZone = availabilityZone;
        this.createTime = createTime;
        this.instanceId = instanceId;
        this.device = device;
        this.deleteOnTermination = deleteOnTermination;
        this.attachTime = createTime;
    }

    String status() {
        return instanceId == null ? "available" : "in-use";
    }

    @Override
    public String resourceId() {
        return volumeId;
    }

    @Override
    public String resourceType() {
        return "volume";
    }

    @Override
    public Map<String, String> tags() {
        return tags;
    }
}
