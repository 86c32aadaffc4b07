package io.selfheal.emulator.services.ec2;

import static io.selfheal.emulator.service.OperationSpec.read;
import static io.selfheal.emulator.service.OperationSpec.write;

import io.selfheal.emulator.control.Ec2Control;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AbstractAwsService;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.AwsServiceProvider;
import io.selfheal.emulator.service.ConditionKeys;
import io.selfheal.emulator.service.ResourceArns;

/** Amazon EC2: the instance lifecycle and instance tags, networking, EBS, instance profiles, launch templates. */
public final class Ec2Service extends AbstractAwsService {
    private static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.ec2("http://ec2.amazonaws.com/doc/2016-11-15/");

    private final RegionalStore<Ec2Region> store;
    private final InstanceMetrics metrics;

    /** ServiceLoader entry. */
    public static final class Provider implements AwsServiceProvider {
        @Override
        public AwsService create(EmulatorContext context) {
            return new Ec2Service(context);
        }
    }

    Ec2Service(EmulatorContext context) {
        super("Amazon EC2", DESCRIPTOR, "ec2");
        store = new RegionalStore<>(() -> new Ec2Region(context.ids()));
        InstanceLifecycle lifecycle = new InstanceLifecycle(context);
        RunInstancesHandler run = new RunInstancesHandler(context, store, lifecycle);
        DescribeInstancesHandler describe = new DescribeInstancesHandler(store);
        InstanceStateHandlers states = new InstanceStateHandlers(store, lifecycle);
        TagHandlers tags = new TagHandlers(store);
        new InstanceAlarmActionHandler(context, store, lifecycle); // CloudWatch alarm EC2 actions, over the bus
        new InstanceDescriptions(context, store); // DescribeInstance, for services that report on instances
        ConfigurationAnswers.register(context, store); // DescribeResourceConfigurations, for AWS Config
        new GroupLaunches(context, store, run, states); // Auto Scaling's launches and terminations, over the bus
        operations.add(write("RunInstances", run::runInstances).resources(Ec2Arns.LAUNCH)
                .passesRoles(ProfileRoles.passed(context)));
        operations.add(read("DescribeInstances", describe::describeInstances).resources(ResourceArns.ANY));
        operations.add(write("StartInstances", states::startInstances).resources(Ec2Arns.INSTANCES));
        operations.add(write("StopInstances", states::stopInstances).resources(Ec2Arns.INSTANCES));
        operations.add(write("RebootInstances", states::rebootInstances).resources(Ec2Arns.INSTANCES));
        operations.add(write("TerminateInstances", states::terminateInstances).resources(Ec2Arns.INSTANCES));
        operations.add(write("CreateTags", tags::createTags).resources(Ec2Arns.TAGGED)
                .conditions(ConditionKeys.requestTags("Tag")));
        operations.add(write("DeleteTags", tags::deleteTags).resources(Ec2Arns.TAGGED));
        // Load, metrics and status checks.
        MonitoringHandlers monitoring = new MonitoringHandlers(store, lifecycle);
        InstanceStatusHandler status = new InstanceStatusHandler(store, lifecycle.metrics());
        operations.add(write("MonitorInstances", monitoring::monitorInstances).resources(Ec2Arns.INSTANCES));
        operations.add(write("UnmonitorInstances", monitoring::unmonitorInstances).resources(Ec2Arns.INSTANCES));
        operations.add(read("DescribeInstanceStatus", status::describeInstanceStatus).resources(ResourceArns.ANY));
        // VPCs, security groups, network interfaces, attributes, volumes and snapshots.
        networkOperations(context, tags);
        metrics = lifecycle.metrics();
        context.register(Ec2Control.class, new Ec2ControlView(store, metrics));
    }

