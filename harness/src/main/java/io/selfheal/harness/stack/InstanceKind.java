package io.selfheal.harness.stack;

import io.selfheal.harness.backend.Waits;
import io.selfheal.harness.yaml.YMap;
import io.selfheal.harness.yaml.YNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/** {@code stack.instances}: EC2 instances started with RunInstances, each awaited until running. */
public final class InstanceKind extends AbstractStackKind<InstanceKind.Instance> {
    public static final String KEY = "instances";
    private static final Duration INSTANCE_START = Duration.ofSeconds(30);

    /** An EC2 instance started with RunInstances, in the given stack security groups (by key) if any. */
    public record Instance(String key, String imageId, String instanceType, Map<String, String> tags,
                           boolean detailedMonitoring, List<String> securityGroups) {
    }

    public InstanceKind() {
        super(KEY, Instance.class, List.of("id", "arn"), Set.of(SecurityGroupKind.KEY));
    }

    @Override
    public Instance read(String key, YMap m, StackReading reading) {
        m.allow("imageId", "instanceType", "tags", "monitoring", "securityGroups");
        List<String> groups = new ArrayList<>();
        if (m.has("securityGroups")) {
            for (YNode group : m.get("securityGroups").list()) {
                String k = reading.stackKey(SecurityGroupKind.KEY, group);
                if (k != null) {
                    groups.add(k);
                }
            }
        }
        return new Instance(key, m.requiredString("imageId"),
                StackReading.orElse(m.string("instanceType"), "t3.micro"), m.stringMap("tags"),
                "detailed".equals(m.choice("monitoring", "basic", "detailed")), groups);
    }

    @Override
    public void provision(Map<String, Instance> instances, Provisioning p) {
        instances.values().forEach(spec -> provision(spec, p));
    }

    private void provision(Instance spec, Provisioning p) {
        StackState state = p.state();
        List<Tag> tags = new ArrayList<>();
        state.resolve(spec.tags()).forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
        var builder = RunInstancesRequest.builder()
                .imageId(spec.imageId()).instanceType(spec.instanceType()).minCount(1).maxCount(1)
                .monitoring(m -> m.enabled(spec.detailedMonitoring()));
        if (!spec.securityGroups().isEmpty()) {
            builder.securityGroupIds(spec.securityGroups().stream()
                    .map(g -> state.get(SecurityGroupKind.KEY, g, "id")).toList());
        }
        if (!tags.isEmpty()) {
            builder.tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE).tags(tags).build());
        }
        var ec2 = p.clients().ec2();
        String id = ec2.runInstances(builder.build()).instances().get(0).instanceId();
        p.put(this, spec.key(), "id", id);
        p.put(this, spec.key(), "arn", p.arn("ec2", "instance/" + id));
        Waits.until(p.cloud(), "instance " + spec.key() + " (" + id + ") running", INSTANCE_START,
                () -> ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0)
                        .instances().get(0).state().name() == InstanceStateName.RUNNING);
    }

    /** The JSON Schema of this kind: its section's description, one entry's schema, and defs it refers to. */
    @Override
    public String schema() {
        return """
            {"description": "EC2 instances (RunInstances), by key.", "entry": {"description": "An EC2 instance. References: ${instances.<key>.id}, ${instances.<key>.arn}.", "type": "object", "additionalProperties": false, "required": ["imageId"], "properties": {
              "imageId": {"description": "The AMI id, e.g. ami-0abcdef1234567890.", "type": "string"},
              "instanceType": {"description": "The instance type (default t3.micro).", "type": "string", "default": "t3.micro"},
              "tags": {"description": "Tags set at launch, name to value.", "$ref": "#/$defs/textMap"},
              "monitoring": {"description": "'basic' (default; CPUUtilization every 5 minutes) or 'detailed' (every minute).", "enum": ["basic", "detailed"], "default": "basic"},
              "securityGroups": {"description": "Keys of securityGroups entries the instance is launched in (default: the VPC's default group).", "type": "array", "items": {"$ref": "#/$defs/stackKey"}}
            }}
            }
            """;
    }
}
