package io.selfheal.emulator.services.ec2;

import static io.selfheal.emulator.services.ec2.ResourceFilter.one;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Ids;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * DescribeVolumes, CreateSnapshot, CreateSnapshots and DescribeSnapshots. A snapshot is {@code pending} (0%) until
 * {@link #COMPLETION_DELAY} has passed on the emulator clock, then {@code completed} (100%).
 */
final class SnapshotHandlers {
    static final Duration COMPLETION_DELAY = Duration.ofMillis(500);
    private static final int MAX_DESCRIPTION = 255;
    private static final Map<String, Function<Volume, Collection<String>>> VOLUME_FILTERS = Map.of(
            "volume-id", v -> one(v.volumeId),
            "status", v -> one(v.status()),
            "attachment.instance-id", v -> one(v.instanceId),
            "attachment.device", v -> v.instanceId == null ? List.of() : one(v.device),
            "attachment.delete-on-termination", v -> v.instanceId == null ? List.of() : one(v.deleteOnTermination),
            "availability-zone", v -> one(v.availabilityZone),
            "volume-type", v -> one(v.volumeType),
            "size", v -> one(v.size),
            "encrypted", v -> one(v.encrypted),
            "snapshot-id", v -> one(v.snapshotId));
    private static final Map<String, Function<Snapshot, Collection<String>>> SNAPSHOT_FILTERS = Map.of(
            "snapshot-id", s -> one(s.snapshotId),
            "volume-id", s -> one(s.volumeId),
            "status", s -> one(s.state),
            "owner-id", s -> one(s.ownerId),
            "description", s -> one(s.description),
            "progress", s -> one(s.progress()),
            "volume-size", s -> one(s.volumeSize),
            "encrypted", s -> one(s.encrypted));

    private final EmulatorContext context;
    private final RegionalStore<Ec2Region> store;

    SnapshotHandlers(EmulatorContext context, RegionalStore<Ec2Region> store) {
        this.context = context;
        this.store = store;
    }

    JsonNode describeVolumes(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        List<String> ids = VpcHandlers.ids(p, "VolumeId");
        Predicate<Volume> filter = ResourceFilter.parse(p, VOLUME_FILTERS);
        Ec2Region region = Ec2Region.of(store, ctx);
        ObjectNode result = Json.object();
        ArrayNode set = result.putArray("volumeSet");
        synchronized (region) {
            List<Volume> volumes = ids.isEmpty() ? new ArrayList<>(region.volumes.values())
                    : ResourceKind.VOLUME.resolve(region.volumes, ids);
            volumes.stream().filter(filter).forEach(v -> set.add(NetXml.volume(v)));
        }
        return result;
    }

    /** CreateSnapshot: its result is the snapshot itself, at the top level. */
    JsonNode createSnapshot(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        String volumeId = p.string("VolumeId");
        if (volumeId == null) {
            throw p.errors().missing("VolumeId");
        }
        String description = description(p);
        Map<String, String> tags = Tags.specified(p, "snapshot");
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            Volume volume = ResourceKind.VOLUME.resolve(region.volumes, volumeId);
            Ec2Errors.checkDryRun(p);
            return NetXml.snapshot(take(region, ctx, volume, description, tags));
        }
    }

    /**
     * CreateSnapshots: one crash-consistent snapshot of every volume attached to {@code InstanceSpecification
     * .InstanceId} (without the root volume when {@code ExcludeBootVolume}); {@code CopyTagsFromSource=volume} copies
     * each volume's tags before the specified ones.
     */
    JsonNode createSnapshots(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        Params spec = p.child("InstanceSpecification");
        if (spec == null || spec.string("InstanceId") == null) {
            throw p.errors().missing("InstanceSpecification.InstanceId");
        }
        boolean excludeBoot = spec.bool("ExcludeBootVolume", false);
        String copyTags = p.string("CopyTagsFromSource");
        if (copyTags != null && !copyTags.equals("volume")) {
            throw p.errors().invalid("CopyTagsFromSource", copyTags, "Expected 'volume'.");
        }
        String description = description(p);
        Map<String, String> tags = Tags.specified(p, "snapshot");
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            Instance instance = InstanceIds.resolve(region, List.of(spec.string("InstanceId"))).get(0);
            Ec2Errors.checkDryRun(p);
            ObjectNode result = Json.object();
            ArrayNode set = result.putArray("snapshotSet");
            for (Volume v : instance.volumes) {
                if (excludeBoot && v.device.equals(BlockDevices.ROOT_DEVICE)) {
                    continue;
                }
                Map<String, String> all = new java.util.LinkedHashMap<>();
                if (copyTags != null) {
                    all.putAll(v.tags());
                }
                all.putAll(tags);
                set.add(NetXml.snapshotInfo(take(region, ctx, v, description, all)));
            }
            return result;
        }
    }

    JsonNode describeSnapshots(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        List<String> ids = VpcHandlers.ids(p, "SnapshotId");
        List<String> owners = VpcHandlers.ids(p, "Owner");
        Predicate<Snapshot> filter = ResourceFilter.parse(p, SNAPSHOT_FILTERS);
        Ec2Region region = Ec2Region.of(store, ctx);
        ObjectNode result = Json.object();
        ArrayNode set = result.putArray("snapshotSet");
        synchronized (region) {
            List<Snapshot> snapshots = ids.isEmpty() ? new ArrayList<>(region.snapshots.values())
                    : ResourceKind.SNAPSHOT.resolve(region.snapshots, ids);
            // Only this account's snapshots exist here; "self" and the account id name it, "amazon" names none.
            snapshots.stream().filter(s -> owners.isEmpty() || owners.contains("self") || owners.contains(s.ownerId))
                    .filter(filter).forEach(s -> set.add(NetXml.snapshot(s)));
        }
        return result;
    }

    private Snapshot take(Ec2Region region, RequestContext ctx, Volume volume, String description,
                          Map<String, String> tags) {
        Snapshot s = new Snapshot(context.ids().hex("snap", 17), volume.volumeId, volume.size, description, ctx.accountId(),
                volume.encrypted, context.clock().now());
        s.tags().putAll(tags);
        region.snapshots.put(s.snapshotId, s);
        Runnable complete = () -> {
            synchronized (region) {
                if (!region.discarded()) {
                    s.state = "completed";
                }
            }
        };
        // As InstanceLifecycle.begin: in real time completion is in-flight work; on a virtual clock a waiting timer
        // must not count as busy.
        context.clock().schedule(COMPLETION_DELAY,
                context.clock().isVirtual() ? complete : context.activity().track(complete));
        return s;
    }

    private static String description(Params p) {
        String d = p.string("Description", "");
        if (d.length() > MAX_DESCRIPTION) {
            throw p.errors().invalid("Description", d, "Must be at most " + MAX_DESCRIPTION + " characters.");
        }
        return d;
    }
}
