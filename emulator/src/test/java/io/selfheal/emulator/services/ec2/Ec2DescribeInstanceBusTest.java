package io.selfheal.emulator.services.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.messages.DescribeInstance;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;

/**
 * EC2 answers {@link DescribeInstance} on the bus with what DescribeInstances shows through the SDK: the request
 * GuardDuty findings and Config items will ask ("instanceDetails" of a GuardDuty finding:
 * https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings-summary.html).
 */
class Ec2DescribeInstanceBusTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.virtualTime(Instant.parse("2026-01-01T00:00:00Z"))
            .resetBeforeEach();

    @Test
    void describesTheInstanceAndItsInterfacesAsDescribeInstancesDoes(Ec2Client ec2) {
        String group = ec2.createSecurityGroup(b -> b.groupName("web").description("web")).groupId();
        String id = ec2.runInstances(b -> b.imageId("ami-12345678").instanceType("t3.micro").minCount(1)
                .maxCount(1).securityGroupIds(group)
                .tagSpecifications(t -> t.resourceType("instance").tags(g -> g.key("Name").value("web-1"))))
                .instances().get(0).instanceId();
        AWS.advance(Duration.ofSeconds(30));
        Instance sdk = ec2.describeInstances(b -> b.instanceIds(id)).reservations().get(0).instances().get(0);
        InstanceNetworkInterface sdkEni = sdk.networkInterfaces().get(0);

        DescribeInstance.Result answer = AWS.bus().bus().ask(new DescribeInstance(AWS.emulator().accountId(),
                AWS.emulator().region(), id));

        assertThat(answer.found()).isTrue();
        DescribeInstance.Instance i = answer.instance();
        assertThat(i.instanceId()).isEqualTo(id);
        assertThat(i.state()).isEqualTo(sdk.state().nameAsString()).isEqualTo("running");
        assertThat(i.instanceType()).isEqualTo("t3.micro");
        assertThat(i.imageId()).isEqualTo("ami-12345678");
        assertThat(i.vpcId()).isEqualTo(sdk.vpcId());
        assertThat(i.subnetId()).isEqualTo(sdk.subnetId());
        assertThat(i.availabilityZone()).isEqualTo(sdk.placement().availabilityZone());
        assertThat(i.privateIpAddress()).isEqualTo(sdk.privateIpAddress());
        assertThat(i.launchTime()).isEqualTo(sdk.launchTime());
        assertThat(i.tags()).containsEntry("Name", "web-1");
        assertThat(i.networkInterfaces()).singleElement().satisfies(eni -> {
            assertThat(eni.networkInterfaceId()).isEqualTo(sdkEni.networkInterfaceId());
            assertThat(eni.macAddress()).isEqualTo(sdkEni.macAddress());
            assertThat(eni.privateIpAddress()).isEqualTo(sdkEni.privateIpAddress());
            assertThat(eni.subnetId()).isEqualTo(sdkEni.subnetId());
            assertThat(eni.securityGroups()).containsExactly(new DescribeInstance.SecurityGroup(group, "web"));
        });
    }

    @Test
    void seesWhatLaterCallsChange(Ec2Client ec2) {
        String id = ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1)).instances().get(0)
                .instanceId();
        String other = ec2.createSecurityGroup(b -> b.groupName("locked").description("locked")).groupId();
        ec2.modifyInstanceAttribute(b -> b.instanceId(id).groups(other));

        DescribeInstance.Instance i = ask(id).instance();

        assertThat(i.networkInterfaces().get(0).securityGroups()).extracting(DescribeInstance.SecurityGroup::groupId)
                .containsExactly(other);
    }

    @Test
    void describesEveryInterfaceAndTheInstanceProfile(Ec2Client ec2) {
        String subnet = ec2.describeSubnets(b -> b.filters(f -> f.name("availability-zone").values("us-east-1a")))
                .subnets().get(0).subnetId();
        String admin = ec2.createSecurityGroup(b -> b.groupName("admin").description("admin")).groupId();
        String id = ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1)
                .iamInstanceProfile(p -> p.name("web"))
                .networkInterfaces(n -> n.deviceIndex(0).subnetId(subnet), n -> n.deviceIndex(1).subnetId(subnet)
                        .groups(admin))).instances().get(0).instanceId();
        assertThat(ask(id).instance().iamInstanceProfile().arn())
                .isEqualTo("arn:aws:iam::" + AWS.emulator().accountId() + ":instance-profile/web");
        String third = ec2.createNetworkInterface(b -> b.subnetId(subnet)).networkInterface().networkInterfaceId();
        ec2.attachNetworkInterface(b -> b.networkInterfaceId(third).instanceId(id).deviceIndex(2));

        DescribeInstance.Instance i = ask(id).instance();

        assertThat(i.networkInterfaces()).hasSize(3);
        assertThat(i.networkInterfaces().get(1).securityGroups()).extracting(DescribeInstance.SecurityGroup::groupId)
                .containsExactly(admin);
        assertThat(i.networkInterfaces().get(2).networkInterfaceId()).isEqualTo(third);
        assertThat(i.iamInstanceProfile().id()).startsWith("AIPA");
    }

    @Test
    void anUnknownInstanceIsNotFoundAndAnotherRegionsInstancesAreNotSeen(Ec2Client ec2) {
        String id = ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1)).instances().get(0)
                .instanceId();

        assertThat(ask("i-0123456789abcdef0").found()).isFalse();
        assertThat(AWS.bus().bus().ask(new DescribeInstance(AWS.emulator().accountId(), "eu-west-1", id)).found())
                .isFalse();
    }

    private static DescribeInstance.Result ask(String instanceId) {
        return AWS.bus().bus().ask(new DescribeInstance(AWS.emulator().accountId(), AWS.emulator().region(),
                instanceId));
    }
}
