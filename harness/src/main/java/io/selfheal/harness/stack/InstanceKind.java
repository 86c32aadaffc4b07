package io.selfheal.harness.stack;

import io.selfheal.harness.backend.Waits;
import io.selfheal.harness.yaml.YMap;
import io.selfheal.harness.yaml.YNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceSpecification;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * {@code stack.instances}: EC2 instances started with RunInstances, each awaited until running, optionally running as
 * an instance profile of a {@code roles} entry; or an instance of an {@code autoScalingGroups} entry
 * ({@code {autoScalingGroup: web, index: 0}}: its first instance in launch order), named so faults and outcomes can
 * reach it.
 */
public final class InstanceKind extends AbstractStackKind<InstanceKind.Instance> {
    public static final String KEY = "instances";
    private static final Duration INSTANCE_START = Duration.ofSeconds(30);

    /**
     * An EC2 instance started with RunInstances, in the given stack security groups (by key) if any.
     *
     * @param networkInterfaces the stack groups (by key) of each interface, device index 0 first; empty for one
     *                          interface in {@code securityGroups}
     * @param volumes           EBS volumes besides the root volume
     * @param instanceProfile   the key of the {@code roles} entry it runs as (through an instance profile), or null
     * @param member            the group instance this entry names instead of launching one, or null
     */
    public record Instance(String key, String imageId, String instanceType, Map<String, String> tags,
                           boolean detailedMonitoring, List<String> securityGroups,
                           List<List<String>> networkInterfaces, List<DataVolume> volumes, String instanceProfile,
                           GroupMember member) {
        public Instance(String key, String imageId, String instanceType, Map<String, String> tags,
                        boolean detailedMonitoring, List<String> securityGroups) {
            this(key, imageId, instanceType, tags, detailedMonitoring, securityGroups, List.of(), List.of());
        }

        public Instance(String key, String imageId, String instanceType, Map<String, String> tags,
                        boolean detailedMonitoring, List<String> securityGroups,
                        List<List<String>> networkInterfaces, List<DataVolume> volumes) {
            this(key, imageId, instanceType, tags, detailedMonitoring, securityGroups, networkInterfaces, volumes,
                    null, null);
        }
    }

    /** The instance at {@code index} (launch order, as DescribeAutoScalingGroups lists them) of a stack group. */
    public record GroupMember(String group, int index) {
    }

    /** An EBS volume attached at launch (a block-device mapping). */
    public record DataVolume(String device, int sizeGiB) {
    }

    public InstanceKind() {
        super(KEY, Instance.class, List.of("id", "arn"), Set.of(SecurityGroupKind.KEY, RoleKind.KEY,
                AutoScalingGroupKind.KEY));
    }

    @Override
    public Instance read(String key, YMap m, StackReading reading) {
        if (m.has("autoScalingGroup")) {
            m.allow("autoScalingGroup", "index");
            String group = reading.stackKey(AutoScalingGroupKind.KEY, m.get("autoScalingGroup"));
            Integer index = m.integer("index");
            if (index != null && index < 0) {
                m.get("index").problem("index counts from 0 (the group's first instance)");
            }
            return new Instance(key, null, null, Map.of(), false, List.of(), List.of(), List.of(), null,
                    new GroupMember(group, index == null ? 0 : index));
        }
        m.allow("imageId", "instanceType", "tags", "monitoring", "securityGroups", "networkInterfaces", "volumes",
                "instanceProfile");
        String profile = m.has("instanceProfile") ? reading.stackKey(RoleKind.KEY, m.get("instanceProfile")) : null;
        List<String> groups = groups(m, reading);
        List<List<String>> interfaces = new ArrayList<>();
        if (m.has("networkInterfaces")) {
            // As in RunInstances: groups go on the interfaces or on the instance, not both.
            if (m.has("securityGroups")) {
                m.get("securityGroups").problem("with networkInterfaces, give each interface its securityGroups");
            }
            for (YNode entry : m.get("networkInterfaces").list()) {
                YMap nic = entry.map();
                nic.allow("securityGroups");
                interfaces.add(groups(nic, reading));
            }
        }
        List<DataVolume> volumes = new ArrayList<>();
        if (m.has("volumes")) {
            for (YNode entry : m.get("volumes").list()) {
                YMap volume = entry.map();
                volume.allow("device", "sizeGiB");
                Integer size = volume.integer("sizeGiB");
                if (size != null && size < 1) {
                    volume.get("sizeGiB").problem("a volume holds at least 1 GiB");
                }
                volumes.add(new DataVolume(volume.requiredString("device"), size == null ? 8 : size));
            }
        }
        return new Instance(key, m.requiredString("imageId"),
                StackReading.orElse(m.string("instanceType"), "t3.micro"), m.stringMap("tags"),
                "detailed".equals(m.choice("monitoring", "basic", "detailed")), groups, interfaces, volumes, profile,
                null);
    }

    /** The stack keys under {@code securityGroups} of {@code m}, each checked against the stack. */
    static List<String> groups(YMap m, StackReading reading) {
        List<String> groups = new ArrayList<>();
        if (m.has("securityGroups")) {
            for (YNode group : m.get("securityGroups").list()) {
                String k = reading.stackKey(SecurityGroupKind.KEY, group);
                if (k != null) {
                    groups.add(k);
                }
            }
        }
        return groups;
    }

    @Override
    public void provision(Map<String, Instance> instances, Provisioning p) {
        instances.values().forEach(spec -> provision(spec, p));
    }