    /** VPCs, subnets, security groups and their rules, network interfaces, instance attributes, EBS, DescribeTags. */
    private void networkOperations(EmulatorContext context, TagHandlers tags) {
        VpcHandlers vpcs = new VpcHandlers(store);
        SecurityGroupHandlers groups = new SecurityGroupHandlers(store);
        SecurityGroupRuleHandlers rules = new SecurityGroupRuleHandlers(store);
        NetworkInterfaceHandlers interfaces = new NetworkInterfaceHandlers(store);
        InstanceAttributeHandlers attributes = new InstanceAttributeHandlers(store);
        SnapshotHandlers ebs = new SnapshotHandlers(context, store);
        operations.add(read("DescribeVpcs", vpcs::describeVpcs).resources(ResourceArns.ANY));
        operations.add(read("DescribeSubnets", vpcs::describeSubnets).resources(ResourceArns.ANY));
        operations.add(write("CreateSecurityGroup", groups::createSecurityGroup).resources(Ec2Arns.NEW_GROUP));
        operations.add(write("DeleteSecurityGroup", groups::deleteSecurityGroup).resources(Ec2Arns.GROUP));
        operations.add(read("DescribeSecurityGroups", groups::describeSecurityGroups).resources(ResourceArns.ANY));
        operations.add(write("AuthorizeSecurityGroupIngress", rules::authorizeIngress).resources(Ec2Arns.GROUP));
        operations.add(write("AuthorizeSecurityGroupEgress", rules::authorizeEgress).resources(Ec2Arns.GROUP));
        operations.add(write("RevokeSecurityGroupIngress", rules::revokeIngress).resources(Ec2Arns.GROUP));
        operations.add(write("RevokeSecurityGroupEgress", rules::revokeEgress).resources(Ec2Arns.GROUP));
        operations.add(read("DescribeSecurityGroupRules", rules::describeSecurityGroupRules)
                .resources(ResourceArns.ANY));
        operations.add(read("DescribeNetworkInterfaces", interfaces::describeNetworkInterfaces)
                .resources(ResourceArns.ANY));
        operations.add(write("ModifyNetworkInterfaceAttribute", interfaces::modifyNetworkInterfaceAttribute)
                .resources(Ec2Arns.INTERFACE));
        operations.add(write("ModifyInstanceAttribute", attributes::modifyInstanceAttribute)
                .resources(Ec2Arns.INSTANCES));
        operations.add(read("DescribeInstanceAttribute", attributes::describeInstanceAttribute)
                .resources(Ec2Arns.INSTANCES));
        operations.add(read("DescribeVolumes", ebs::describeVolumes).resources(ResourceArns.ANY));
        operations.add(write("CreateSnapshot", ebs::createSnapshot).resources(Ec2Arns.VOLUME));
        VolumeHandlers volumes = new VolumeHandlers(context, store);
        operations.add(write("CreateVolume", volumes::createVolume).resources(Ec2Arns.NEW_VOLUME));
        operations.add(write("AttachVolume", volumes::attachVolume).resources(Ec2Arns.VOLUME_AND_INSTANCE));
        operations.add(write("DetachVolume", volumes::detachVolume).resources(Ec2Arns.VOLUME_AND_INSTANCE));
        operations.add(write("DeleteVolume", volumes::deleteVolume).resources(Ec2Arns.VOLUME));
        operations.add(write("CreateSnapshots", ebs::createSnapshots).resources(Ec2Arns.INSTANCE_SNAPSHOTS));
        operations.add(read("DescribeSnapshots", ebs::describeSnapshots).resources(ResourceArns.ANY));
        operations.add(read("DescribeTags", tags::describeTags).resources(ResourceArns.ANY));
        isolationOperations(context);
        publicAddressOperations();
    }

    /** Public IPv4 addresses: a subnet's MapPublicIpOnLaunch and Elastic IPs. */
    private void publicAddressOperations() {
        SubnetAttributeHandler subnets = new SubnetAttributeHandler(store);
        ElasticIpHandlers eips = new ElasticIpHandlers(store);
        operations.add(write("ModifySubnetAttribute", subnets::modifySubnetAttribute).resources(Ec2Arns.SUBNET));
        operations.add(write("AllocateAddress", eips::allocateAddress).resources(Ec2Arns.NEW_ELASTIC_IP));
        operations.add(read("DescribeAddresses", eips::describeAddresses).resources(ResourceArns.ANY));
        operations.add(write("AssociateAddress", eips::associateAddress).resources(Ec2Arns.ELASTIC_IP_TARGET));
        operations.add(write("DisassociateAddress", eips::disassociateAddress).resources(Ec2Arns.ANY_ELASTIC_IP));
        operations.add(write("ReleaseAddress", eips::releaseAddress).resources(Ec2Arns.ELASTIC_IP));
    }

