package io.selfheal.emulator.services.autoscaling;

import static io.selfheal.emulator.service.OperationSpec.read;
import static io.selfheal.emulator.service.OperationSpec.write;

import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AbstractAwsService;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.AwsServiceProvider;
import io.selfheal.emulator.service.ResourceArns;

/** Amazon EC2 Auto Scaling: the subset isolating an instance needs (see the package description). */
public final class AutoScalingService extends AbstractAwsService {
    private static final ServiceDescriptor DESCRIPTOR =
            ServiceDescriptor.query("autoscaling", "http://autoscaling.amazonaws.com/doc/2011-01-01/");
    private static final ResourceArns GROUP = ResourceArns.each("AutoScalingGroupName",
            (ctx, name) -> ctx.arn("autoscaling", "autoScalingGroup:*:autoScalingGroupName/" + name));
    private static final ResourceArns LAUNCH_CONFIGURATION = ResourceArns.each("LaunchConfigurationName",
            (ctx, name) -> ctx.arn("autoscaling", "launchConfiguration:*:launchConfigurationName/" + name));

    private final RegionalStore<AutoScalingRegion> store = new RegionalStore<>(AutoScalingRegion::new);

    /** ServiceLoader entry. */
    public static final class Provider implements AwsServiceProvider {
        @Override
        public AwsService create(EmulatorContext context) {
            return new AutoScalingService(context);
        }
    }

    AutoScalingService(EmulatorContext context) {
        super("Amazon EC2 Auto Scaling", DESCRIPTOR, "autoscaling");
        GroupLauncher launcher = new GroupLauncher(context);
        GroupOperations groups = new GroupOperations(context, store, launcher);
        StandbyOperations standby = new StandbyOperations(context, store, launcher);
        operations.add(write("CreateLaunchConfiguration", groups::createLaunchConfiguration)
                .resources(LAUNCH_CONFIGURATION));
        operations.add(read("DescribeLaunchConfigurations", groups::describeLaunchConfigurations)
                .resources(ResourceArns.ANY));
        operations.add(write("CreateAutoScalingGroup", groups::createAutoScalingGroup).resources(GROUP));
        operations.add(read("DescribeAutoScalingGroups", groups::describeAutoScalingGroups)
                .resources(ResourceArns.ANY));
        operations.add(read("DescribeAutoScalingInstances", groups::describeAutoScalingInstances)
                .resources(ResourceArns.ANY));
        operations.add(write("DeleteAutoScalingGroup", groups::deleteAutoScalingGroup).resources(GROUP));
        operations.add(write("DetachInstances", standby::detachInstances).resources(GROUP));
        operations.add(write("EnterStandby", standby::enterStandby).resources(GROUP));
        operations.add(write("ExitStandby", standby::exitStandby).resources(GROUP));
    }

    @Override
    public void reset() {
        store.reset();
    }
}
