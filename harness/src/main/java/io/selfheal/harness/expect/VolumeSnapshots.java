package io.selfheal.harness.expect;

import io.selfheal.harness.yaml.YMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * How many EBS snapshots exist of the volumes attached to an instance, optionally only those in one state:
 * {@code snapshots: {atLeast: 1, state: completed}}. Found as AWS users find them: DescribeVolumes filtered on
 * {@code attachment.instance-id}, then DescribeSnapshots (owner self) filtered on {@code volume-id}.
 *
 * @param state a snapshot state ({@code pending}, {@code completed}, …) or null for any
 */
public record VolumeSnapshots(Count count, String state) {
    private static final String[] STATES = {"pending", "completed", "error", "recoverable", "recovering"};

    public String describe() {
        return "has " + count.describe() + (state == null ? "" : " " + state) + " snapshot"
                + (count.isOne() ? "" : "s") + " of its volumes";
    }

    public boolean matches(Observed seen) {
        return count.matches(state == null ? seen.total() : seen.byState().getOrDefault(state, 0L));
    }

    /** Lists the instance's volumes and their snapshots. */
    public Observed observe(Ec2Client ec2, String instanceId) {
        List<String> volumes = ec2.describeVolumesPaginator(r -> r.filters(
                        Filter.builder().name("attachment.instance-id").values(instanceId).build()))
                .volumes().stream().map(Volume::volumeId).toList();
        Map<String, Long> byState = new TreeMap<>();
        if (!volumes.isEmpty()) {
            ec2.describeSnapshotsPaginator(r -> r.ownerIds("self").filters(
                            Filter.builder().name("volume-id").values(volumes).build()))
                    .snapshots().stream().map(Snapshot::stateAsString)
                    .forEach(s -> byState.merge(s, 1L, Long::sum));
        }
        return new Observed(volumes, byState);
    }

    /** Reads {@code count}/{@code atLeast}/{@code atMost} and {@code state}. */
    static VolumeSnapshots read(YMap spec) {
        spec.allow("count", "atLeast", "atMost", "state");
        return new VolumeSnapshots(Count.read(spec, true), spec.choice("state", STATES));
    }

    /** What was found: the attached volumes and how many snapshots of them are in each state. */
    public record Observed(List<String> volumes, Map<String, Long> byState) {
        long total() {
            return byState.values().stream().mapToLong(Long::longValue).sum();
        }

        @Override
        public String toString() {
            return total() + " snapshot" + (total() == 1 ? "" : "s") + " of volumes " + volumes
                    + (byState.isEmpty() ? "" : " " + byState);
        }
    }
}
