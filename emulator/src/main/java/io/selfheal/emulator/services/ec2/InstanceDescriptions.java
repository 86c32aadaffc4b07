package io.selfheal.emulator.services.ec2;

import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.messages.DescribeInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Answers {@link DescribeInstance} on the bus from the instance and the interfaces attached to it. */
final class InstanceDescriptions {
    private final RegionalStore<Ec2Region> store;

    InstanceDescriptions(EmulatorContext context, RegionalStore<Ec2Region> store) {
        this.store = store;
        context.bus().handle(DescribeInstance.class, this::describe);
    }

    private DescribeInstance.Result describe(DescribeInstance q) {
        Ec2Region region = store.get(q.accountId(), q.region());
        synchronized (region) {
            Instance i = region.get(q.instanceId());
            if (i == null) {
                return DescribeInstance.Result.notFound();
            }
            List<DescribeInstance.NetworkInterface> interfaces = new ArrayList<>();
            for (NetworkInterface eni : i.interfaces) {
                interfaces.add(new DescribeInstance.NetworkInterface(eni.networkInterfaceId, eni.subnet.subnetId,
                        eni.subnet.vpcId, eni.privateIpAddress, eni.privateDnsName, eni.macAddress,
                        eni.groups.stream().map(g -> new DescribeInstance.SecurityGroup(g.groupId, g.groupName))
                                .toList(), eni.association == null ? null : eni.association.publicIp(),
                        eni.association == null ? null : eni.association.publicDnsName()));
            }
            DescribeInstance.IamInstanceProfile profile = i.profile == null ? null
                    : new DescribeInstance.IamInstanceProfile(i.profile.arn(), i.profile.profileId());
            return new DescribeInstance.Result(new DescribeInstance.Instance(i.instanceId, i.state.wireName(),
                    i.instanceType, i.imageId, i.vpcId, i.subnetId, i.availabilityZone, i.privateIpAddress,
                    i.privateDnsName, i.launchTime, Map.copyOf(i.tags), List.copyOf(interfaces), profile));
        }
    }
}