    /** What isolating an instance needs: VPC and subnet lifecycles, interfaces, instance profile associations. */
    private void isolationOperations(EmulatorContext context) {
        VpcLifecycleHandlers vpcs = new VpcLifecycleHandlers(store);
        InterfaceAttachmentHandlers enis = new InterfaceAttachmentHandlers(context, store);
        InstanceProfileHandlers profiles = new InstanceProfileHandlers(store);
        operations.add(write("CreateVpc", vpcs::createVpc).resources(Ec2Arns.NEW_VPC));
        operations.add(write("DeleteVpc", vpcs::deleteVpc).resources(Ec2Arns.VPC));
        operations.add(write("CreateSubnet", vpcs::createSubnet).resources(Ec2Arns.NEW_SUBNET));
        operations.add(write("DeleteSubnet", vpcs::deleteSubnet).resources(Ec2Arns.SUBNET));
        operations.add(write("CreateNetworkInterface", enis::createNetworkInterface).resources(Ec2Arns.NEW_INTERFACE));
        operations.add(write("AttachNetworkInterface", enis::attachNetworkInterface)
                .resources(Ec2Arns.INTERFACE_AND_INSTANCE));
        operations.add(write("DetachNetworkInterface", enis::detachNetworkInterface).resources(ResourceArns.ANY));
        operations.add(write("DeleteNetworkInterface", enis::deleteNetworkInterface).resources(Ec2Arns.INTERFACE));
        operations.add(write("AssociateIamInstanceProfile", profiles::associate).resources(Ec2Arns.INSTANCES)
                .passesRoles(ProfileRoles.passed(context)));
        operations.add(write("DisassociateIamInstanceProfile", profiles::disassociate)
                .resources(Ec2Arns.ANY_INSTANCE));
        operations.add(write("ReplaceIamInstanceProfileAssociation", profiles::replace)
                .resources(Ec2Arns.ANY_INSTANCE).passesRoles(ProfileRoles.passed(context)));
        operations.add(read("DescribeIamInstanceProfileAssociations", profiles::describe)
                .resources(ResourceArns.ANY));
        launchTemplateOperations(context);
    }

    /** Launch templates and their versions; RunInstances and Auto Scaling launch from them. */
    private void launchTemplateOperations(EmulatorContext context) {
        LaunchTemplateOperations templates = new LaunchTemplateOperations(context, store);
        ResourceArns named = templates::arns;
        operations.add(write("CreateLaunchTemplate", templates::create)
                .resources((ctx, input) -> java.util.List.of(ctx.arn("ec2", "launch-template/*"))));
        operations.add(write("CreateLaunchTemplateVersion", templates::createVersion).resources(named));
        operations.add(read("DescribeLaunchTemplates", templates::describe).resources(ResourceArns.ANY));
        operations.add(read("DescribeLaunchTemplateVersions", templates::describeVersions)
                .resources(ResourceArns.ANY));
        operations.add(write("ModifyLaunchTemplate", templates::modify).resources(named));
        operations.add(write("DeleteLaunchTemplate", templates::delete).resources(named));
    }

    /** Forgets every instance; transitions still scheduled find their region discarded and do nothing. */
    @Override
    public void reset() {
        metrics.cancelAll(store.all());
        store.all().forEach(Ec2Region::discard);
        store.reset();
    }

    /** Cancels the metrics timers, which a real clock would otherwise keep firing after the emulator is gone. */
    @Override
    public void close() {
        metrics.cancelAll(store.all());
    }
}
