package io.selfheal.emulator.services.ec2;

import io.selfheal.emulator.core.Ids;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EC2's state in one account and region: the instances in launch order (the order DescribeInstances pages in) and
 * the default VPC they land in. Every read and write happens under this object's monitor.
 */
final class Ec2Region {
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final String defaultVpcId = Ids.hex("vpc", 17);
    private final String defaultSubnetId = Ids.hex("subnet", 17);
    private final String defaultSecurityGroupId = Ids.hex("sg", 17);
    private int nextHost = 10;
    /** Set when the emulator is reset, so timers still scheduled for these instances do nothing. */
    private boolean discarded;

    synchronized Instance get(String instanceId) {
        return instances.get(instanceId);
    }

    synchronized void add(Instance instance) {
        instances.put(instance.instanceId, instance);
    }

    synchronized List<Instance> all() {
        return new ArrayList<>(instances.values());
    }

    String defaultVpcId() {
        return defaultVpcId;
    }

    String defaultSubnetId() {
        return defaultSubnetId;
    }

    String defaultSecurityGroupId() {
        return defaultSecurityGroupId;
    }

    /** The next private address in the default subnet (172.31.32.0/20, as a default VPC's subnet would be). */
    synchronized String nextPrivateIp() {
        int host = nextHost++;
        return "172.31." + (32 + host / 256 % 16) + "." + host % 256;
    }

    synchronized void discard() {
        discarded = true;
    }

    synchronized boolean discarded() {
        return discarded;
    }
}
