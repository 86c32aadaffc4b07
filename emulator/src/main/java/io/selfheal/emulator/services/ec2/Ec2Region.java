package io.selfheal.emulator.services.ec2;

import io.selfheal.emulator.core.Ids;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * EC2's state in one account and region: the instances in launch order (the order DescribeInstances pages in), the
 * default VPC with its subnets and default security group (made on first use, as every account has one), security
 * groups, network interfaces, volumes and snapshots. Every read and write happens under this object's monitor.
 */
final class Ec2Region {
    /** The emulator's id generator, for everything created in this region. */
    final Ids ids;
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    final Map<String, Vpc> vpcs = new LinkedHashMap<>();
    final Map<String, Subnet> subnets = new LinkedHashMap<>();
    final Map<String, SecurityGroup> securityGroups = new LinkedHashMap<>();
    final Map<String, NetworkInterface> networkInterfaces = new LinkedHashMap<>();
    final Map<String, Volume> volumes = new LinkedHashMap<>();
    final Map<String, Snapshot> snapshots = new LinkedHashMap<>();
    /** Elastic IPs by allocation id, in allocation order. */
    final Map<String, ElasticIp> addresses = new LinkedHashMap<>();
    /** Public addresses for instances and Elastic IPs. */
    final PublicAddressPool publicAddresses = new PublicAddressPool();
    final Map<String, LaunchTemplate> launchTemplates = new LinkedHashMap<>();
    /** Instance profile ARN → the {@code AIPA…} id associations show for it. */
    final Map<String, String> profileIds = new java.util.HashMap<>();
    private Vpc defaultVpc;
    /** Set when the emulator is reset, so timers still scheduled for these instances do nothing. */
    private boolean discarded;

    Ec2Region(Ids ids) {
        this.ids = ids;
    }

    /** The caller's region, its default VPC in place; callers then lock it. */
    static Ec2Region of(RegionalStore<Ec2Region> store, RequestContext ctx) {
        Ec2Region region = store.get(ctx);
        region.ensureDefaultVpc(ctx.accountId(), ctx.region());
        return region;
    }

    synchronized void ensureDefaultVpc(String accountId, String regionName) {
        if (defaultVpc == null) {
            defaultVpc = DefaultVpc.create(this, accountId, regionName);
        }
        releaseTerminated();
    }

    synchronized Instance get(String instanceId) {
        return instances.get(instanceId);
    }

    synchronized void add(Instance instance) {
        instances.put(instance.instanceId, instance);
    }

    synchronized List<Instance> all() {
        return new ArrayList<>(instances.values());
    }

    Vpc defaultVpc() {
        return defaultVpc;
    }

    /** The default subnet of {@code zone}, or null. */
    synchronized Subnet defaultSubnet(String zone) {
        return subnets.values().stream().filter(s -> s.defaultForAz && s.availabilityZone.equals(zone))
                .findFirst().orElse(null);
    }

    synchronized SecurityGroup groupByName(String vpcId, String name) {
        return securityGroups.values().stream().filter(g -> g.vpcId.equals(vpcId) && g.groupName.equals(name))
                .findFirst().orElse(null);
    }

    synchronized SecurityGroupRule rule(String ruleId) {
        return securityGroups.values().stream().flatMap(g -> g.rules.stream())
                .filter(r -> r.ruleId.equals(ruleId)).findFirst().orElse(null);
    }

    /** Every taggable resource, in a stable order (DescribeTags pages in it). */
    synchronized Stream<Tagged> taggable() {
        return Stream.of(instances.values(), vpcs.values(), subnets.values(), securityGroups.values(),
                        networkInterfaces.values(), volumes.values(), snapshots.values(),
                        securityGroups.values().stream().flatMap(g -> g.rules.stream()).toList(), addresses.values())
                .flatMap(c -> c.stream().map(t -> (Tagged) t));
    }

    /**
     * A terminated instance gives back what it held (instance lifecycle, "Terminate"): its interfaces and
     * volumes marked delete-on-termination are deleted, the others detached, its instance profile disassociated. Done
     * lazily, on the next EC2 call, so the lifecycle's timers need not know about networking.
     */
    private void releaseTerminated() {
        for (Instance i : instances.values()) {
            if (i.state != InstanceState.TERMINATED || i.interfaces.isEmpty() && i.volumes.isEmpty()) {
                continue;
            }
            for (NetworkInterface eni : i.interfaces) {
                if (eni.attachment.deleteOnTermination()) {
                    networkInterfaces.remove(eni.networkInterfaceId);
                    eni.subnet.release(eni.privateIpAddress);
                    PublicAddresses.deleted(this, eni);
                }
                eni.attachment = null;
            }
            for (Volume v : i.volumes) {
                if (v.deleteOnTermination) {
                    volumes.remove(v.volumeId);
                } else {
                    v.instanceId = null;
                }
            }
            i.interfaces.clear();
            i.volumes.clear();
            i.profile = null;
        }
    }

    synchronized void discard() {
        discarded = true;
    }

    synchronized boolean discarded() {
        return discarded;
    }
}
