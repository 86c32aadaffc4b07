package io.selfheal.harness.stack;

import io.selfheal.harness.backend.Waits;
import io.selfheal.harness.yaml.YMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateTagSpecificationRequest;
import software.amazon.awssdk.services.ec2.model.RequestLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * {@code stack.autoScalingGroups}: an EC2 launch template (CreateLaunchTemplate) and an Auto Scaling group launching
 * from it (CreateAutoScalingGroup, {@code $Default} version), awaited until its desired instances run. Faults and
 * outcomes name a group's instances through {@code instances} entries that are members of it
 * ({@code {autoScalingGroup: web, index: 0}}).
 */
public final class AutoScalingGroupKind extends AbstractStackKind<AutoScalingGroupKind.Group> {
    public static final String KEY = "autoScalingGroups";
    private static final Duration GROUP_START = Duration.ofSeconds(60);

    /**
     * An Auto Scaling group.
     *
     * @param template what its instances launch with
     * @param zones    the Availability Zones it launches into (default: the region's first)
     * @param tags     group tags, propagated to its instances at launch
     */
    public record Group(String key, String name, Template template, int min, int max, int desired,
                        List<String> zones, Map<String, String> tags) {
    }

    /**
     * The group's launch template.
     *
     * @param securityGroups  keys of {@code securityGroups} entries
     * @param instanceProfile the key of the {@code roles} entry its instances run as, or null
     * @param tags            instance tags the template sets
     */
    public record Template(String imageId, String instanceType, List<String> securityGroups, String instanceProfile,
                           Map<String, String> tags) {
    }

    public AutoScalingGroupKind() {
        super(KEY, Group.class, List.of("name", "arn", "launchTemplateId"), Set.of(SecurityGroupKind.KEY,
                RoleKind.KEY));
    }

    @Override
    public Group read(String key, YMap m, StackReading reading) {
        m.allow("name", "launchTemplate", "min", "max", "desired", "zones", "tags");
        YMap t = m.require("launchTemplate") == null ? null : m.get("launchTemplate").map();
        Template template = null;
        if (t != null) {
            t.allow("imageId", "instanceType", "securityGroups", "instanceProfile", "tags");
            List<String> groups = InstanceKind.groups(t, reading);
            String profile = t.has("instanceProfile") ? reading.stackKey(RoleKind.KEY, t.get("instanceProfile")) : null;
            template = new Template(t.requiredString("imageId"),
                    StackReading.orElse(t.string("instanceType"), "t3.micro"), groups, profile, t.stringMap("tags"));
        }
        int[] size = sizes(m.integer("min"), m.integer("max"), m.integer("desired"));
        String problem = sizeProblem(size);
        if (problem != null) {
            m.node().problem(problem);
        }
        List<String> zones = m.has("zones") ? m.strings("zones") : List.of();
        return new Group(key, StackReading.orElse(m.string("name"), key), template, size[0], size[1], size[2],
                zones == null ? List.of() : zones, m.stringMap("tags"));
    }

    /** {min, max, desired} with the defaults filled in: min 1, desired min, max the larger of min and desired. */
    public static int[] sizes(Integer min, Integer max, Integer desired) {
        int lo = min == null ? 1 : min;
        int want = desired == null ? lo : desired;
        return new int[] {lo, max == null ? Math.max(lo, want) : max, want};
    }

    /** What is wrong with {@link #sizes} as CreateAutoScalingGroup would refuse it, for the YAML reader and the DSL. */
    public static String sizeProblem(int[] size) {
        if (size[0] < 0 || size[0] > size[1]) {
            return "min must be between 0 and max (min " + size[0] + ", max " + size[1] + ")";
        }
        return size[2] < size[0] || size[2] > size[1]
                ? "desired must be between min and max (" + size[0] + ".." + size[1] + "), not " + size[2] : null;
    }

    @Override
    public void provision(Map<String, Group> groups, Provisioning p) {
        groups.values().forEach(g -> provision(g, p));
    }

