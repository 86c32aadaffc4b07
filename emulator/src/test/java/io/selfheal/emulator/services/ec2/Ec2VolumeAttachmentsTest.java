package io.selfheal.emulator.services.ec2;

import static io.selfheal.emulator.services.ec2.Ec2InstancesTest.assertError;
import static io.selfheal.emulator.services.ec2.Ec2VpcTest.filter;
import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.EmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttachVolumeResponse;
import software.amazon.awssdk.services.ec2.model.CreateVolumeResponse;
import software.amazon.awssdk.services.ec2.model.DetachVolumeResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * CreateVolume, AttachVolume, DetachVolume and DeleteVolume through the SDK v2, against
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVolume.html,
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AttachVolume.html,
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DetachVolume.html,
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteVolume.html and the error codes of
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html.
 */
class Ec2VolumeAttachmentsTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.virtualTime(Instant.parse("2024-01-01T00:00:00Z"));

    private static Ec2Client ec2;

    @BeforeAll
    static void start() {
        ec2 = AWS.client(Ec2Client.class);
    }

    /** A running instance: AttachVolume refuses a pending one. */
    private static Instance launch(String zone) {
        Instance i = ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1)
                .placement(p -> p.availabilityZone(zone))).instances().get(0);
        AWS.advance(Duration.ofMinutes(1));
        return i;
    }

    private static Volume describe(String volumeId) {
        return ec2.describeVolumes(b -> b.volumeIds(volumeId)).volumes().get(0);
    }

    @Test
    void aNewVolumeIsUnencryptedByDefaultAvailableAndTagged() {
        CreateVolumeResponse v = ec2.createVolume(b -> b.availabilityZone("us-east-1a").size(8)
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.VOLUME)
                        .tags(Tag.builder().key("team").value("web").build()).build()));
        assertThat(v.volumeId()).matches("vol-[0-9a-f]{17}");
        assertThat(v.size()).isEqualTo(8);
        assertThat(v.volumeTypeAsString()).isEqualTo("gp2"); // CreateVolume's documented default
        assertThat(v.encrypted()).isFalse();
        assertThat(v.kmsKeyId()).isNull();
        assertThat(v.tags()).containsExactly(Tag.builder().key("team").value("web").build());
        Volume described = describe(v.volumeId());
        assertThat(described.stateAsString()).isEqualTo("available");
        assertThat(described.attachments()).isEmpty();
        assertThat(described.availabilityZone()).isEqualTo("us-east-1a");
    }

    @Test
    void encryptedVolumesNameTheirKeyAndInheritFromSnapshots() {
        CreateVolumeResponse managed = ec2.createVolume(b -> b.availabilityZone("us-east-1a").size(4).encrypted(true)
                .volumeType("gp3"));
        assertThat(managed.encrypted()).isTrue();
        assertThat(managed.kmsKeyId()).isEqualTo("arn:aws:kms:us-east-1:123456789012:alias/aws/ebs");
        assertThat(managed.iops()).isEqualTo(3000);
        CreateVolumeResponse own = ec2.createVolume(b -> b.availabilityZone("us-east-1a").size(4).encrypted(true)
                .kmsKeyId("1234abcd-12ab-34cd-56ef-1234567890ab"));
        assertThat(own.kmsKeyId()).isEqualTo(
                "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab");
        String snapshot = ec2.createSnapshot(b -> b.volumeId(managed.volumeId())).snapshotId();
        CreateVolumeResponse restored = ec2.createVolume(b -> b.availabilityZone("us-east-1b").snapshotId(snapshot));
        assertThat(restored.size()).isEqualTo(4);
        assertThat(restored.encrypted()).isTrue();
        assertThat(restored.snapshotId()).isEqualTo(snapshot);
        assertError(() -> ec2.createVolume(b -> b.availabilityZone("us-east-1a").snapshotId(snapshot).size(2)),
                "InvalidParameterValue");
    }

    @Test
    void createVolumeRefusesBadInput() {
        assertError(() -> ec2.createVolume(b -> b.size(8)), "MissingParameter");
        assertError(() -> ec2.createVolume(b -> b.availabilityZone("us-east-1a")), "MissingParameter");
        assertError(() -> ec2.createVolume(b -> b.availabilityZone("eu-west-1a").size(8)), "InvalidParameterValue");
        assertError(() -> ec2.createVolume(b -> b.availabilityZone("us-east-1a").size(0)), "InvalidParameterValue");
        assertError(() -> ec2.createVolume(b -> b.availabilityZone("us-east-1a").size(8).volumeType("fast")),
                "InvalidParameterValue");
        assertError(() -> ec2.createVolume(b -> b.availabilityZone("us-east-1a").size(8).kmsKeyId("k")),
                "InvalidParameterDependency");
        assertError(() -> ec2.createVolume(b -> b.availabilityZone("us-east-1a").size(8).snapshotId(
                "snap-0123456789abcdef0")), "InvalidSnapshot.NotFound");
        assertError(() -> ec2.createVolume(b -> b.availabilityZone("us-east-1a").size(8).dryRun(true)),
                "DryRunOperation");
    }

    @Test
    void aVolumeAttachesInUseDetachesAndIsDeleted() {
        Instance i = launch("us-east-1a");
        String id = ec2.createVolume(b -> b.availabilityZone("us-east-1a").size(8)).volumeId();
        AttachVolumeResponse attached = ec2.attachVolume(b -> b.volumeId(id).instanceId(i.instanceId())
                .device("/dev/sdg"));
        assertThat(attached.stateAsString()).isEqualTo("attached");
        assertThat(attached.device()).isEqualTo("/dev/sdg");
        assertThat(attached.instanceId()).isEqualTo(i.instanceId());
        Volume inUse = describe(id);
        assertThat(inUse.stateAsString()).isEqualTo("in-use");
        assertThat(inUse.attachments()).singleElement().satisfies(a -> {
            assertThat(a.instanceId()).isEqualTo(i.instanceId());
            assertThat(a.device()).isEqualTo("/dev/sdg");
            assertThat(a.deleteOnTermination()).isFalse();
        });
        assertThat(ec2.describeVolumes(b -> b.filters(filter("attachment.instance-id", i.instanceId()))).volumes())
                .extracting(Volume::volumeId).contains(id).hasSize(2);
        assertThat(ec2.describeInstances(b -> b.instanceIds(i.instanceId())).reservations().get(0).instances().get(0)
                .blockDeviceMappings()).extracting(m -> m.deviceName()).containsExactly("/dev/xvda", "/dev/sdg");
        assertError(() -> ec2.deleteVolume(b -> b.volumeId(id)), "VolumeInUse");

        DetachVolumeResponse detached = ec2.detachVolume(b -> b.volumeId(id).force(true));
        assertThat(detached.stateAsString()).isEqualTo("detaching");
        assertThat(detached.instanceId()).isEqualTo(i.instanceId());
        assertThat(describe(id).stateAsString()).isEqualTo("available");
        assertThat(describe(id).attachments()).isEmpty();
        assertError(() -> ec2.detachVolume(b -> b.volumeId(id)), "IncorrectState");
        ec2.deleteVolume(b -> b.volumeId(id));
        assertError(() -> ec2.describeVolumes(b -> b.volumeIds(id)), "InvalidVolume.NotFound");
        assertError(() -> ec2.deleteVolume(b -> b.volumeId(id)), "InvalidVolume.NotFound");
    }

    @Test
    void attachVolumeRefusesWhatAwsRefuses() {
        Instance i = launch("us-east-1a");
        String other = ec2.createVolume(b -> b.availabilityZone("us-east-1b").size(8)).volumeId();
        assertError(() -> ec2.attachVolume(b -> b.volumeId(other).instanceId(i.instanceId()).device("/dev/sdh")),
                "InvalidVolume.ZoneMismatch");
        String id = ec2.createVolume(b -> b.availabilityZone("us-east-1a").size(8)).volumeId();
        assertError(() -> ec2.attachVolume(b -> b.volumeId(id).instanceId(i.instanceId())), "MissingParameter");
        assertError(() -> ec2.attachVolume(b -> b.volumeId(id).instanceId(i.instanceId()).device("/dev/xvda")),
                "InvalidParameterValue");
        assertError(() -> ec2.attachVolume(b -> b.volumeId(id).instanceId("i-0123456789abcdef0").device("/dev/sdh")),
                "InvalidInstanceID.NotFound");
        assertError(() -> ec2.attachVolume(b -> b.volumeId(id).instanceId(i.instanceId()).device("/dev/sdh")
                .dryRun(true)), "DryRunOperation");
        ec2.attachVolume(b -> b.volumeId(id).instanceId(i.instanceId()).device("/dev/sdh"));
        Instance j = launch("us-east-1a");
        assertError(() -> ec2.attachVolume(b -> b.volumeId(id).instanceId(j.instanceId()).device("/dev/sdh")),
                "VolumeInUse");
        assertError(() -> ec2.detachVolume(b -> b.volumeId(id).instanceId(j.instanceId())),
                "InvalidAttachment.NotFound");

        ec2.terminateInstances(b -> b.instanceIds(j.instanceId()));
        AWS.advance(Duration.ofMinutes(1));
        String third = ec2.createVolume(b -> b.availabilityZone("us-east-1a").size(8)).volumeId();
        assertError(() -> ec2.attachVolume(b -> b.volumeId(third).instanceId(j.instanceId()).device("/dev/sdh")),
                "IncorrectState");
    }

    @Test
    void aPendingInstanceTakesNoVolume() {
        String pending = ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1)).instances().get(0)
                .instanceId();
        String id = ec2.createVolume(b -> b.availabilityZone("us-east-1a").size(8)).volumeId();
        assertError(() -> ec2.attachVolume(b -> b.volumeId(id).instanceId(pending).device("/dev/sdg")),
                "IncorrectState");
    }

    @Test
    void aVolumeAttachedLaterStaysWhenItsInstanceIsTerminated() {
        Instance i = launch("us-east-1a");
        String id = ec2.createVolume(b -> b.availabilityZone("us-east-1a").size(8)).volumeId();
        ec2.attachVolume(b -> b.volumeId(id).instanceId(i.instanceId()).device("/dev/sdg"));
        ec2.terminateInstances(b -> b.instanceIds(i.instanceId()));
        AWS.advance(Duration.ofMinutes(1));
        assertThat(describe(id).stateAsString()).isEqualTo("available");
    }
}
