package io.selfheal.emulator.services.ec2;

import static io.selfheal.emulator.services.ec2.Ec2InstancesTest.assertError;
import static io.selfheal.emulator.services.ec2.Ec2VpcTest.filter;
import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.CreateSnapshotResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.SnapshotInfo;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.Volume;

/** Launch-time EBS volumes, DescribeVolumes, CreateSnapshot(s) and DescribeSnapshots on a virtual clock. */
class Ec2VolumesSnapshotsTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.virtualTime(Instant.parse("2024-01-01T00:00:00Z"));

    private static Emulator emulator;
    private static Ec2Client ec2;

    @BeforeAll
    static void start() {
        emulator = AWS.emulator();
        ec2 = AWS.client(Ec2Client.class);
    }

    private static Instance launch() {
        return ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1).blockDeviceMappings(
                BlockDeviceMapping.builder().deviceName("/dev/sdf").ebs(e -> e.volumeSize(100).volumeType("gp2")
                        .deleteOnTermination(false)).build())).instances().get(0);
    }

    @Test
    void anInstanceGetsAnEightGibGp3RootVolumeAndItsMappedVolumes() {
        Instance i = launch();
        assertThat(i.blockDeviceMappings()).extracting(m -> m.deviceName()).containsExactly("/dev/xvda", "/dev/sdf");
        List<Volume> volumes = ec2.describeVolumes(b -> b.filters(filter("attachment.instance-id", i.instanceId())))
                .volumes();
        assertThat(volumes).hasSize(2);
        Volume root = volumes.get(0);
        assertThat(root.volumeId()).matches("vol-[0-9a-f]{17}")
                .isEqualTo(i.blockDeviceMappings().get(0).ebs().volumeId());
        assertThat(root.size()).isEqualTo(8);
        assertThat(root.volumeTypeAsString()).isEqualTo("gp3");
        assertThat(root.stateAsString()).isEqualTo("in-use");
        assertThat(root.availabilityZone()).isEqualTo("us-east-1a");
        assertThat(root.attachments()).singleElement().satisfies(a -> {
            assertThat(a.instanceId()).isEqualTo(i.instanceId());
            assertThat(a.device()).isEqualTo("/dev/xvda");
            assertThat(a.deleteOnTermination()).isTrue();
        });
        assertThat(volumes.get(1).size()).isEqualTo(100);
        assertThat(ec2.describeVolumes(b -> b.volumeIds(root.volumeId())).volumes()).containsExactly(root);
        assertThat(ec2.describeVolumes(b -> b.filters(filter("volume-id", root.volumeId()),
                filter("status", "available"))).volumes()).isEmpty();
        assertError(() -> ec2.describeVolumes(b -> b.volumeIds("vol-0123456789abcdef0")), "InvalidVolume.NotFound");
    }

    @Test
    void aSnapshotIsPendingUntilTheClockMovesThenCompleted() {
        String volumeId = launch().blockDeviceMappings().get(0).ebs().volumeId();
        assertError(() -> ec2.createSnapshot(b -> b.volumeId(volumeId).dryRun(true)), "DryRunOperation");
        CreateSnapshotResponse s = ec2.createSnapshot(b -> b.volumeId(volumeId).description("before remediation")
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.SNAPSHOT)
                        .tags(Tag.builder().key("reason").value("incident").build()).build()));
        assertThat(s.snapshotId()).matches("snap-[0-9a-f]{17}");
        assertThat(s.stateAsString()).isEqualTo("pending");
        assertThat(s.volumeSize()).isEqualTo(8);
        assertThat(s.tags()).containsExactly(Tag.builder().key("reason").value("incident").build());
        emulator.control().advance(Duration.ofSeconds(1));
        Snapshot done = ec2.describeSnapshots(b -> b.snapshotIds(s.snapshotId()).ownerIds("self")).snapshots().get(0);
        assertThat(done.stateAsString()).isEqualTo("completed");
        assertThat(done.progress()).isEqualTo("100%");
        assertThat(done.description()).isEqualTo("before remediation");
        assertThat(ec2.describeSnapshots(b -> b.filters(filter("volume-id", volumeId), filter("status", "completed"),
                filter("tag:reason", "incident"))).snapshots()).containsExactly(done);
        assertError(() -> ec2.createSnapshot(b -> b.volumeId("vol-0123456789abcdef0")), "InvalidVolume.NotFound");
        assertError(() -> ec2.describeSnapshots(b -> b.snapshotIds("snap-0123456789abcdef0")),
                "InvalidSnapshot.NotFound");
    }

    @Test
    void createSnapshotsSnapshotsEveryAttachedVolume() {
        Instance i = launch();
        List<SnapshotInfo> all = ec2.createSnapshots(b -> b.instanceSpecification(s -> s.instanceId(i.instanceId()))
                .description("forensics")).snapshots();
        assertThat(all).hasSize(2).allSatisfy(s -> assertThat(s.stateAsString()).isEqualTo("pending"));
        List<SnapshotInfo> data = ec2.createSnapshots(b -> b.instanceSpecification(s -> s.instanceId(i.instanceId())
                .excludeBootVolume(true))).snapshots();
        assertThat(data).singleElement().satisfies(s -> assertThat(s.volumeSize()).isEqualTo(100));
        assertError(() -> ec2.createSnapshots(b -> b.instanceSpecification(s -> s.instanceId(i.instanceId()))
                .dryRun(true)), "DryRunOperation");
        assertError(() -> ec2.createSnapshots(b -> b.instanceSpecification(s -> s.instanceId("i-0123456789abcdef0"))),
                "InvalidInstanceID.NotFound");
    }
}