    private void provision(Group g, Provisioning p) {
        StackState state = p.state();
        Template t = g.template();
        RequestLaunchTemplateData.Builder data = RequestLaunchTemplateData.builder().imageId(t.imageId())
                .instanceType(t.instanceType());
        if (!t.securityGroups().isEmpty()) {
            data.securityGroupIds(t.securityGroups().stream().map(state::securityGroupId).toList());
        }
        if (t.instanceProfile() != null) {
            String profile = InstanceProfiles.of(t.instanceProfile(), p);
            data.iamInstanceProfile(r -> r.arn(profile));
        }
        if (!t.tags().isEmpty()) {
            List<Tag> tags = new ArrayList<>();
            state.resolve(t.tags()).forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
            data.tagSpecifications(LaunchTemplateTagSpecificationRequest.builder().resourceType(ResourceType.INSTANCE)
                    .tags(tags).build());
        }
        var ec2 = p.clients().ec2();
        String name = p.name(g.name(), io.selfheal.harness.runid.NameLimits.AUTO_SCALING_GROUP);
        String templateName = p.name(g.name(), io.selfheal.harness.runid.NameLimits.LAUNCH_TEMPLATE);
        String templateId = ec2.createLaunchTemplate(r -> r.launchTemplateName(templateName).launchTemplateData(
                data.build())).launchTemplate().launchTemplateId();
        List<String> zones = g.zones().isEmpty() ? List.of(p.region() + "a") : g.zones();
        var autoScaling = p.clients().autoScaling();
        autoScaling.createAutoScalingGroup(r -> r.autoScalingGroupName(name).minSize(g.min()).maxSize(g.max())
                .desiredCapacity(g.desired()).availabilityZones(zones)
                .launchTemplate(l -> l.launchTemplateId(templateId).version("$Default"))
                .tags(state.resolve(g.tags()).entrySet().stream().map(e -> software.amazon.awssdk.services.autoscaling
                        .model.Tag.builder().key(e.getKey()).value(e.getValue()).propagateAtLaunch(true).build())
                        .toList()));
        AutoScalingGroup described = describe(p, name);
        p.put(this, g.key(), "name", name);
        p.put(this, g.key(), "arn", described.autoScalingGroupARN());
        p.put(this, g.key(), "launchTemplateId", templateId);
        Waits.until(p.cloud(), "Auto Scaling group " + g.key() + " (" + g.name() + ") with " + g.desired()
                + " running instances", GROUP_START, () -> {
                    List<String> ids = describe(p, name).instances().stream()
                            .map(software.amazon.awssdk.services.autoscaling.model.Instance::instanceId).toList();
                    return ids.size() == g.desired() && (ids.isEmpty() || ec2.describeInstances(r -> r.instanceIds(ids))
                            .reservations().stream().flatMap(r -> r.instances().stream())
                            .allMatch(i -> i.state().name() == InstanceStateName.RUNNING));
                });
    }

    /** The group as DescribeAutoScalingGroups reports it. */
    static AutoScalingGroup describe(Provisioning p, String name) {
        return p.clients().autoScaling().describeAutoScalingGroups(r -> r.autoScalingGroupNames(name))
                .autoScalingGroups().get(0);
    }

    /** The JSON Schema of this kind: its section's description, one entry's schema, and defs it refers to. */
    @Override
    public String schema() {
        return """
            {"description": "Auto Scaling groups, each launching from its own EC2 launch template (CreateLaunchTemplate, CreateAutoScalingGroup), by key. Name a group's instances with instances entries {autoScalingGroup: <key>, index: n}.", "entry": {"description": "An Auto Scaling group and its launch template. References: ${autoScalingGroups.<key>.name}, ${autoScalingGroups.<key>.arn}, ${autoScalingGroups.<key>.launchTemplateId}.", "type": "object", "additionalProperties": false, "required": ["launchTemplate"], "properties": {
              "name": {"description": "The group's name, and its launch template's (default: the entry's key).", "type": "string"},
              "launchTemplate": {"description": "What the group's instances launch with.", "type": "object", "additionalProperties": false, "required": ["imageId"], "properties": {
                "imageId": {"description": "The AMI id, e.g. ami-0abcdef1234567890.", "type": "string"},
                "instanceType": {"description": "The instance type (default t3.micro).", "type": "string", "default": "t3.micro"},
                "securityGroups": {"description": "Keys of securityGroups entries the instances are launched in (default: the VPC's default group).", "type": "array", "items": {"$ref": "#/$defs/stackKey"}},
                "instanceProfile": {"description": "The key of the roles entry the instances run as, through an instance profile named after the role (give the role a trustPolicy trusting ec2.amazonaws.com).", "$ref": "#/$defs/stackKey"},
                "tags": {"description": "Instance tags the template sets, name to value.", "$ref": "#/$defs/textMap"}
              }},
              "min": {"description": "MinSize (default 1).", "type": "integer", "minimum": 0, "default": 1},
              "max": {"description": "MaxSize (default: the larger of min and desired).", "type": "integer", "minimum": 0},
              "desired": {"description": "DesiredCapacity (default: min); provisioning waits for this many running instances.", "type": "integer", "minimum": 0},
              "zones": {"description": "Availability Zones to launch into (default: the region's first, e.g. us-east-1a).", "type": "array", "minItems": 1, "items": {"type": "string"}},
              "tags": {"description": "Group tags, propagated to its instances at launch, name to value.", "$ref": "#/$defs/textMap"}
            }}
            }
            """;
    }
}