    private void provision(Instance spec, Provisioning p) {
        if (spec.member() != null) {
            member(spec, p);
            return;
        }
        StackState state = p.state();
        List<Tag> tags = new ArrayList<>();
        state.resolve(spec.tags()).forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
        var builder = RunInstancesRequest.builder()
                .imageId(spec.imageId()).instanceType(spec.instanceType()).minCount(1).maxCount(1)
                .monitoring(m -> m.enabled(spec.detailedMonitoring()));
        if (!spec.securityGroups().isEmpty()) {
            builder.securityGroupIds(groupIds(spec.securityGroups(), state));
        }
        var ec2 = p.clients().ec2();
        if (!spec.networkInterfaces().isEmpty()) {
            // Every interface in the default VPC's first default subnet, as a console launch would place them.
            String subnet = ec2.describeSubnets().subnets().stream().filter(Subnet::defaultForAz)
                    .map(Subnet::subnetId).sorted().findFirst().orElseThrow();
            List<InstanceNetworkInterfaceSpecification> nics = new ArrayList<>();
            for (int index = 0; index < spec.networkInterfaces().size(); index++) {
                List<String> groups = spec.networkInterfaces().get(index);
                var nic = InstanceNetworkInterfaceSpecification.builder().deviceIndex(index).subnetId(subnet);
                if (!groups.isEmpty()) {
                    nic.groups(groupIds(groups, state));
                }
                nics.add(nic.build());
            }
            builder.networkInterfaces(nics);
        }
        if (!spec.volumes().isEmpty()) {
            builder.blockDeviceMappings(spec.volumes().stream().map(v -> BlockDeviceMapping.builder()
                    .deviceName(v.device()).ebs(e -> e.volumeSize(v.sizeGiB())).build()).toList());
        }
        if (spec.instanceProfile() != null) {
            String profile = InstanceProfiles.of(spec.instanceProfile(), p);
            builder.iamInstanceProfile(r -> r.arn(profile));
        }
        if (!tags.isEmpty()) {
            builder.tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE).tags(tags).build());
        }
        String id = ec2.runInstances(builder.build()).instances().get(0).instanceId();
        p.put(this, spec.key(), "id", id);
        p.put(this, spec.key(), "arn", p.arn("ec2", "instance/" + id));
        Waits.until(p.cloud(), "instance " + spec.key() + " (" + id + ") running", INSTANCE_START,
                () -> ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0)
                        .instances().get(0).state().name() == InstanceStateName.RUNNING);
    }

    /** Names the group's instance: the group is provisioned first and has its desired instances running. */
    private void member(Instance spec, Provisioning p) {
        GroupMember m = spec.member();
        String group = p.state().get(AutoScalingGroupKind.KEY, m.group(), "name");
        var instances = AutoScalingGroupKind.describe(p, group).instances();
        if (m.index() >= instances.size()) {
            throw new IllegalStateException("instances entry " + spec.key() + " names instance " + m.index()
                    + " of Auto Scaling group " + m.group() + ", which has " + instances.size());
        }
        String id = instances.get(m.index()).instanceId();
        p.put(this, spec.key(), "id", id);
        p.put(this, spec.key(), "arn", p.arn("ec2", "instance/" + id));
    }

    private static List<String> groupIds(List<String> keys, StackState state) {
        return keys.stream().map(g -> state.get(SecurityGroupKind.KEY, g, "id")).toList();
    }

    /** The JSON Schema of this kind: its section's description, one entry's schema, and defs it refers to. */
    @Override
    public String schema() {
        return """
            {"description": "EC2 instances (RunInstances), by key; or instances of an autoScalingGroups entry, named so faults and outcomes can reach them.", "entry": {"description": "An EC2 instance. References: ${instances.<key>.id}, ${instances.<key>.arn}.", "type": "object", "additionalProperties": false, "oneOf": [{"required": ["imageId"]}, {"required": ["autoScalingGroup"]}], "properties": {
              "autoScalingGroup": {"description": "Instead of launching one: the key of the autoScalingGroups entry whose instance this entry names (then only index may be given).", "$ref": "#/$defs/stackKey"},
              "index": {"description": "With autoScalingGroup: which of the group's instances, in launch order (default 0, the first).", "type": "integer", "minimum": 0, "default": 0},
              "instanceProfile": {"description": "The key of the roles entry the instance runs as, through an instance profile named after the role (give the role a trustPolicy trusting ec2.amazonaws.com).", "$ref": "#/$defs/stackKey"},
              "imageId": {"description": "The AMI id, e.g. ami-0abcdef1234567890.", "type": "string"},
              "instanceType": {"description": "The instance type (default t3.micro).", "type": "string", "default": "t3.micro"},
              "tags": {"description": "Tags set at launch, name to value.", "$ref": "#/$defs/textMap"},
              "monitoring": {"description": "'basic' (default; CPUUtilization every 5 minutes) or 'detailed' (every minute).", "enum": ["basic", "detailed"], "default": "basic"},
              "securityGroups": {"description": "Keys of securityGroups entries the instance is launched in (default: the VPC's default group). Not with networkInterfaces.", "type": "array", "items": {"$ref": "#/$defs/stackKey"}},
              "networkInterfaces": {"description": "One entry per network interface, device index 0 first, all in the default VPC's first default subnet (default: one interface).", "type": "array", "minItems": 1, "items": {"type": "object", "additionalProperties": false, "properties": {
                "securityGroups": {"description": "Keys of securityGroups entries this interface is in (default: the VPC's default group).", "type": "array", "items": {"$ref": "#/$defs/stackKey"}}
              }}},
              "volumes": {"description": "EBS volumes attached at launch besides the root volume.", "type": "array", "items": {"type": "object", "additionalProperties": false, "required": ["device"], "properties": {
                "device": {"description": "The device name, e.g. /dev/sdf.", "type": "string"},
                "sizeGiB": {"description": "The size in GiB (default 8).", "type": "integer", "minimum": 1, "default": 8}
              }}}
            }}
            }
            """;
    }
}
