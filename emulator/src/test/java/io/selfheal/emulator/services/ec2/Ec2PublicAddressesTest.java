package io.selfheal.emulator.services.ec2;

import static io.selfheal.emulator.services.ec2.Ec2InstancesTest.assertError;
import static io.selfheal.emulator.services.ec2.Ec2InstancesTest.filter;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceSpecification;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * Public IPv4 addresses through the SDK: a subnet's MapPublicIpOnLaunch (default subnets map, others do not:
 * https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc-components.html), RunInstances'
 * AssociatePublicIpAddress and its limits
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_InstanceNetworkInterfaceSpecification.html), the
 * addresses on the instance and its interface and the filters on them, and the address released at stop and a new one
 * at start ("Public IPv4 addresses",
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html#concepts-public-addresses).
 */
class Ec2PublicAddressesTest {
    @RegisterExtension
    final VirtualEc2 cloud = new VirtualEc2();

    private Ec2Client ec2() {
        return cloud.ec2;
    }

    private Subnet defaultSubnet() {
        return ec2().describeSubnets(b -> b.filters(filter("default-for-az", "true"),
                filter("availability-zone", "us-east-1a"))).subnets().get(0);
    }

    private String privateSubnet() {
        String vpc = ec2().createVpc(b -> b.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        return ec2().createSubnet(b -> b.vpcId(vpc).cidrBlock("10.0.1.0/24")).subnet().subnetId();
    }

    private Instance launch(String subnet) {
        String id = ec2().runInstances(b -> b.imageId(VirtualEc2.AMI).minCount(1).maxCount(1).subnetId(subnet))
                .instances().get(0).instanceId();
        return describe(id);
    }

    private Instance launch(InstanceNetworkInterfaceSpecification... interfaces) {
        String id = ec2().runInstances(b -> b.imageId(VirtualEc2.AMI).minCount(1).maxCount(1)
                .networkInterfaces(interfaces)).instances().get(0).instanceId();
        return describe(id);
    }

    private Instance describe(String id) {
        return ec2().describeInstances(b -> b.instanceIds(id)).reservations().get(0).instances().get(0);
    }

    private List<String> instancesWhere(String filter, String value) {
        return ec2().describeInstances(b -> b.filters(filter(filter, value))).reservations().stream()
                .map(Reservation::instances).flatMap(List::stream).map(Instance::instanceId).toList();
    }

    @Test
    void defaultSubnetsMapPublicAddressesAndNewSubnetsDoNotUntilModified() {
        assertThat(ec2().describeSubnets().subnets()).filteredOn(Subnet::defaultForAz).hasSize(3)
                .allMatch(Subnet::mapPublicIpOnLaunch);
        String subnet = privateSubnet();
        Subnet created = ec2().describeSubnets(b -> b.subnetIds(subnet)).subnets().get(0);
        assertThat(created.mapPublicIpOnLaunch()).isFalse();

        ec2().modifySubnetAttribute(b -> b.subnetId(subnet).mapPublicIpOnLaunch(v -> v.value(true)));
        assertThat(ec2().describeSubnets(b -> b.filters(filter("map-public-ip-on-launch", "true"))).subnets())
                .hasSize(4).anyMatch(s -> s.subnetId().equals(subnet));
        ec2().modifySubnetAttribute(b -> b.subnetId(subnet).mapPublicIpOnLaunch(v -> v.value(false)));
        assertThat(ec2().describeSubnets(b -> b.filters(filter("map-public-ip-on-launch", "false"))).subnets())
                .extracting(Subnet::subnetId).containsExactly(subnet);

        assertError(() -> ec2().modifySubnetAttribute(b -> b.subnetId(subnet)), "InvalidParameterCombination");
        assertError(() -> ec2().modifySubnetAttribute(b -> b.subnetId("subnet-12345678")
                .mapPublicIpOnLaunch(v -> v.value(true))), "InvalidSubnetID.NotFound");
        assertError(() -> ec2().modifySubnetAttribute(b -> b.subnetId(subnet)
                .assignIpv6AddressOnCreation(v -> v.value(true))), "UnsupportedOperation");
        assertThat(ec2().describeSubnets(b -> b.subnetIds(subnet)).subnets().get(0).mapPublicIpOnLaunch()).isFalse();
    }

    @Test
    void anInstanceInADefaultSubnetGetsAPublicAddressOnItsPrimaryInterface() {
        Instance i = launch(defaultSubnet().subnetId());
        assertThat(i.publicIpAddress()).matches("(203\\.0\\.113|198\\.51\\.100|192\\.0\\.2)\\.\\d+");
        assertThat(i.publicDnsName()).isEqualTo("ec2-" + i.publicIpAddress().replace('.', '-')
                + ".compute-1.amazonaws.com");
        var association = i.networkInterfaces().get(0).association();
        assertThat(association.publicIp()).isEqualTo(i.publicIpAddress());
        assertThat(association.publicDnsName()).isEqualTo(i.publicDnsName());
        assertThat(association.ipOwnerId()).isEqualTo("amazon");
        assertThat(i.networkInterfaces().get(0).privateIpAddresses().get(0).association().publicIp())
                .isEqualTo(i.publicIpAddress());

        NetworkInterface eni = ec2().describeNetworkInterfaces(b -> b.filters(
                filter("association.public-ip", i.publicIpAddress()))).networkInterfaces().get(0);
        assertThat(eni.attachment().instanceId()).isEqualTo(i.instanceId());
        assertThat(eni.association().ipOwnerId()).isEqualTo("amazon");
        assertThat(eni.association().allocationId()).isNull();

        assertThat(instancesWhere("ip-address", i.publicIpAddress())).containsExactly(i.instanceId());
        assertThat(instancesWhere("network-interface.addresses.association.public-ip", i.publicIpAddress()))
                .containsExactly(i.instanceId());
        assertThat(instancesWhere("dns-name", i.publicDnsName())).containsExactly(i.instanceId());
        assertThat(instancesWhere("ip-address", "192.0.2.250")).isEmpty();
    }

    @Test
    void aNonDefaultSubnetGivesNoPublicAddressUnlessTheLaunchAsksForOne() {
        String subnet = privateSubnet();
        Instance plain = launch(subnet);
        assertThat(plain.publicIpAddress()).isNull();
        assertThat(plain.publicDnsName()).isEmpty();
        assertThat(plain.networkInterfaces().get(0).association()).isNull();
        assertThat(instancesWhere("ip-address", "*")).doesNotContain(plain.instanceId());

        Instance asked = launch(InstanceNetworkInterfaceSpecification.builder().deviceIndex(0).subnetId(subnet)
                .associatePublicIpAddress(true).build());
        assertThat(asked.publicIpAddress()).isNotNull().isNotEqualTo(plain.publicIpAddress());
        // A new VPC has no DNS hostnames, so its public addresses have no DNS name.
        assertThat(asked.publicDnsName()).isEmpty();

        Instance declined = launch(InstanceNetworkInterfaceSpecification.builder().deviceIndex(0)
                .subnetId(defaultSubnet().subnetId()).associatePublicIpAddress(false).build());
        assertThat(declined.publicIpAddress()).isNull();
    }

    @Test
    void associatePublicIpAddressIsOnlyForASingleNewInterface() {
        String subnet = defaultSubnet().subnetId();
        var error = assertError(() -> launch(
                InstanceNetworkInterfaceSpecification.builder().deviceIndex(0).subnetId(subnet)
                        .associatePublicIpAddress(true).build(),
                InstanceNetworkInterfaceSpecification.builder().deviceIndex(1).subnetId(subnet).build()),
                "InvalidParameterCombination");
        assertThat(error.awsErrorDetails().errorMessage()).contains("multiple network interfaces");
        String existing = ec2().createNetworkInterface(b -> b.subnetId(subnet)).networkInterface()
                .networkInterfaceId();
        assertError(() -> launch(InstanceNetworkInterfaceSpecification.builder().deviceIndex(0)
                .networkInterfaceId(existing).associatePublicIpAddress(true).build()), "InvalidParameterCombination");

        // Two interfaces in a default subnet: no address is auto-assigned.
        Instance two = launch(InstanceNetworkInterfaceSpecification.builder().deviceIndex(0).subnetId(subnet).build(),
                InstanceNetworkInterfaceSpecification.builder().deviceIndex(1).subnetId(subnet).build());
        assertThat(two.publicIpAddress()).isNull();
        assertThat(two.networkInterfaces()).allMatch(e -> e.association() == null);
    }

    @Test
    void stopReleasesTheAddressAndStartAssignsANewOne() {
        Instance i = launch(defaultSubnet().subnetId());
        String first = i.publicIpAddress();
        cloud.advance(Duration.ofSeconds(1));
        ec2().stopInstances(b -> b.instanceIds(i.instanceId()));
        assertThat(describe(i.instanceId()).publicIpAddress()).isNull();
        cloud.advance(Duration.ofSeconds(1));
        ec2().startInstances(b -> b.instanceIds(i.instanceId()));
        Instance restarted = describe(i.instanceId());
        assertThat(restarted.publicIpAddress()).isNotNull().isNotEqualTo(first);
        assertThat(restarted.networkInterfaces().get(0).association().publicIp())
                .isEqualTo(restarted.publicIpAddress());

        ec2().terminateInstances(b -> b.instanceIds(i.instanceId()));
        assertThat(describe(i.instanceId()).publicIpAddress()).isNull();
        assertThat(instancesWhere("ip-address", restarted.publicIpAddress())).isEmpty();
    }
}
