package io.selfheal.emulator.services.ec2;

import static io.selfheal.emulator.services.ec2.Ec2InstancesTest.assertError;
import static io.selfheal.emulator.services.ec2.Ec2InstancesTest.filter;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.AllocateAddressResponse;
import software.amazon.awssdk.services.ec2.model.DomainType;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceSpecification;
import software.amazon.awssdk.services.ec2.model.ResourceType;

/**
 * Elastic IP addresses through the SDK: AllocateAddress, DescribeAddresses with its filters, AssociateAddress with an
 * instance or an interface (AllowReassociation), DisassociateAddress and ReleaseAddress, as the API reference and "Elastic
 * IP addresses" (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html) describe them: an
 * Elastic IP owned by the account replaces the instance's auto-assigned address, which comes back as a new one when the
 * Elastic IP is disassociated; ReleaseAddress refuses an address still associated in a non-default VPC
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ReleaseAddress.html).
 */
class Ec2ElasticIpsTest {
    @RegisterExtension
    final VirtualEc2 cloud = new VirtualEc2();

    private Ec2Client ec2() {
        return cloud.ec2;
    }

    private Instance launch(InstanceNetworkInterfaceSpecification... interfaces) {
        String id = ec2().runInstances(b -> b.imageId(VirtualEc2.AMI).minCount(1).maxCount(1)
                .networkInterfaces(interfaces)).instances().get(0).instanceId();
        cloud.advance(Duration.ofSeconds(1));
        return describe(id);
    }

    private Instance launchPublic() {
        String id = ec2().runInstances(b -> b.imageId(VirtualEc2.AMI).minCount(1).maxCount(1)).instances().get(0)
                .instanceId();
        cloud.advance(Duration.ofSeconds(1));
        return describe(id);
    }

    private Instance describe(String id) {
        return ec2().describeInstances(b -> b.instanceIds(id)).reservations().get(0).instances().get(0);
    }

    private Address address(String allocationId) {
        return ec2().describeAddresses(b -> b.allocationIds(allocationId)).addresses().get(0);
    }

    private AllocateAddressResponse allocate() {
        return ec2().allocateAddress(b -> b.domain(DomainType.VPC));
    }

