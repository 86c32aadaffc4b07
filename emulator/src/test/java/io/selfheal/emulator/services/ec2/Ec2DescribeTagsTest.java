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
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagDescription;

/** CreateTags/DeleteTags on network and EBS resources, and DescribeTags. */
class Ec2DescribeTagsTest {
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
    void tagsOnGroupsVpcsVolumesAndInterfacesAreDescribed() {
        String group = ec2.createSecurityGroup(b -> b.groupName(Ec2SecurityGroupsTest.name()).description("d"))
                .groupId();
        String vpc = ec2.describeVpcs().vpcs().get(0).vpcId();
        var instance = ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1)).instances().get(0);
        String volume = instance.blockDeviceMappings().get(0).ebs().volumeId();
        String eni = instance.networkInterfaces().get(0).networkInterfaceId();
        Tag owner = Tag.builder().key("owner").value("sec").build();
        assertError(() -> ec2.createTags(b -> b.resources(group).tags(owner).dryRun(true)), "DryRunOperation");
        ec2.createTags(b -> b.resources(group, vpc, volume, eni).tags(owner));
        assertThat(ec2.describeTags(b -> b.filters(filter("key", "owner"))).tags())
                .extracting(TagDescription::resourceId, TagDescription::resourceTypeAsString)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(group, "security-group"),
                        org.assertj.core.groups.Tuple.tuple(vpc, "vpc"),
                        org.assertj.core.groups.Tuple.tuple(volume, "volume"),
                        org.assertj.core.groups.Tuple.tuple(eni, "network-interface"));
        assertThat(ec2.describeTags(b -> b.filters(filter("resource-type", "security-group"),
                filter("value", "sec"))).tags()).extracting(TagDescription::resourceId).containsExactly(group);
        assertThat(ec2.describeSecurityGroups(b -> b.groupIds(group)).securityGroups().get(0).tags())
                .containsExactly(owner);

        ec2.deleteTags(b -> b.resources(group).tags(Tag.builder().key("owner").build()));
        assertThat(ec2.describeTags(b -> b.filters(filter("resource-id", group))).tags()).isEmpty();
        assertError(() -> ec2.createTags(b -> b.resources("sg-0123456789abcdef0").tags(owner)),
                "InvalidGroup.NotFound");
        assertError(() -> ec2.createTags(b -> b.resources("vol-0123456789abcdef0").tags(owner)),
                "InvalidVolume.NotFound");
        assertError(() -> ec2.describeTags(b -> b.filters(filter("colour", "x"))), "InvalidParameterValue");
    }
}
