package io.selfheal.emulator.services.ec2;

import static io.selfheal.emulator.services.ec2.Ec2InstancesTest.assertError;
import static io.selfheal.emulator.services.ec2.Ec2VpcTest.filter;
import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.EmulatorExtension;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfileAssociation;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;
import software.amazon.awssdk.services.ec2.model.InstanceBlockDeviceMappingSpecification;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SnapshotInfo;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * What containing an instance changes: stop protection (StopInstances refused with "The instance '…' may not be
 * stopped. Modify its 'disableApiStop' instance attribute and try again."), shutdown behaviour, a volume's
 * DeleteOnTermination, instance profile associations
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AssociateIamInstanceProfile.html) and snapshots of
 * every volume with tags.
 */
class Ec2ContainmentAttributesTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();
    private static final String PROFILE = "arn:aws:iam::000000000000:instance-profile/web";

    private static Ec2Client ec2;

    @BeforeAll
    static void start() {
        ec2 = AWS.client(Ec2Client.class);
    }

    private static String launchWithDataVolume() {
        return ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1)
                .iamInstanceProfile(p -> p.arn(PROFILE))
                .blockDeviceMappings(BlockDeviceMapping.builder().deviceName("/dev/sdf")
                        .ebs(EbsBlockDevice.builder().volumeSize(20).build()).build())
                .tagSpecifications(t -> t.resourceType(ResourceType.VOLUME)
                        .tags(Tag.builder().key("app").value("web").build()))).instances().get(0).instanceId();
    }

    private static void awaitRunning(String id) {
        Awaitility.await().until(() -> ec2.describeInstances(b -> b.instanceIds(id)).reservations().get(0)
                .instances().get(0).state().nameAsString().equals("running"));
    }

    @Test
    void stopProtectionRefusesStopInstances() {
        String id = launchWithDataVolume();
        awaitRunning(id);
        ec2.modifyInstanceAttribute(b -> b.instanceId(id).disableApiStop(v -> v.value(true)));
        assertThat(ec2.describeInstanceAttribute(b -> b.instanceId(id).attribute(InstanceAttributeName.DISABLE_API_STOP))
                .disableApiStop().value()).isTrue();
        var refused = assertError(() -> ec2.stopInstances(b -> b.instanceIds(id)), "OperationNotPermitted");
        assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo("The instance '" + id
                + "' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.");
        ec2.modifyInstanceAttribute(b -> b.instanceId(id).disableApiTermination(v -> v.value(true)));
        assertError(() -> ec2.terminateInstances(b -> b.instanceIds(id)), "OperationNotPermitted");

        ec2.modifyInstanceAttribute(b -> b.instanceId(id).instanceInitiatedShutdownBehavior(v -> v.value("stop")));
        assertThat(ec2.describeInstanceAttribute(b -> b.instanceId(id)
                .attribute(InstanceAttributeName.INSTANCE_INITIATED_SHUTDOWN_BEHAVIOR))
                .instanceInitiatedShutdownBehavior().value()).isEqualTo("stop");
        assertError(() -> ec2.modifyInstanceAttribute(b -> b.instanceId(id)
                .instanceInitiatedShutdownBehavior(v -> v.value("hibernate"))), "InvalidParameterValue");

        ec2.modifyInstanceAttribute(b -> b.instanceId(id).disableApiStop(v -> v.value(false)));
        ec2.stopInstances(b -> b.instanceIds(id));
    }

    @Test
    void deleteOnTerminationIsChangedPerDevice() {
        String id = launchWithDataVolume();
        ec2.modifyInstanceAttribute(b -> b.instanceId(id).blockDeviceMappings(InstanceBlockDeviceMappingSpecification
                .builder().deviceName("/dev/xvda").ebs(e -> e.deleteOnTermination(false)).build()));
        var mapping = ec2.describeInstanceAttribute(b -> b.instanceId(id)
                .attribute(InstanceAttributeName.BLOCK_DEVICE_MAPPING)).blockDeviceMappings();
        assertThat(mapping).extracting(m -> m.deviceName() + "=" + m.ebs().deleteOnTermination())
                .containsExactly("/dev/xvda=false", "/dev/sdf=true");
        assertError(() -> ec2.modifyInstanceAttribute(b -> b.instanceId(id).blockDeviceMappings(
                InstanceBlockDeviceMappingSpecification.builder().deviceName("/dev/sdz")
                        .ebs(e -> e.deleteOnTermination(false)).build())), "InvalidInstanceAttributeValue");
        assertError(() -> ec2.modifyInstanceAttribute(b -> b.instanceId(id).disableApiStop(v -> v.value(true))
                .disableApiTermination(v -> v.value(true))), "InvalidParameterCombination");
    }

    @Test
    void anInstanceProfileIsAssociatedReplacedAndDisassociated() {
        String id = launchWithDataVolume();
        assertThat(ec2.describeInstances(b -> b.instanceIds(id)).reservations().get(0).instances().get(0)
                .iamInstanceProfile().arn()).isEqualTo(PROFILE);
        IamInstanceProfileAssociation launched = ec2.describeIamInstanceProfileAssociations(b -> b.filters(
                filter("instance-id", id))).iamInstanceProfileAssociations().get(0);
        assertThat(launched.associationId()).matches("iip-assoc-[0-9a-f]{17}");
        assertThat(launched.stateAsString()).isEqualTo("associated");
        assertThat(launched.iamInstanceProfile().id()).startsWith("AIPA");
        assertError(() -> ec2.associateIamInstanceProfile(b -> b.instanceId(id)
                .iamInstanceProfile(p -> p.name("other"))), "IncorrectState");

        IamInstanceProfileAssociation replaced = ec2.replaceIamInstanceProfileAssociation(b -> b
                .associationId(launched.associationId()).iamInstanceProfile(p -> p.name("quarantine")))
                .iamInstanceProfileAssociation();
        assertThat(replaced.iamInstanceProfile().arn())
                .isEqualTo("arn:aws:iam::123456789012:instance-profile/quarantine");
        assertThat(replaced.associationId()).isNotEqualTo(launched.associationId());

        assertThat(ec2.disassociateIamInstanceProfile(b -> b.associationId(replaced.associationId()))
                .iamInstanceProfileAssociation().stateAsString()).isEqualTo("disassociating");
        assertThat(ec2.describeIamInstanceProfileAssociations(b -> b.filters(filter("instance-id", id)))
                .iamInstanceProfileAssociations()).isEmpty();
        assertThat(ec2.describeInstances(b -> b.instanceIds(id)).reservations().get(0).instances().get(0)
                .iamInstanceProfile()).isNull();
        assertError(() -> ec2.disassociateIamInstanceProfile(b -> b.associationId(replaced.associationId())),
                "InvalidAssociationID.NotFound");
        assertError(() -> ec2.associateIamInstanceProfile(b -> b.instanceId(id)
                .iamInstanceProfile(p -> p.arn("arn:aws:iam::000000000000:role/web"))), "InvalidParameterValue");
        ec2.associateIamInstanceProfile(b -> b.instanceId(id).iamInstanceProfile(p -> p.arn(PROFILE)));
    }

    @Test
    void createSnapshotsTakesEveryVolumeWithItsTagsAndTheGivenOnes() {
        String id = launchWithDataVolume();
        var snapshots = ec2.createSnapshots(b -> b.instanceSpecification(s -> s.instanceId(id))
                .copyTagsFromSource("volume").tagSpecifications(t -> t.resourceType(ResourceType.SNAPSHOT)
                        .tags(Tag.builder().key("FindingId").value("f1").build()))).snapshots();
        assertThat(snapshots).hasSize(2);
        assertThat(snapshots).allSatisfy(s -> assertThat(s.tags()).extracting(Tag::key)
                .containsExactly("app", "FindingId"));
        assertThat(ec2.describeSnapshots(b -> b.filters(filter("tag:FindingId", "f1"))).snapshots())
                .extracting(software.amazon.awssdk.services.ec2.model.Snapshot::volumeId)
                .containsExactlyInAnyOrderElementsOf(snapshots.stream().map(SnapshotInfo::volumeId).toList());
    }
}
