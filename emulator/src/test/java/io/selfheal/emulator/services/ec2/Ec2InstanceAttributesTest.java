package io.selfheal.emulator.services.ec2;

import static io.selfheal.emulator.services.ec2.Ec2InstancesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;

/** ModifyInstanceAttribute and DescribeInstanceAttribute: groups, termination protection, instance type. */
class Ec2InstanceAttributesTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();

    private static Emulator emulator;
    private static Ec2Client ec2;

    @BeforeAll
    static void start() {
        emulator = AWS.emulator();
        ec2 = AWS.client(Ec2Client.class);
    }

    private static String launch() {
        return ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1)).instances().get(0)
                .instanceId();
    }

    private static String state(String id) {
        return ec2.describeInstances(b -> b.instanceIds(id)).reservations().get(0).instances().get(0).state()
                .nameAsString();
    }

    @Test
    void groupsChangedOnTheInstanceShowOnItsInterface() {
        String id = launch();
        String quarantine = ec2.createSecurityGroup(b -> b.groupName(Ec2SecurityGroupsTest.name())
                .description("quarantine")).groupId();
        assertError(() -> ec2.modifyInstanceAttribute(b -> b.instanceId(id).groups(quarantine).dryRun(true)),
                "DryRunOperation");
        ec2.modifyInstanceAttribute(b -> b.instanceId(id).groups(quarantine));
        assertThat(ec2.describeInstanceAttribute(b -> b.instanceId(id).attribute(InstanceAttributeName.GROUP_SET))
                .groups()).extracting(GroupIdentifier::groupId).containsExactly(quarantine);
        assertThat(ec2.describeNetworkInterfaces(b -> b.filters(Ec2VpcTest.filter("attachment.instance-id", id)))
                .networkInterfaces().get(0).groups()).extracting(GroupIdentifier::groupId).containsExactly(quarantine);
        assertError(() -> ec2.modifyInstanceAttribute(b -> b.instanceId(id).groups("sg-0123456789abcdef0")),
                "InvalidGroup.NotFound");
    }

    @Test
    void terminationProtectionRefusesTerminateInstances() {
        String id = launch();
        assertThat(ec2.describeInstanceAttribute(b -> b.instanceId(id)
                .attribute(InstanceAttributeName.DISABLE_API_TERMINATION)).disableApiTermination().value()).isFalse();
        ec2.modifyInstanceAttribute(b -> b.instanceId(id).disableApiTermination(v -> v.value(true)));
        assertThat(ec2.describeInstanceAttribute(b -> b.instanceId(id)
                .attribute(InstanceAttributeName.DISABLE_API_TERMINATION)).disableApiTermination().value()).isTrue();
        assertError(() -> ec2.terminateInstances(b -> b.instanceIds(id)), "OperationNotPermitted");
        ec2.modifyInstanceAttribute(b -> b.instanceId(id).disableApiTermination(v -> v.value(false)));
        ec2.terminateInstances(b -> b.instanceIds(id));
    }

    @Test
    void instanceTypeChangesOnlyWhileStopped() {
        String id = launch();
        Awaitility.await().until(() -> state(id).equals("running"));
        assertError(() -> ec2.modifyInstanceAttribute(b -> b.instanceId(id).instanceType(v -> v.value("t3.large"))),
                "IncorrectInstanceState");
        ec2.stopInstances(b -> b.instanceIds(id));
        Awaitility.await().until(() -> state(id).equals("stopped"));
        ec2.modifyInstanceAttribute(b -> b.instanceId(id).instanceType(v -> v.value("t3.large")));
        assertThat(ec2.describeInstanceAttribute(b -> b.instanceId(id).attribute(InstanceAttributeName.INSTANCE_TYPE))
                .instanceType().value()).isEqualTo("t3.large");
        assertError(() -> ec2.describeInstanceAttribute(b -> b.instanceId("i-0123456789abcdef0")
                .attribute(InstanceAttributeName.INSTANCE_TYPE)), "InvalidInstanceID.NotFound");
    }
}
