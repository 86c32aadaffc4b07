package io.selfheal.emulator.services.ec2;

import static io.selfheal.emulator.services.ec2.Ec2InstancesTest.assertError;
import static io.selfheal.emulator.services.ec2.Ec2VpcTest.filter;
import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;

/** Every instance's primary interface: DescribeInstances, DescribeNetworkInterfaces, ModifyNetworkInterfaceAttribute. */
class Ec2NetworkInterfacesTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();

    private static Emulator emulator;
    private static Ec2Client ec2;

    @BeforeAll
    static void start() {
        emulator = AWS.emulator();
        ec2 = AWS.client(Ec2Client.class);
    }

    @Test
    void anInstanceHasAPrimaryInterfaceInItsSubnetWithItsGroups() {
        String group = ec2.createSecurityGroup(b -> b.groupName(Ec2SecurityGroupsTest.name()).description("d"))
                .groupId();
        Instance i = ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1)
                .securityGroups(ec2.describeSecurityGroups(d -> d.groupIds(group)).securityGroups().get(0)
                        .groupName())).instances().get(0);
        assertThat(i.networkInterfaces()).singleElement().satisfies(e -> {
            assertThat(e.networkInterfaceId()).matches("eni-[0-9a-f]{17}");
            assertThat(e.subnetId()).isEqualTo(i.subnetId());
            assertThat(e.vpcId()).isEqualTo(i.vpcId());
            assertThat(e.privateIpAddress()).isEqualTo(i.privateIpAddress());
            assertThat(e.attachment().deviceIndex()).isZero();
            assertThat(e.groups()).extracting(GroupIdentifier::groupId).containsExactly(group);
        });
        assertThat(i.privateIpAddress()).startsWith("172.31.");
        NetworkInterface eni = ec2.describeNetworkInterfaces(b -> b.filters(
                filter("attachment.instance-id", i.instanceId()))).networkInterfaces().get(0);
        assertThat(eni.networkInterfaceId()).isEqualTo(i.networkInterfaces().get(0).networkInterfaceId());
        assertThat(eni.attachment().instanceId()).isEqualTo(i.instanceId());
        assertThat(eni.statusAsString()).isEqualTo("in-use");
        assertThat(eni.availabilityZone()).isEqualTo("us-east-1a");
        assertThat(ec2.describeNetworkInterfaces(b -> b.filters(filter("group-id", group),
                filter("vpc-id", i.vpcId()))).networkInterfaces()).containsExactly(eni);
    }

    @Test
    void modifyingTheInterfaceGroupsShowsOnTheInstance() {
        Instance i = ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1)).instances().get(0);
        String eni = i.networkInterfaces().get(0).networkInterfaceId();
        String quarantine = ec2.createSecurityGroup(b -> b.groupName(Ec2SecurityGroupsTest.name())
                .description("quarantine")).groupId();
        assertError(() -> ec2.modifyNetworkInterfaceAttribute(b -> b.networkInterfaceId(eni).groups(quarantine)
                .dryRun(true)), "DryRunOperation");
        ec2.modifyNetworkInterfaceAttribute(b -> b.networkInterfaceId(eni).groups(quarantine));
        assertThat(ec2.describeInstances(b -> b.instanceIds(i.instanceId())).reservations().get(0).instances().get(0)
                .securityGroups()).extracting(GroupIdentifier::groupId).containsExactly(quarantine);
        assertError(() -> ec2.modifyNetworkInterfaceAttribute(b -> b.networkInterfaceId(eni)
                .groups("sg-0123456789abcdef0")), "InvalidGroup.NotFound");
        assertError(() -> ec2.modifyNetworkInterfaceAttribute(b -> b.networkInterfaceId("eni-0123456789abcdef0")
                .groups(quarantine)), "InvalidNetworkInterfaceID.NotFound");
        assertError(() -> ec2.describeNetworkInterfaces(b -> b.networkInterfaceIds("eni-0123456789abcdef0")),
                "InvalidNetworkInterfaceID.NotFound");
    }

    @Test
    void runInstancesValidatesSubnetAndGroups() {
        assertError(() -> ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1)
                .subnetId("subnet-0123456789abcdef0")), "InvalidSubnetID.NotFound");
        assertError(() -> ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1)
                .securityGroupIds("sg-0123456789abcdef0")), "InvalidGroup.NotFound");
        assertError(() -> ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1)
                .securityGroups("no-such-group")), "InvalidGroup.NotFound");
    }
}
