package io.selfheal.emulator.services.ec2;

import static io.selfheal.emulator.services.ec2.Ec2InstancesTest.assertError;
import static io.selfheal.emulator.services.ec2.Ec2VpcTest.filter;
import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/** CreateSecurityGroup, DeleteSecurityGroup, DescribeSecurityGroups through the SDK. */
class Ec2SecurityGroupsTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();

    private static Emulator emulator;
    private static Ec2Client ec2;

    @BeforeAll
    static void start() {
        emulator = AWS.emulator();
        ec2 = AWS.client(Ec2Client.class);
    }

    static String name() {
        return "web-" + UUID.randomUUID();
    }

    @Test
    void createdGroupLivesInTheDefaultVpcWithTagsAndTheAllOutboundRule() {
        String name = name();
        CreateSecurityGroupResponse created = ec2.createSecurityGroup(b -> b.groupName(name).description("web tier")
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.SECURITY_GROUP)
                        .tags(Tag.builder().key("team").value("ops").build()).build()));
        assertThat(created.groupId()).matches("sg-[0-9a-f]{17}");
        assertThat(created.tags()).containsExactly(Tag.builder().key("team").value("ops").build());
        SecurityGroup g = ec2.describeSecurityGroups(b -> b.groupIds(created.groupId())).securityGroups().get(0);
        assertThat(g.groupName()).isEqualTo(name);
        assertThat(g.description()).isEqualTo("web tier");
        assertThat(g.vpcId()).isEqualTo(ec2.describeVpcs().vpcs().get(0).vpcId());
        assertThat(g.ownerId()).isEqualTo("123456789012");
        assertThat(g.ipPermissions()).isEmpty();
        assertThat(Ec2SecurityGroupRulesTest.summary(g.ipPermissionsEgress()))
                .containsExactly("-1 null-null [0.0.0.0/0][][][]");
        assertThat(ec2.describeSecurityGroups(b -> b.groupNames(name)).securityGroups()).containsExactly(g);
        assertThat(ec2.describeSecurityGroups(b -> b.filters(filter("group-name", name))).securityGroups())
                .containsExactly(g);
        assertThat(ec2.describeSecurityGroups(b -> b.filters(filter("tag:team", "ops"), filter("group-id",
                g.groupId()))).securityGroups()).containsExactly(g);
    }

    @Test
    void duplicateNamesReservedShapesAndUnknownVpcsAreRefused() {
        String name = name();
        ec2.createSecurityGroup(b -> b.groupName(name).description("d"));
        assertError(() -> ec2.createSecurityGroup(b -> b.groupName(name).description("d")), "InvalidGroup.Duplicate");
        assertError(() -> ec2.createSecurityGroup(b -> b.groupName("default").description("d")),
                "InvalidGroup.Duplicate");
        assertError(() -> ec2.createSecurityGroup(b -> b.groupName("sg-lookalike").description("d")),
                "InvalidParameterValue");
        assertError(() -> ec2.createSecurityGroup(b -> b.groupName(name())), "MissingParameter");
        assertError(() -> ec2.createSecurityGroup(b -> b.groupName(name()).description("d")
                .vpcId("vpc-0123456789abcdef0")), "InvalidVpcID.NotFound");
        assertError(() -> ec2.createSecurityGroup(b -> b.groupName(name()).description("d").dryRun(true)),
                "DryRunOperation");
    }

    @Test
    void deleteByIdOrNameRefusesTheDefaultGroupAndGroupsInUse() {
        String byId = ec2.createSecurityGroup(b -> b.groupName(name()).description("d")).groupId();
        assertError(() -> ec2.deleteSecurityGroup(b -> b.groupId(byId).dryRun(true)), "DryRunOperation");
        ec2.deleteSecurityGroup(b -> b.groupId(byId));
        assertError(() -> ec2.describeSecurityGroups(b -> b.groupIds(byId)), "InvalidGroup.NotFound");
        assertError(() -> ec2.deleteSecurityGroup(b -> b.groupId(byId)), "InvalidGroup.NotFound");
        assertError(() -> ec2.deleteSecurityGroup(b -> b.groupId("sg-bad")), "InvalidGroupId.Malformed");

        String name = name();
        ec2.createSecurityGroup(b -> b.groupName(name).description("d"));
        ec2.deleteSecurityGroup(b -> b.groupName(name));
        assertError(() -> ec2.describeSecurityGroups(b -> b.groupNames(name)), "InvalidGroup.NotFound");

        assertError(() -> ec2.deleteSecurityGroup(b -> b.groupName("default")), "CannotDelete");

        // An instance's interface uses the group: DependencyViolation until the instance is gone.
        String used = ec2.createSecurityGroup(b -> b.groupName(name()).description("d")).groupId();
        ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1).securityGroupIds(used));
        assertError(() -> ec2.deleteSecurityGroup(b -> b.groupId(used)), "DependencyViolation");

        // So is a group another group's rule references.
        String peer = ec2.createSecurityGroup(b -> b.groupName(name()).description("d")).groupId();
        String other = ec2.createSecurityGroup(b -> b.groupName(name()).description("d")).groupId();
        ec2.authorizeSecurityGroupIngress(b -> b.groupId(other).ipPermissions(IpPermission.builder()
                .ipProtocol("tcp").fromPort(443).toPort(443)
                .userIdGroupPairs(p -> p.groupId(peer)).build()));
        assertError(() -> ec2.deleteSecurityGroup(b -> b.groupId(peer)), "DependencyViolation");
    }

    @Test
    void terminatedInstancesReleaseTheirGroups() {
        String group = ec2.createSecurityGroup(b -> b.groupName(name()).description("d")).groupId();
        String id = ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1).securityGroupIds(group))
                .instances().get(0).instanceId();
        ec2.terminateInstances(b -> b.instanceIds(id));
        org.awaitility.Awaitility.await().until(() -> ec2.describeInstances(b -> b.instanceIds(id)).reservations()
                .get(0).instances().get(0).state().nameAsString().equals("terminated"));
        ec2.deleteSecurityGroup(b -> b.groupId(group));
    }

    @Test
    void describeFiltersOnRuleFields() {
        String g = ec2.createSecurityGroup(b -> b.groupName(name()).description("d")).groupId();
        ec2.authorizeSecurityGroupIngress(b -> b.groupId(g).ipPermissions(IpPermission.builder().ipProtocol("tcp")
                .fromPort(8080).toPort(8081).ipRanges(IpRange.builder().cidrIp("10.9.0.0/16").build()).build()));
        assertThat(ec2.describeSecurityGroups(b -> b.filters(filter("ip-permission.cidr", "10.9.0.0/16"),
                filter("ip-permission.from-port", "8080"), filter("ip-permission.to-port", "8081"),
                filter("ip-permission.protocol", "tcp"))).securityGroups())
                .extracting(SecurityGroup::groupId).containsExactly(g);
        assertThat(ec2.describeSecurityGroups(b -> b.filters(filter("ip-permission.cidr", "10.9.0.0/16"),
                filter("ip-permission.protocol", "udp"))).securityGroups()).isEmpty();
        assertError(() -> ec2.describeSecurityGroups(b -> b.filters(filter("ip-permission.colour", "x"))),
                "InvalidParameterValue");
    }
}
