package io.selfheal.emulator.services.ec2;

import static io.selfheal.emulator.services.ec2.Ec2InstancesTest.assertError;
import static io.selfheal.emulator.services.ec2.Ec2VpcTest.filter;
import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.EmulatorExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * CreateVpc, CreateSubnet, DeleteSubnet, DeleteVpc through the SDK: sizes and overlaps as "VPC CIDR blocks" says
 * (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html), a VPC's default group, dependencies.
 */
class Ec2VpcLifecycleTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();

    private static Ec2Client ec2;

    @BeforeAll
    static void start() {
        ec2 = AWS.client(Ec2Client.class);
    }

    @Test
    void aVpcWithASubnetAndAnInstanceInIt() {
        Vpc vpc = ec2.createVpc(b -> b.cidrBlock("10.20.0.0/16").tagSpecifications(t -> t
                .resourceType(ResourceType.VPC).tags(Tag.builder().key("Name").value("isolated").build()))).vpc();
        assertThat(vpc.vpcId()).matches("vpc-[0-9a-f]{17}");
        assertThat(vpc.isDefault()).isFalse();
        assertThat(vpc.tags()).extracting(Tag::value).containsExactly("isolated");
        assertThat(ec2.describeVpcs(b -> b.vpcIds(vpc.vpcId())).vpcs().get(0).stateAsString()).isEqualTo("available");
        SecurityGroup group = ec2.describeSecurityGroups(b -> b.filters(filter("vpc-id", vpc.vpcId())))
                .securityGroups().get(0);
        assertThat(group.groupName()).isEqualTo("default");

        Subnet subnet = ec2.createSubnet(b -> b.vpcId(vpc.vpcId()).cidrBlock("10.20.1.0/24")
                .availabilityZone("us-east-1b")).subnet();
        assertThat(subnet.availableIpAddressCount()).isEqualTo(251);
        assertThat(subnet.defaultForAz()).isFalse();
        var instance = ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1)
                .subnetId(subnet.subnetId())).instances().get(0);
        assertThat(instance.privateIpAddress()).isEqualTo("10.20.1.4");
        assertThat(instance.vpcId()).isEqualTo(vpc.vpcId());
        assertThat(instance.securityGroups()).singleElement().satisfies(g -> assertThat(g.groupId())
                .isEqualTo(group.groupId()));

        assertError(() -> ec2.deleteSubnet(b -> b.subnetId(subnet.subnetId())), "DependencyViolation");
        assertError(() -> ec2.deleteVpc(b -> b.vpcId(vpc.vpcId())), "DependencyViolation");
    }

    @Test
    void cidrBlocksAreCheckedAsAwsDoes() {
        assertError(() -> ec2.createVpc(b -> b.cidrBlock("10.0.0.0/8")), "InvalidVpc.Range");
        assertError(() -> ec2.createVpc(b -> b.cidrBlock("10.0.0.1/16")), "InvalidParameterValue");
        assertError(() -> ec2.createVpc(b -> b.instanceTenancy("default")), "MissingParameter");
        String vpc = ec2.createVpc(b -> b.cidrBlock("10.30.0.0/16")).vpc().vpcId();
        ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.30.0.0/24"));
        assertError(() -> ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.30.0.128/25")), "InvalidSubnet.Conflict");
        assertError(() -> ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.31.0.0/24")), "InvalidSubnet.Range");
        assertError(() -> ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.30.9.0/29")), "InvalidSubnet.Range");
        assertError(() -> ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.30.9.0/24").availabilityZone("us-east-1z")),
                "InvalidParameterValue");
        assertError(() -> ec2.createSubnet(b -> b.vpcId("vpc-0123456789abcdef0").cidrBlock("10.30.9.0/24")),
                "InvalidVpcID.NotFound");
    }

    @Test
    void anEmptyVpcIsDeletedWithItsDefaultGroup() {
        String vpc = ec2.createVpc(b -> b.cidrBlock("10.40.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.40.0.0/20")).subnet().subnetId();
        String extra = ec2.createSecurityGroup(b -> b.vpcId(vpc).groupName("extra").description("d")).groupId();
        assertError(() -> ec2.deleteVpc(b -> b.vpcId(vpc)), "DependencyViolation");
        ec2.deleteSubnet(b -> b.subnetId(subnet));
        assertError(() -> ec2.deleteVpc(b -> b.vpcId(vpc)), "DependencyViolation");
        ec2.deleteSecurityGroup(b -> b.groupId(extra));
        ec2.deleteVpc(b -> b.vpcId(vpc));
        assertError(() -> ec2.describeVpcs(b -> b.vpcIds(vpc)), "InvalidVpcID.NotFound");
        assertThat(ec2.describeSecurityGroups(b -> b.filters(filter("vpc-id", vpc))).securityGroups()).isEmpty();
        assertError(() -> ec2.deleteSubnet(b -> b.subnetId(subnet)), "InvalidSubnetID.NotFound");
    }
}
