package io.selfheal.emulator.services.ec2;

import io.selfheal.emulator.control.Ec2Control;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.AwsServiceProvider;
import io.selfheal.emulator.service.Operation;
import java.util.HashMap;
import java.util.Map;

/** Amazon EC2: the instance lifecycle and instance tags. */
public final class Ec2Service implements AwsService {
    private static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.ec2("http://ec2.amazonaws.com/doc/2016-11-15/");

    private final RegionalStore<Ec2Region> store = new RegionalStore<>(Ec2Region::new);
    private final Map<String, Operation> operations;
    private final InstanceMetrics metrics;

    /** ServiceLoader entry. */
    public static final class Provider implements AwsServiceProvider {
        @Override
        public AwsService create(EmulatorContext context) {
            return new Ec2Service(context);
        }
    }

    Ec2Service(EmulatorContext context) {
        InstanceLifecycle lifecycle = new InstanceLifecycle(context);
        RunInstancesHandler run = new RunInstancesHandler(context, store, lifecycle);
        DescribeInstancesHandler describe = new DescribeInstancesHandler(store);
        InstanceStateHandlers states = new InstanceStateHandlers(store, lifecycle);
        TagHandlers tags = new TagHandlers(store);
        new InstanceAlarmActionHandler(context, store, lifecycle); // CloudWatch alarm EC2 actions, over the bus
        Map<String, Operation> table = new HashMap<>(Map.of(
                "RunInstances", run::runInstances,
                "DescribeInstances", describe::describeInstances,
                "StartInstances", states::startInstances,
                "StopInstances", states::stopInstances,
                "RebootInstances", states::rebootInstances,
                "TerminateInstances", states::terminateInstances,
                "CreateTags", tags::createTags,
                "DeleteTags", tags::deleteTags));
        // Load, metrics and status checks.
        MonitoringHandlers monitoring = new MonitoringHandlers(store, lifecycle);
        InstanceStatusHandler status = new InstanceStatusHandler(store, lifecycle.metrics());
        table.put("MonitorInstances", monitoring::monitorInstances);
        table.put("UnmonitorInstances", monitoring::unmonitorInstances);
        table.put("DescribeInstanceStatus", status::describeInstanceStatus);
        // VPCs, security groups, network interfaces, attributes, volumes and snapshots.
        table.putAll(networkOperations(context));
        operations = Map.copyOf(table);
        metrics = lifecycle.metrics();
        context.register(Ec2Control.class, new Ec2ControlView(store, metrics));
    }

    /** VPCs, subnets, security groups and their rules, network interfaces, instance attributes, EBS, DescribeTags. */
    private Map<String, Operation> networkOperations(EmulatorContext context) {
        VpcHandlers vpcs = new VpcHandlers(store);
        SecurityGroupHandlers groups = new SecurityGroupHandlers(store);
        SecurityGroupRuleHandlers rules = new SecurityGroupRuleHandlers(store);
        NetworkInterfaceHandlers interfaces = new NetworkInterfaceHandlers(store);
        InstanceAttributeHandlers attributes = new InstanceAttributeHandlers(store);
        SnapshotHandlers ebs = new SnapshotHandlers(context, store);
        TagHandlers tags = new TagHandlers(store);
        return Map.ofEntries(
                Map.entry("DescribeVpcs", vpcs::describeVpcs),
                Map.entry("DescribeSubnets", vpcs::describeSubnets),
                Map.entry("CreateSecurityGroup", groups::createSecurityGroup),
                Map.entry("DeleteSecurityGroup", groups::deleteSecurityGroup),
                Map.entry("DescribeSecurityGroups", groups::describeSecurityGroups),
                Map.entry("AuthorizeSecurityGroupIngress", rules::authorizeIngress),
                Map.entry("AuthorizeSecurityGroupEgress", rules::authorizeEgress),
                Map.entry("RevokeSecurityGroupIngress", rules::revokeIngress),
                Map.entry("RevokeSecurityGroupEgress", rules::revokeEgress),
                Map.entry("DescribeSecurityGroupRules", rules::describeSecurityGroupRules),
                Map.entry("DescribeNetworkInterfaces", interfaces::describeNetworkInterfaces),
                Map.entry("ModifyNetworkInterfaceAttribute", interfaces::modifyNetworkInterfaceAttribute),
                Map.entry("ModifyInstanceAttribute", attributes::modifyInstanceAttribute),
                Map.entry("DescribeInstanceAttribute", attributes::describeInstanceAttribute),
                Map.entry("DescribeVolumes", ebs::describeVolumes),
                Map.entry("CreateSnapshot", ebs::createSnapshot),
                Map.entry("CreateSnapshots", ebs::createSnapshots),
                Map.entry("DescribeSnapshots", ebs::describeSnapshots),
                Map.entry("DescribeTags", tags::describeTags));
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Map<String, Operation> operations() {
        return operations;
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
