package io.selfheal.emulator.services.ec2;

import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.messages.DescribeResourceConfigurations;
import io.selfheal.emulator.messages.DescribeResourceConfigurations.Relationship;
import io.selfheal.emulator.messages.DescribeResourceConfigurations.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Answers AWS Config's {@link DescribeResourceConfigurations} for EC2's six recorded types from the live region, with
 * the relationships AWS Config names for them (an instance "Is associated with SecurityGroup", "Contains
 * NetworkInterface", "Is attached to Volume", "Is contained in Subnet"/"Vpc"; a security group "Is associated with"
 * the instances and interfaces that use it …). Terminated instances are gone for Config: their item says
 * {@code ResourceDeleted}.
 */
final class ConfigurationAnswers {
    private static final String SG = "AWS::EC2::SecurityGroup";
    private static final String INSTANCE = "AWS::EC2::Instance";
    private static final String VOLUME = "AWS::EC2::Volume";
    private static final String ENI = "AWS::EC2::NetworkInterface";
    private static final String VPC = "AWS::EC2::VPC";
    private static final String SUBNET = "AWS::EC2::Subnet";

    private final RegionalStore<Ec2Region> store;

    private ConfigurationAnswers(RegionalStore<Ec2Region> store) {
        this.store = store;
    }

    static void register(EmulatorContext context, RegionalStore<Ec2Region> store) {
        ConfigurationAnswers answers = new ConfigurationAnswers(store);
        answer(context, SG, answers, answers::securityGroups);
        answer(context, INSTANCE, answers, answers::instances);
        answer(context, VOLUME, answers, answers::volumes);
        answer(context, ENI, answers, answers::interfaces);
        answer(context, VPC, answers, answers::vpcs);
        answer(context, SUBNET, answers, answers::subnets);
    }

    private static void answer(EmulatorContext context, String type, ConfigurationAnswers answers,
                               BiFunction<Ec2Region, DescribeResourceConfigurations, List<Resource>> read) {
        context.bus().handle(DescribeResourceConfigurations.class, type, q -> answers.read(q, read));
    }

    private DescribeResourceConfigurations.Result read(DescribeResourceConfigurations q,
                                                       BiFunction<Ec2Region, DescribeResourceConfigurations, List<Resource>> read) {
        Ec2Region region = store.get(q.accountId(), q.region());
        region.ensureDefaultVpc(q.accountId(), q.region());
        synchronized (region) {
            return new DescribeResourceConfigurations.Result(read.apply(region, q));
        }
    }

    private List<Instance> live(Ec2Region region) {
        return region.all().stream().filter(i -> i.state != InstanceState.TERMINATED).toList();
    }

    private List<Resource> securityGroups(Ec2Region region, DescribeResourceConfigurations q) {
        List<Resource> out = new ArrayList<>();
        for (SecurityGroup g : region.securityGroups.values()) {
            List<Relationship> related = new ArrayList<>();
            Set<String> instances = new LinkedHashSet<>();
            for (NetworkInterface eni : region.networkInterfaces.values()) {
                if (eni.groups.contains(g)) {
                    related.add(rel(ENI, eni.networkInterfaceId, "Is associated with NetworkInterface"));
                    if (eni.instanceId() != null) {
                        instances.add(eni.instanceId());
                    }
                }
            }
            instances.forEach(id -> related.add(0, rel(INSTANCE, id, "Is associated with Instance")));
            related.add(rel(VPC, g.vpcId, "Is contained in Vpc"));
            out.add(new Resource(g.groupId, g.groupName, g.arn(), "Not Applicable", null, tags(g),
                    ConfigShapes.securityGroup(g), null, related));
        }
        return out;
    }

    private List<Resource> instances(Ec2Region region, DescribeResourceConfigurations q) {
        List<Resource> out = new ArrayList<>();
        for (Instance i : live(region)) {
            List<Relationship> related = new ArrayList<>();
            i.interfaces.forEach(e -> related.add(rel(ENI, e.networkInterfaceId, "Contains NetworkInterface")));
            i.groups().forEach(g -> related.add(rel(SG, g.groupId, "Is associated with SecurityGroup")));
            related.add(rel(SUBNET, i.subnetId, "Is contained in Subnet"));
            i.volumes.forEach(v -> related.add(rel(VOLUME, v.volumeId, "Is attached to Volume")));
            related.add(rel(VPC, i.vpcId, "Is contained in Vpc"));
            out.add(new Resource(i.instanceId, null, i.arn(), i.availabilityZone, i.launchTime, tags(i),
                    ConfigShapes.instance(i), null, related));
        }
        return out;
    }

