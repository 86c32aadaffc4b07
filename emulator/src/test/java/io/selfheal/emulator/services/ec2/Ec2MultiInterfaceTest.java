package io.selfheal.emulator.services.ec2;

import static io.selfheal.emulator.services.ec2.Ec2InstancesTest.assertError;
import static io.selfheal.emulator.services.ec2.Ec2VpcTest.filter;
import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.EmulatorExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceSpecification;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceStatus;

/**
 * Instances with several network interfaces: RunInstances' NetworkInterfaces, CreateNetworkInterface,
 * AttachNetworkInterface, DetachNetworkInterface, DeleteNetworkInterface and DescribeNetworkInterfaces' filters, with
 * the errors AWS answers (the primary cannot be detached: "The network interface at device index 0 and networkCard
 * index 0 cannot be detached."; a device index taken; an interface in use).
 */
class Ec2MultiInterfaceTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();

    private static Ec2Client ec2;

    @BeforeAll
    static void start() {
        ec2 = AWS.client(Ec2Client.class);
    }

    private static Instance twoInterfaces(String subnet, String web, String admin) {
        return ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1).networkInterfaces(
                InstanceNetworkInterfaceSpecification.builder().deviceIndex(0).subnetId(subnet).groups(web).build(),
                InstanceNetworkInterfaceSpecification.builder().deviceIndex(1).subnetId(subnet).groups(admin)
                        .description("admin").build())).instances().get(0);
    }

    private static String subnet() {
        return ec2.describeSubnets(b -> b.filters(filter("availability-zone", "us-east-1a"))).subnets().get(0)
                .subnetId();
    }

    private static String group() {
        return ec2.createSecurityGroup(b -> b.groupName(Ec2SecurityGroupsTest.name()).description("d")).groupId();
    }

    @Test
    void runInstancesLaunchesEveryInterfaceWithItsOwnGroups() {
        String subnet = subnet();
        String web = group();
        String admin = group();
        Instance i = twoInterfaces(subnet, web, admin);
        assertThat(i.networkInterfaces()).hasSize(2);
        InstanceNetworkInterface primary = i.networkInterfaces().get(0);
        InstanceNetworkInterface second = i.networkInterfaces().get(1);
        assertThat(primary.attachment().deviceIndex()).isZero();
        assertThat(second.attachment().deviceIndex()).isEqualTo(1);
        assertThat(second.description()).isEqualTo("admin");
        assertThat(primary.privateIpAddress()).isEqualTo(i.privateIpAddress()).isNotEqualTo(second.privateIpAddress());
        assertThat(i.securityGroups()).extracting(GroupIdentifier::groupId).containsExactly(web);
        assertThat(second.groups()).extracting(GroupIdentifier::groupId).containsExactly(admin);

        List<NetworkInterface> attached = ec2.describeNetworkInterfaces(b -> b.filters(
                filter("attachment.instance-id", i.instanceId()))).networkInterfaces();
        assertThat(attached).extracting(NetworkInterface::networkInterfaceId)
                .containsExactlyInAnyOrder(primary.networkInterfaceId(), second.networkInterfaceId());
        assertThat(ec2.describeNetworkInterfaces(b -> b.filters(filter("group-id", admin))).networkInterfaces())
                .extracting(NetworkInterface::networkInterfaceId).containsExactly(second.networkInterfaceId());
        assertThat(ec2.describeInstances(b -> b.filters(filter("network-interface.group-id", admin)))
                .reservations()).hasSize(1);
        assertThat(ec2.describeNetworkInterfaces(b -> b.filters(filter("attachment.instance-id", i.instanceId()),
                filter("subnet-id", subnet), filter("vpc-id", i.vpcId()), filter("attachment.device-index", "1")))
                .networkInterfaces()).hasSize(1);

        assertError(() -> ec2.detachNetworkInterface(b -> b.attachmentId(primary.attachment().attachmentId())),
                "OperationNotPermitted");
        assertError(() -> ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1).subnetId(subnet)
                .networkInterfaces(InstanceNetworkInterfaceSpecification.builder().deviceIndex(0).build())),
                "InvalidParameterCombination");
        assertError(() -> ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1)
                .networkInterfaces(InstanceNetworkInterfaceSpecification.builder().deviceIndex(1).subnetId(subnet)
                        .build())), "InvalidParameterValue");
    }

    @Test
    void anInterfaceIsCreatedAttachedDetachedAndDeleted() {
        String subnet = subnet();
        String group = group();
        Instance i = ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1).subnetId(subnet))
                .instances().get(0);
        NetworkInterface eni = ec2.createNetworkInterface(b -> b.subnetId(subnet).groups(group).description("x"))
                .networkInterface();
        assertThat(eni.status()).isEqualTo(NetworkInterfaceStatus.AVAILABLE);
        assertThat(eni.attachment()).isNull();
        assertThat(eni.groups()).extracting(GroupIdentifier::groupId).containsExactly(group);

        assertError(() -> ec2.attachNetworkInterface(b -> b.networkInterfaceId(eni.networkInterfaceId())
                .instanceId(i.instanceId()).deviceIndex(0)), "InvalidParameterValue");
        String attachment = ec2.attachNetworkInterface(b -> b.networkInterfaceId(eni.networkInterfaceId())
                .instanceId(i.instanceId()).deviceIndex(1)).attachmentId();
        assertThat(attachment).startsWith("eni-attach-");
        assertError(() -> ec2.attachNetworkInterface(b -> b.networkInterfaceId(eni.networkInterfaceId())
                .instanceId(i.instanceId()).deviceIndex(2)), "InvalidNetworkInterface.InUse");
        assertError(() -> ec2.deleteNetworkInterface(b -> b.networkInterfaceId(eni.networkInterfaceId())),
                "InvalidParameterValue");
        Instance described = ec2.describeInstances(b -> b.instanceIds(i.instanceId())).reservations().get(0)
                .instances().get(0);
        assertThat(described.networkInterfaces()).extracting(InstanceNetworkInterface::networkInterfaceId)
                .containsExactly(i.networkInterfaces().get(0).networkInterfaceId(), eni.networkInterfaceId());
        assertThat(described.networkInterfaces().get(1).attachment().deleteOnTermination()).isFalse();

        ec2.detachNetworkInterface(b -> b.attachmentId(attachment));
        assertError(() -> ec2.detachNetworkInterface(b -> b.attachmentId(attachment)), "InvalidAttachmentID.NotFound");
        assertThat(ec2.describeNetworkInterfaces(b -> b.networkInterfaceIds(eni.networkInterfaceId()))
                .networkInterfaces().get(0).status()).isEqualTo(NetworkInterfaceStatus.AVAILABLE);
        ec2.deleteNetworkInterface(b -> b.networkInterfaceId(eni.networkInterfaceId()));
        assertError(() -> ec2.describeNetworkInterfaces(b -> b.networkInterfaceIds(eni.networkInterfaceId())),
                "InvalidNetworkInterfaceID.NotFound");
    }

    @Test
    void terminationDeletesLaunchedInterfacesAndKeepsAttachedOnes() {
        String subnet = subnet();
        Instance i = twoInterfaces(subnet, group(), group());
        NetworkInterface extra = ec2.createNetworkInterface(b -> b.subnetId(subnet)).networkInterface();
        ec2.attachNetworkInterface(b -> b.networkInterfaceId(extra.networkInterfaceId()).instanceId(i.instanceId())
                .deviceIndex(2));
        ec2.terminateInstances(b -> b.instanceIds(i.instanceId()));
        org.awaitility.Awaitility.await().until(() -> ec2.describeInstances(b -> b.instanceIds(i.instanceId()))
                .reservations().get(0).instances().get(0).state().nameAsString().equals("terminated"));
        assertThat(ec2.describeNetworkInterfaces(b -> b.filters(filter("attachment.instance-id", i.instanceId())))
                .networkInterfaces()).isEmpty();
        assertThat(ec2.describeNetworkInterfaces(b -> b.networkInterfaceIds(extra.networkInterfaceId()))
                .networkInterfaces().get(0).status()).isEqualTo(NetworkInterfaceStatus.AVAILABLE);
    }
}
