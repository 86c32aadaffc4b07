package io.selfheal.emulator.services.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.selfheal.emulator.EmulatorExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingInstanceDetails;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * The Auto Scaling subset through the SDK (query protocol): a group launches its instances in EC2 tagged
 * {@code aws:autoscaling:groupName}; DetachInstances and EnterStandby with and without
 * ShouldDecrementDesiredCapacity (https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-detach-attach-instances.html,
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-enter-exit-standby.html); ExitStandby; deletion.
 */
class AutoScalingGroupsTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime().resetBeforeEach();

    private static AutoScalingGroup group(AutoScalingClient as, String name) {
        return as.describeAutoScalingGroups(b -> b.autoScalingGroupNames(name)).autoScalingGroups().get(0);
    }

    private static String create(AutoScalingClient as, Ec2Client ec2, String name, int desired) {
        String subnet = ec2.describeSubnets(b -> b.filters(f -> f.name("availability-zone").values("us-east-1b")))
                .subnets().get(0).subnetId();
        as.createLaunchConfiguration(b -> b.launchConfigurationName(name + "-lc").imageId("ami-12345678")
                .instanceType("t3.micro").iamInstanceProfile("web"));
        as.createAutoScalingGroup(b -> b.autoScalingGroupName(name).launchConfigurationName(name + "-lc")
                .minSize(1).maxSize(4).desiredCapacity(desired).vpcZoneIdentifier(subnet)
                .tags(t -> t.key("team").value("web").propagateAtLaunch(true)));
        return subnet;
    }

    private static String error(Runnable call) {
        AutoScalingException e = catchThrowableOfType(AutoScalingException.class, call::run);
        assertThat(e).isNotNull();
        assertThat(e.statusCode()).isEqualTo(400);
        return e.awsErrorDetails().errorCode();
    }

    @Test
    void aGroupLaunchesTaggedInstancesInItsSubnet(AutoScalingClient as, Ec2Client ec2) {
        String subnet = create(as, ec2, "web", 2);

        AutoScalingGroup g = group(as, "web");
        assertThat(g.desiredCapacity()).isEqualTo(2);
        assertThat(g.autoScalingGroupARN()).startsWith("arn:aws:autoscaling:us-east-1:")
                .endsWith(":autoScalingGroupName/web");
        assertThat(g.instances()).hasSize(2).allSatisfy(i -> {
            assertThat(i.lifecycleStateAsString()).isEqualTo("InService");
            assertThat(i.availabilityZone()).isEqualTo("us-east-1b");
        });
        var instance = ec2.describeInstances(b -> b.instanceIds(g.instances().get(0).instanceId())).reservations()
                .get(0).instances().get(0);
        assertThat(instance.subnetId()).isEqualTo(subnet);
        assertThat(instance.instanceTypeAsString()).isEqualTo("t3.micro");
        assertThat(instance.iamInstanceProfile().arn()).endsWith(":instance-profile/web");
        assertThat(instance.tags()).extracting(Tag::key, Tag::value)
                .contains(org.assertj.core.groups.Tuple.tuple("aws:autoscaling:groupName", "web"),
                        org.assertj.core.groups.Tuple.tuple("team", "web"));
        List<AutoScalingInstanceDetails> described = as.describeAutoScalingInstances(b -> b
                .instanceIds(instance.instanceId(), "i-0123456789abcdef0")).autoScalingInstances();
        assertThat(described).singleElement().satisfies(d -> assertThat(d.autoScalingGroupName()).isEqualTo("web"));

        assertThat(error(() -> as.createAutoScalingGroup(b -> b.autoScalingGroupName("web")
                .launchConfigurationName("web-lc").minSize(1).maxSize(1).vpcZoneIdentifier(subnet))))
                .isEqualTo("AlreadyExists");
        assertThat(error(() -> as.createAutoScalingGroup(b -> b.autoScalingGroupName("x")
                .launchConfigurationName("none").minSize(1).maxSize(1).vpcZoneIdentifier(subnet))))
                .isEqualTo("ValidationError");
        assertThat(error(() -> as.createAutoScalingGroup(b -> b.autoScalingGroupName("y")
                .launchConfigurationName("web-lc").minSize(3).maxSize(1).vpcZoneIdentifier(subnet))))
                .isEqualTo("ValidationError");
    }

    @Test
    void detachingWithoutDecrementLaunchesAReplacement(AutoScalingClient as, Ec2Client ec2) {
        create(as, ec2, "web", 2);
        String first = group(as, "web").instances().get(0).instanceId();

        var activities = as.detachInstances(b -> b.autoScalingGroupName("web").instanceIds(first)
                .shouldDecrementDesiredCapacity(false)).activities();

        assertThat(activities).singleElement().satisfies(a ->
                assertThat(a.description()).isEqualTo("Detaching EC2 instance: " + first));
        AutoScalingGroup g = group(as, "web");
        assertThat(g.desiredCapacity()).isEqualTo(2);
        assertThat(g.instances()).hasSize(2).extracting(Instance::instanceId).doesNotContain(first);
        assertThat(as.describeAutoScalingInstances(b -> b.instanceIds(first)).autoScalingInstances()).isEmpty();
        assertThat(ec2.describeInstances(b -> b.instanceIds(first)).reservations().get(0).instances().get(0)
                .state().nameAsString()).isIn("pending", "running");

        String second = g.instances().get(0).instanceId();
        as.detachInstances(b -> b.autoScalingGroupName("web").instanceIds(second).shouldDecrementDesiredCapacity(true));
        assertThat(group(as, "web").desiredCapacity()).isEqualTo(1);
        assertThat(group(as, "web").instances()).hasSize(1);
        String last = group(as, "web").instances().get(0).instanceId();
        assertThat(error(() -> as.detachInstances(b -> b.autoScalingGroupName("web").instanceIds(last)
                .shouldDecrementDesiredCapacity(true)))).isEqualTo("ValidationError");
        assertThat(error(() -> as.detachInstances(b -> b.autoScalingGroupName("web").instanceIds(first)
                .shouldDecrementDesiredCapacity(true)))).isEqualTo("ValidationError");
    }

    @Test
    void standbyKeepsTheInstanceInTheGroup(AutoScalingClient as, Ec2Client ec2) {
        create(as, ec2, "web", 2);
        String id = group(as, "web").instances().get(0).instanceId();

        as.enterStandby(b -> b.autoScalingGroupName("web").instanceIds(id).shouldDecrementDesiredCapacity(true));

        AutoScalingGroup g = group(as, "web");
        assertThat(g.desiredCapacity()).isEqualTo(1);
        assertThat(g.instances()).filteredOn(i -> i.instanceId().equals(id)).singleElement()
                .satisfies(i -> assertThat(i.lifecycleStateAsString()).isEqualTo("Standby"));
        assertThat(error(() -> as.enterStandby(b -> b.autoScalingGroupName("web").instanceIds(id)
                .shouldDecrementDesiredCapacity(true)))).isEqualTo("ValidationError");
        as.exitStandby(b -> b.autoScalingGroupName("web").instanceIds(id));
        assertThat(group(as, "web").desiredCapacity()).isEqualTo(2);
        assertThat(error(() -> as.exitStandby(b -> b.autoScalingGroupName("web").instanceIds(id))))
                .isEqualTo("ValidationError");
    }

    @Test
    void aGroupWithInstancesIsDeletedOnlyWhenForced(AutoScalingClient as, Ec2Client ec2) {
        create(as, ec2, "web", 1);
        String id = group(as, "web").instances().get(0).instanceId();

        assertThat(error(() -> as.deleteAutoScalingGroup(b -> b.autoScalingGroupName("web"))))
                .isEqualTo("ResourceInUse");
        as.deleteAutoScalingGroup(b -> b.autoScalingGroupName("web").forceDelete(true));

        assertThat(as.describeAutoScalingGroups(b -> b.autoScalingGroupNames("web")).autoScalingGroups()).isEmpty();
        assertThat(ec2.describeInstances(b -> b.instanceIds(id)).reservations().get(0).instances().get(0).state()
                .nameAsString()).isIn("shutting-down", "terminated");
        assertThat(error(() -> as.deleteAutoScalingGroup(b -> b.autoScalingGroupName("web"))))
                .isEqualTo("ValidationError");
    }
}