    private List<Resource> volumes(Ec2Region region, DescribeResourceConfigurations q) {
        List<Resource> out = new ArrayList<>();
        for (Volume v : region.volumes.values()) {
            List<Relationship> related = v.instanceId == null ? List.of()
                    : List.of(rel(INSTANCE, v.instanceId, "Is attached to Instance"));
            out.add(new Resource(v.volumeId, null, arn(q, "volume/" + v.volumeId),
                    v.availabilityZone, v.createTime, tags(v), ConfigShapes.volume(v), null, related));
        }
        return out;
    }

    private List<Resource> interfaces(Ec2Region region, DescribeResourceConfigurations q) {
        List<Resource> out = new ArrayList<>();
        for (NetworkInterface e : region.networkInterfaces.values()) {
            List<Relationship> related = new ArrayList<>();
            if (e.instanceId() != null) {
                related.add(rel(INSTANCE, e.instanceId(), "Is attached to Instance"));
            }
            e.groups.forEach(g -> related.add(rel(SG, g.groupId, "Is associated with SecurityGroup")));
            related.add(rel(SUBNET, e.subnet.subnetId, "Is contained in Subnet"));
            related.add(rel(VPC, e.subnet.vpcId, "Is contained in Vpc"));
            out.add(new Resource(e.networkInterfaceId, null, arn(q, "network-interface/" + e.networkInterfaceId), e.subnet.availabilityZone,
                    null, tags(e), ConfigShapes.networkInterface(e), null, related));
        }
        return out;
    }

    private List<Resource> vpcs(Ec2Region region, DescribeResourceConfigurations q) {
        List<Resource> out = new ArrayList<>();
        for (Vpc v : region.vpcs.values()) {
            List<Relationship> related = new ArrayList<>();
            live(region).stream().filter(i -> v.vpcId.equals(i.vpcId))
                    .forEach(i -> related.add(rel(INSTANCE, i.instanceId, "Contains Instance")));
            region.networkInterfaces.values().stream().filter(e -> v.vpcId.equals(e.subnet.vpcId))
                    .forEach(e -> related.add(rel(ENI, e.networkInterfaceId, "Contains NetworkInterface")));
            region.securityGroups.values().stream().filter(g -> v.vpcId.equals(g.vpcId))
                    .forEach(g -> related.add(rel(SG, g.groupId, "Contains SecurityGroup")));
            region.subnets.values().stream().filter(s -> v.vpcId.equals(s.vpcId))
                    .forEach(s -> related.add(rel(SUBNET, s.subnetId, "Contains Subnet")));
            out.add(new Resource(v.vpcId, null, arn(q, "vpc/" + v.vpcId),
                    "Multiple Availability Zones", null, tags(v), ConfigShapes.vpc(v), null, related));
        }
        return out;
    }

    private List<Resource> subnets(Ec2Region region, DescribeResourceConfigurations q) {
        List<Resource> out = new ArrayList<>();
        for (Subnet s : region.subnets.values()) {
            List<Relationship> related = new ArrayList<>();
            live(region).stream().filter(i -> s.subnetId.equals(i.subnetId))
                    .forEach(i -> related.add(rel(INSTANCE, i.instanceId, "Contains Instance")));
            region.networkInterfaces.values().stream().filter(e -> e.subnet == s)
                    .forEach(e -> related.add(rel(ENI, e.networkInterfaceId, "Contains NetworkInterface")));
            related.add(rel(VPC, s.vpcId, "Is contained in Vpc"));
            out.add(new Resource(s.subnetId, null, s.arn(), s.availabilityZone, null, tags(s),
                    ConfigShapes.subnet(s), null, related));
        }
        return out;
    }

    private static String arn(DescribeResourceConfigurations q, String resource) {
        return "arn:aws:ec2:" + q.region() + ":" + q.accountId() + ":" + resource;
    }

    private static Relationship rel(String type, String id, String name) {
        return new Relationship(type, id, null, name);
    }

    private static Map<String, String> tags(Tagged t) {
        return new LinkedHashMap<>(t.tags());
    }
}
