package io.selfheal.emulator.services.ec2;

import static io.selfheal.emulator.services.ec2.Ec2InstancesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * The filters of DescribeInstances and DescribeInstanceStatus as their API reference pages list them ("Filter.N"),
 * on two instances that differ in every filtered field. A virtual clock makes launch times exact.
 */
class Ec2InstanceFiltersTest {
    @RegisterExtension
    static final VirtualEc2 cloud = new VirtualEc2();

    private static Instance web;
    private static Instance db;
    private static String webGroup;

    @BeforeAll
    static void launch() {
        String subnetB = cloud.ec2.describeSubnets(b -> b.filters(filter("availability-zone", "us-east-1b")))
                .subnets().get(0).subnetId();
        webGroup = cloud.ec2.createSecurityGroup(b -> b.groupName(Ec2SecurityGroupsTest.name()).description("web"))
                .groupId();
        String webId = cloud.ec2.runInstances(b -> b.imageId(VirtualEc2.AMI).instanceType("t3.micro").minCount(1)
                .maxCount(1).subnetId(subnetB).securityGroupIds(webGroup).monitoring(m -> m.enabled(true))
                .tagSpecifications(tags("web"))).instances().get(0).instanceId();
        String dbId = cloud.ec2.runInstances(b -> b.imageId("ami-0123456789abcdef0").instanceType("t3.small")
                .minCount(1).maxCount(1).tagSpecifications(tags("db"))).instances().get(0).instanceId();
        cloud.advance(Duration.ofMinutes(1));
        web = describe(filter("instance-id", webId)).get(0);
        db = describe(filter("instance-id", dbId)).get(0);
    }

    @Test
    void networkPlacementAndSecurityGroupFilters() {
        assertThat(ids(filter("vpc-id", web.vpcId()))).containsExactlyInAnyOrder(web.instanceId(), db.instanceId());
        assertThat(ids(filter("subnet-id", web.subnetId()))).containsExactly(web.instanceId());
        assertThat(ids(filter("availability-zone", "us-east-1b"))).containsExactly(web.instanceId());
        assertThat(ids(filter("private-ip-address", db.privateIpAddress()))).containsExactly(db.instanceId());
        assertThat(ids(filter("instance.group-id", webGroup))).containsExactly(web.instanceId());
        assertThat(ids(filter("instance.group-name", "default"))).containsExactly(db.instanceId());
        assertThat(ids(filter("network-interface.group-id", webGroup))).containsExactly(web.instanceId());
        String eni = web.networkInterfaces().get(0).networkInterfaceId();
        assertThat(ids(filter("network-interface.network-interface-id", eni))).containsExactly(web.instanceId());
        assertThat(ids(filter("network-interface.addresses.private-ip-address", "172.31.*"))).hasSize(2);
        assertThat(ids(filter("network-interface.attachment.device-index", "0"))).hasSize(2);
    }

    @Test
    void launchStateAndMonitoringFilters() {
        assertThat(ids(filter("instance-type", "t3.small"))).containsExactly(db.instanceId());
        assertThat(ids(filter("image-id", VirtualEc2.AMI))).containsExactly(web.instanceId());
        assertThat(ids(filter("instance-state-code", "16"))).hasSize(2);
        assertThat(ids(filter("instance-state-code", "0", "80"))).isEmpty();
        assertThat(ids(filter("tag-value", "db"))).containsExactly(db.instanceId());
        assertThat(ids(filter("monitoring-state", "enabled"))).containsExactly(web.instanceId());
        assertThat(ids(filter("monitoring-state", "disabled"))).containsExactly(db.instanceId());
        String rootVolume = web.blockDeviceMappings().get(0).ebs().volumeId();
        assertThat(ids(filter("block-device-mapping.volume-id", rootVolume))).containsExactly(web.instanceId());
        assertThat(ids(filter("root-device-type", "ebs"), filter("architecture", "x86_64"))).hasSize(2);
    }

    @Test
    void launchTimeMatchesTheIsoFormOrADayWithAWildcard() {
        // The reference: "YYYY-MM-DDThh:mm:ss.sssZ ... You can use a wildcard (*), for example, 2021-09-29T*".
        assertThat(ids(filter("launch-time", "2026-01-01T00:00:00.000Z"))).hasSize(2);
        assertThat(ids(filter("launch-time", "2026-01-01T*"))).hasSize(2);
        assertThat(ids(filter("launch-time", "2025-12-31T*"))).isEmpty();
    }

    @Test
    void documentedFiltersOnWhatTheEmulatorNeverHasMatchNothingAndUnknownNamesAreRefused() {
        assertThat(ids(filter("spot-instance-request-id", "*"))).isEmpty();
        assertThat(ids(filter("instance-lifecycle", "spot"))).isEmpty();
        assertThat(assertError(() -> describe(filter("colour", "red")), "InvalidParameterValue")
                .awsErrorDetails().errorMessage()).isEqualTo("The filter 'colour' is invalid");
        assertError(() -> describe(filter("instance.vpc-id", web.vpcId())), "InvalidParameterValue");
    }

    @Test
    void describeInstanceStatusFiltersOnZoneAndStateCode() {
        assertThat(statusIds(filter("availability-zone", "us-east-1b"))).containsExactly(web.instanceId());
        assertThat(statusIds(filter("instance-state-code", "16"), filter("instance-state-name", "running")))
                .containsExactlyInAnyOrder(web.instanceId(), db.instanceId());
        assertThat(statusIds(filter("event.code", "instance-stop"))).isEmpty();
        assertError(() -> statusIds(filter("vpc-id", web.vpcId())), "InvalidParameterValue");
    }

    private static TagSpecification tags(String role) {
        return TagSpecification.builder().resourceType(ResourceType.INSTANCE)
                .tags(Tag.builder().key("Role").value(role).build()).build();
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    private static List<Instance> describe(Filter... filters) {
        return cloud.ec2.describeInstances(b -> b.filters(filters)).reservations().stream()
                .map(Reservation::instances).flatMap(List::stream).toList();
    }

    private static List<String> ids(Filter... filters) {
        return describe(filters).stream().map(Instance::instanceId).toList();
    }

    private static List<String> statusIds(Filter... filters) {
        return cloud.ec2.describeInstanceStatus(b -> b.filters(filters)).instanceStatuses().stream()
                .map(InstanceStatus::instanceId).toList();
    }
}
