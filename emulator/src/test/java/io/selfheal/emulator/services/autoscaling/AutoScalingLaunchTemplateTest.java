package io.selfheal.emulator.services.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.selfheal.emulator.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * A group launching from an EC2 launch template through the SDK
 * (https://docs.aws.amazon.com/autoscaling/ec2/userguide/create-asg-launch-template.html): by id or name, a version
 * ({@code $Default} when none is given), DescribeAutoScalingGroups and -Instances showing the template, the instances
 * carrying the template's values and tags, and a template that does not exist refused when the group is created.
 */
class AutoScalingLaunchTemplateTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime().resetBeforeEach();

    @Test
    void aGroupLaunchesFromItsTemplate(AutoScalingClient as, Ec2Client ec2) {
        String templateId = ec2.createLaunchTemplate(b -> b.launchTemplateName("web").launchTemplateData(d -> d
                .imageId("ami-0abcdef1234567890").instanceType("t3.small").iamInstanceProfile(p -> p.name("web"))))
                .launchTemplate().launchTemplateId();
        // an empty Tags list travels as "Tags=" in the query protocol: no tags, not a malformed list
        as.createAutoScalingGroup(b -> b.autoScalingGroupName("web-asg").minSize(1).maxSize(3).desiredCapacity(2)
                .availabilityZones("us-east-1a").launchTemplate(l -> l.launchTemplateName("web"))
                .tags(java.util.List.of()));

        AutoScalingGroup g = as.describeAutoScalingGroups(b -> b.autoScalingGroupNames("web-asg"))
                .autoScalingGroups().get(0);
        assertThat(g.launchConfigurationName()).isNull();
        assertThat(g.launchTemplate().launchTemplateId()).isEqualTo(templateId);
        assertThat(g.launchTemplate().launchTemplateName()).isEqualTo("web");
        assertThat(g.launchTemplate().version()).isEqualTo("$Default");
        assertThat(g.instances()).hasSize(2).allSatisfy(i -> {
            assertThat(i.launchTemplate().launchTemplateId()).isEqualTo(templateId);
            assertThat(i.instanceType()).isEqualTo("t3.small");
        });
        var instance = ec2.describeInstances(b -> b.instanceIds(g.instances().get(0).instanceId())).reservations()
                .get(0).instances().get(0);
        assertThat(instance.imageId()).isEqualTo("ami-0abcdef1234567890");
        assertThat(instance.iamInstanceProfile().arn()).endsWith(":instance-profile/web");
        assertThat(instance.tags()).extracting(Tag::key).contains("aws:autoscaling:groupName",
                "aws:ec2launchtemplate:id", "aws:ec2launchtemplate:version");
        assertThat(as.describeAutoScalingInstances(b -> b.instanceIds(instance.instanceId())).autoScalingInstances()
                .get(0).launchTemplate().launchTemplateName()).isEqualTo("web");
    }

    @Test
    void aMissingTemplateOrVersionIsRefused(AutoScalingClient as, Ec2Client ec2) {
        String templateId = ec2.createLaunchTemplate(b -> b.launchTemplateName("web")
                .launchTemplateData(d -> d.imageId("ami-0abcdef1234567890"))).launchTemplate().launchTemplateId();
        assertThat(error(() -> as.createAutoScalingGroup(b -> b.autoScalingGroupName("a").minSize(0).maxSize(1)
                .availabilityZones("us-east-1a").launchTemplate(l -> l.launchTemplateName("nope")))))
                .startsWith("You must use a valid fully-formed launch template.").contains("nope");
        assertThat(error(() -> as.createAutoScalingGroup(b -> b.autoScalingGroupName("b").minSize(0).maxSize(1)
                .availabilityZones("us-east-1a").launchTemplate(l -> l.launchTemplateId(templateId).version("4")))))
                .startsWith("You must use a valid fully-formed launch template.");
        assertThat(error(() -> as.createAutoScalingGroup(b -> b.autoScalingGroupName("c").minSize(0).maxSize(1)
                .availabilityZones("us-east-1a").launchTemplate(l -> l.launchTemplateId(templateId)
                        .launchTemplateName("web"))))).contains("not both");
        assertThat(as.describeAutoScalingGroups(b -> { }).autoScalingGroups()).isEmpty();
    }

    private static String error(Runnable call) {
        AutoScalingException e = catchThrowableOfType(AutoScalingException.class, call::run);
        assertThat(e).isNotNull();
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        return e.awsErrorDetails().errorMessage();
    }
}
