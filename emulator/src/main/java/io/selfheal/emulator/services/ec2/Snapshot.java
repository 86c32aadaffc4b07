package io.selfheal.emulator.services.ec2;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** An EBS snapshot: {@code pending} at 0% until {@link SnapshotHandlers#COMPLETION_DELAY}, then completed at 100%. */
final class Snapshot implements Tagged {
    final String snapshotId;
    final String volumeId;
    final int volumeSize;
    final String description;
    final String ownerId;
    final boolean encrypted;
    final Instant startTime;
    String state = "pending";
    private final Map<String, String> tags = new LinkedHashMap<>();

    Snapshot(String snapshotId, String volumeId, int volumeSize, String description, String ownerId, boolean encrypted,
             Instant startTime) {
        this.snapshotId = snapshotId;
        this.volumeId = volumeId;
        this.volumeSize = volumeSize;
        this.description = description;
        this.ownerId = ownerId;
        this.encrypted = encrypted;
        this.startTime = startTime;
    }

    String progress() {
        return state.equals("completed") ? "100%" : "0%";
    }

    @Override
    public String resourceId() {
        return snapshotId;
    }

    @Override
    public String resourceType() {
        return "snapshot";
    }

    @Override
    public Map<String, String> tags() {
        return tags;
    }
}