    @Test
    void anElasticIpReplacesTheAutoAssignedAddressAndANewOneComesBackWhenItLeaves() {
        Instance i = launchPublic();
        String auto = i.publicIpAddress();
        AllocateAddressResponse eip = ec2().allocateAddress(b -> b.domain(DomainType.VPC).tagSpecifications(t -> t
                .resourceType(ResourceType.ELASTIC_IP).tags(g -> g.key("team").value("sec"))));
        assertThat(eip.allocationId()).matches("eipalloc-[0-9a-f]{17}");
        assertThat(eip.domain()).isEqualTo(DomainType.VPC);
        assertThat(eip.publicIp()).isNotEqualTo(auto);
        assertThat(eip.publicIpv4Pool()).isEqualTo("amazon");

        String associationId = ec2().associateAddress(b -> b.allocationId(eip.allocationId())
                .instanceId(i.instanceId())).associationId();
        assertThat(associationId).matches("eipassoc-[0-9a-f]{17}");
        Instance with = describe(i.instanceId());
        assertThat(with.publicIpAddress()).isEqualTo(eip.publicIp());
        assertThat(with.networkInterfaces().get(0).association().ipOwnerId())
                .isEqualTo(cloud.emulator.accountId());
        var eni = ec2().describeNetworkInterfaces(b -> b.networkInterfaceIds(
                i.networkInterfaces().get(0).networkInterfaceId())).networkInterfaces().get(0);
        assertThat(eni.association().allocationId()).isEqualTo(eip.allocationId());
        assertThat(eni.association().associationId()).isEqualTo(associationId);

        Address described = address(eip.allocationId());
        assertThat(described.instanceId()).isEqualTo(i.instanceId());
        assertThat(described.associationId()).isEqualTo(associationId);
        assertThat(described.networkInterfaceId()).isEqualTo(eni.networkInterfaceId());
        assertThat(described.privateIpAddress()).isEqualTo(i.privateIpAddress());
        assertThat(described.networkInterfaceOwnerId()).isEqualTo(cloud.emulator.accountId());
        assertThat(described.tags()).singleElement().satisfies(t -> assertThat(t.value()).isEqualTo("sec"));
        assertThat(ec2().describeAddresses(b -> b.filters(filter("instance-id", i.instanceId()))).addresses())
                .extracting(Address::allocationId).containsExactly(eip.allocationId());
        assertThat(ec2().describeAddresses(b -> b.filters(filter("tag:team", "sec"), filter("domain", "vpc")))
                .addresses()).hasSize(1);
        assertThat(ec2().describeAddresses(b -> b.publicIps(eip.publicIp())).addresses()).hasSize(1);

        // Stopped, the instance keeps its Elastic IP.
        ec2().stopInstances(b -> b.instanceIds(i.instanceId()));
        cloud.advance(Duration.ofSeconds(1));
        assertThat(describe(i.instanceId()).publicIpAddress()).isEqualTo(eip.publicIp());
        ec2().startInstances(b -> b.instanceIds(i.instanceId()));
        cloud.advance(Duration.ofSeconds(1));
        assertThat(describe(i.instanceId()).publicIpAddress()).isEqualTo(eip.publicIp());

        ec2().disassociateAddress(b -> b.associationId(associationId));
        String after = describe(i.instanceId()).publicIpAddress();
        assertThat(after).isNotNull().isNotEqualTo(eip.publicIp()).isNotEqualTo(auto);
        assertThat(address(eip.allocationId()).associationId()).isNull();
        assertThat(ec2().describeAddresses(b -> b.filters(filter("association-id", associationId))).addresses())
                .isEmpty();
        assertError(() -> ec2().disassociateAddress(b -> b.associationId(associationId)),
                "InvalidAssociationID.NotFound");

        ec2().releaseAddress(b -> b.allocationId(eip.allocationId()));
        assertError(() -> address(eip.allocationId()), "InvalidAllocationID.NotFound");
    }

    @Test
    void anAssociatedAddressMovesOnlyWithAllowReassociation() {
        Instance a = launchPublic();
        Instance b = launchPublic();
        String eip = allocate().allocationId();
        ec2().associateAddress(r -> r.allocationId(eip).instanceId(a.instanceId()));
        assertError(() -> ec2().associateAddress(r -> r.allocationId(eip).instanceId(b.instanceId())),
                "Resource.AlreadyAssociated");

        String moved = ec2().associateAddress(r -> r.allocationId(eip).networkInterfaceId(
                b.networkInterfaces().get(0).networkInterfaceId()).allowReassociation(true)).associationId();
        assertThat(address(eip).instanceId()).isEqualTo(b.instanceId());
        assertThat(address(eip).associationId()).isEqualTo(moved);
        assertThat(describe(b.instanceId()).publicIpAddress()).isEqualTo(address(eip).publicIp());
        // The instance it left gets an auto-assigned address again.
        assertThat(describe(a.instanceId()).publicIpAddress()).isNotNull().isNotEqualTo(address(eip).publicIp());

        // A second Elastic IP on the same interface replaces the first, which stays allocated.
        String second = allocate().allocationId();
        ec2().associateAddress(r -> r.allocationId(second).instanceId(b.instanceId()));
        assertThat(address(eip).associationId()).isNull();
        assertThat(describe(b.instanceId()).publicIpAddress()).isEqualTo(address(second).publicIp());
    }

