package io.selfheal.emulator.services.ec2;

import static io.selfheal.emulator.services.ec2.Ec2InstancesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

/** The default VPC ("Default VPCs" in the VPC User Guide): DescribeVpcs, DescribeSubnets, the default group. */
class Ec2VpcTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();

    private static Emulator emulator;
    private static Ec2Client ec2;

    @BeforeAll
    static void start() {
        emulator = AWS.emulator();
        ec2 = AWS.client(Ec2Client.class);
    }

    static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    @Test
    void everyRegionHasADefaultVpcOf172_31_0_0_16() {
        List<Vpc> vpcs = ec2.describeVpcs().vpcs();
        assertThat(vpcs).hasSize(1);
        Vpc vpc = vpcs.get(0);
        assertThat(vpc.vpcId()).matches("vpc-[0-9a-f]{17}");
        assertThat(vpc.isDefault()).isTrue();
        assertThat(vpc.cidrBlock()).isEqualTo("172.31.0.0/16");
        assertThat(vpc.stateAsString()).isEqualTo("available");
        assertThat(vpc.ownerId()).isEqualTo("123456789012");
        assertThat(vpc.cidrBlockAssociationSet()).singleElement()
                .satisfies(a -> assertThat(a.cidrBlockState().stateAsString()).isEqualTo("associated"));
        assertThat(ec2.describeVpcs(b -> b.vpcIds(vpc.vpcId())).vpcs()).containsExactly(vpc);
        assertThat(ec2.describeVpcs(b -> b.filters(filter("is-default", "true"))).vpcs()).containsExactly(vpc);
        assertThat(ec2.describeVpcs(b -> b.filters(filter("is-default", "false"))).vpcs()).isEmpty();
    }

    @Test
    void oneDefaultSlash20SubnetPerAvailabilityZone() {
        String vpcId = ec2.describeVpcs().vpcs().get(0).vpcId();
        List<Subnet> subnets = ec2.describeSubnets(b -> b.filters(filter("vpc-id", vpcId))).subnets();
        assertThat(subnets).extracting(Subnet::availabilityZone)
                .containsExactly("us-east-1a", "us-east-1b", "us-east-1c");
        assertThat(subnets).extracting(Subnet::cidrBlock)
                .containsExactly("172.31.0.0/20", "172.31.16.0/20", "172.31.32.0/20");
        assertThat(subnets).allSatisfy(s -> {
            assertThat(s.subnetId()).matches("subnet-[0-9a-f]{17}");
            assertThat(s.defaultForAz()).isTrue();
            assertThat(s.mapPublicIpOnLaunch()).isTrue();
            assertThat(s.availableIpAddressCount()).isPositive();
            assertThat(s.subnetArn()).endsWith(":subnet/" + s.subnetId());
        });
        assertThat(ec2.describeSubnets(b -> b.filters(filter("availability-zone", "us-east-1b"),
                filter("default-for-az", "true"))).subnets()).containsExactly(subnets.get(1));
        assertThat(ec2.describeSubnets(b -> b.subnetIds(subnets.get(2).subnetId())).subnets())
                .containsExactly(subnets.get(2));
    }

    @Test
    void theDefaultSecurityGroupAllowsInboundFromItselfAndAllOutbound() {
        String vpcId = ec2.describeVpcs().vpcs().get(0).vpcId();
        SecurityGroup group = ec2.describeSecurityGroups(b -> b.groupNames("default")).securityGroups().get(0);
        assertThat(group.vpcId()).isEqualTo(vpcId);
        assertThat(group.description()).isEqualTo("default VPC security group");
        IpPermission in = group.ipPermissions().get(0);
        assertThat(in.ipProtocol()).isEqualTo("-1");
        assertThat(in.userIdGroupPairs()).singleElement()
                .satisfies(p -> assertThat(p.groupId()).isEqualTo(group.groupId()));
        IpPermission out = group.ipPermissionsEgress().get(0);
        assertThat(out.ipProtocol()).isEqualTo("-1");
        assertThat(out.ipRanges()).singleElement().satisfies(r -> assertThat(r.cidrIp()).isEqualTo("0.0.0.0/0"));
    }

    @Test
    void unknownAndMalformedIdsAndFiltersAreRefused() {
        assertError(() -> ec2.describeVpcs(b -> b.vpcIds("vpc-0123456789abcdef0")), "InvalidVpcID.NotFound");
        assertError(() -> ec2.describeVpcs(b -> b.vpcIds("vpc-nope")), "InvalidVpcID.Malformed");
        assertError(() -> ec2.describeSubnets(b -> b.subnetIds("subnet-0123456789abcdef0")),
                "InvalidSubnetID.NotFound");
        assertError(() -> ec2.describeSubnets(b -> b.filters(filter("colour", "red"))), "InvalidParameterValue");
    }
}