    @Test
    void refusalsAsEc2AnswersThem() {
        String eip = allocate().allocationId();
        String subnet = ec2().describeSubnets(b -> b.filters(filter("availability-zone", "us-east-1a"))).subnets()
                .get(0).subnetId();
        Instance two = launch(InstanceNetworkInterfaceSpecification.builder().deviceIndex(0).subnetId(subnet).build(),
                InstanceNetworkInterfaceSpecification.builder().deviceIndex(1).subnetId(subnet).build());
        var multiple = assertError(() -> ec2().associateAddress(r -> r.allocationId(eip).instanceId(two.instanceId())),
                "InvalidInstanceID");
        assertThat(multiple.awsErrorDetails().errorMessage()).contains("multiple interfaces");
        assertError(() -> ec2().associateAddress(r -> r.allocationId(eip)), "MissingParameter");
        assertError(() -> ec2().associateAddress(r -> r.allocationId("eipalloc-12345678")
                .instanceId(two.instanceId())), "InvalidAllocationID.NotFound");
        assertError(() -> ec2().associateAddress(r -> r.allocationId("eip-1").instanceId(two.instanceId())),
                "InvalidAllocationID.Malformed");
        assertError(() -> ec2().associateAddress(r -> r.allocationId(eip).networkInterfaceId(
                two.networkInterfaces().get(1).networkInterfaceId()).privateIpAddress("172.31.99.99")),
                "InvalidParameterValue");
        assertError(() -> ec2().releaseAddress(r -> r.publicIp(address(eip).publicIp())), "InvalidParameterValue");
        assertError(() -> ec2().describeAddresses(r -> r.publicIps("192.0.2.254")), "InvalidAddress.NotFound");
        assertError(() -> ec2().describeAddresses(r -> r.filters(filter("bogus", "x"))), "InvalidParameterValue");
        assertError(() -> ec2().allocateAddress(r -> r.dryRun(true)), "DryRunOperation");

        // The default quota is five addresses per Region.
        for (int k = 1; k < ElasticIpHandlers.LIMIT; k++) {
            allocate();
        }
        assertError(this::allocate, "AddressLimitExceeded");
    }

    @Test
    void releaseRefusesAnAddressInUseInANonDefaultVpcAndDisassociatesItInTheDefaultOne() {
        String vpc = ec2().createVpc(b -> b.cidrBlock("10.1.0.0/16")).vpc().vpcId();
        String subnet = ec2().createSubnet(b -> b.vpcId(vpc).cidrBlock("10.1.0.0/24")).subnet().subnetId();
        Instance inVpc = launch(InstanceNetworkInterfaceSpecification.builder().deviceIndex(0).subnetId(subnet)
                .build());
        String eip = allocate().allocationId();
        String association = ec2().associateAddress(r -> r.allocationId(eip).instanceId(inVpc.instanceId()))
                .associationId();
        var inUse = assertError(() -> ec2().releaseAddress(r -> r.allocationId(eip)), "InvalidIPAddress.InUse");
        assertThat(inUse.awsErrorDetails().errorMessage()).contains(address(eip).publicIp());
        ec2().disassociateAddress(r -> r.associationId(association));
        // An instance launched without a public address gets none back.
        assertThat(describe(inVpc.instanceId()).publicIpAddress()).isNull();
        ec2().releaseAddress(r -> r.allocationId(eip));

        Instance inDefault = launchPublic();
        String other = allocate().allocationId();
        ec2().associateAddress(r -> r.allocationId(other).instanceId(inDefault.instanceId()));
        ec2().releaseAddress(r -> r.allocationId(other));
        assertThat(ec2().describeAddresses().addresses()).isEmpty();
        assertThat(describe(inDefault.instanceId()).publicIpAddress()).isNotNull();
    }

    @Test
    void terminatingTheInstanceLetsGoOfTheElasticIpWhichStaysAllocated() {
        Instance i = launchPublic();
        String eip = allocate().allocationId();
        ec2().associateAddress(r -> r.allocationId(eip).instanceId(i.instanceId()));
        ec2().terminateInstances(r -> r.instanceIds(i.instanceId()));
        cloud.advance(Duration.ofSeconds(1));
        Address left = address(eip);
        assertThat(left.associationId()).isNull();
        assertThat(left.instanceId()).isNull();
        assertThat(ec2().describeNetworkInterfaces(r -> r.filters(filter("association.allocation-id", eip)))
                .networkInterfaces()).isEmpty();
        assertThat(List.of(ec2().describeInstances(r -> r.filters(filter("ip-address", left.publicIp())))
                .reservations().toArray())).isEmpty();
    }
}
