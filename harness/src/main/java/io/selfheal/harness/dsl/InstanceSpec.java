package io.selfheal.harness.dsl;

import io.selfheal.harness.stack.InstanceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An EC2 instance of the stack ({@code stack.instances.<key>}): {@code i -> i.imageId("ami-…").tag("Name", "w")}. */
public final class InstanceSpec extends Spec<InstanceSpec> {
    private String imageId;
    private String instanceType = "t3.micro";
    private Map<String, String> tags = Map.of();
    private boolean detailedMonitoring;
    private List<String> securityGroups = List.of();
    private List<List<String>> networkInterfaces = List.of();
    private List<InstanceKind.DataVolume> volumes = List.of();
    private InstanceKind.GroupMember member;

    InstanceSpec() {
    }

    public InstanceSpec imageId(String imageId) {
        return with(s -> s.imageId = imageId);
    }

    /** Default {@code t3.micro}. */
    public InstanceSpec instanceType(String instanceType) {
        return with(s -> s.instanceType = instanceType);
    }

    /** A tag; the value may reference the stack. */
    public InstanceSpec tag(String key, String value) {
        return with(s -> s.tags = plus(s.tags, key, value));
    }

    /** 1-minute CPUUtilization datapoints ({@code monitoring: detailed}); basic monitoring publishes every 5. */
    public InstanceSpec detailedMonitoring() {
        return with(s -> s.detailedMonitoring = true);
    }

    /** Launched in the stack's security groups under these keys. */
    public InstanceSpec securityGroups(String... keys) {
        return with(s -> s.securityGroups = List.of(keys));
    }

    /** One more network interface (device index: the order of calls), in the stack's groups under these keys. */
    public InstanceSpec networkInterface(String... groupKeys) {
        return with(s -> {
            List<List<String>> next = new ArrayList<>(s.networkInterfaces);
            next.add(List.of(groupKeys));
            s.networkInterfaces = List.copyOf(next);
        });
    }

    /** One more EBS volume attached at launch, besides the root volume. */
    public InstanceSpec volume(String device, int sizeGiB) {
        return with(s -> {
            List<InstanceKind.DataVolume> next = new ArrayList<>(s.volumes);
            next.add(new InstanceKind.DataVolume(device, sizeGiB));
            s.volumes = List.copyOf(next);
        });
    }

    /** Instead of launching one: the instance at {@code index} (launch order) of the stack group {@code groupKey}. */
    public InstanceSpec autoScalingGroup(String groupKey, int index) {
        return with(s -> s.member = new InstanceKind.GroupMember(groupKey, index));
    }

    InstanceKind.Instance build(String key, Checks checks) {
        if (member != null) {
            String group = checks.stackKey("autoScalingGroup", "autoScalingGroups", member.group());
            if (member.index() < 0) {
                checks.problem("index", "index counts from 0 (the group's first instance)");
            }
            return new InstanceKind.Instance(key, null, null, Map.of(), false, List.of(), List.of(), List.of(), null,
                    new InstanceKind.GroupMember(group, member.index()));
        }
        checks.required("imageId", imageId);
        tags.forEach((k, v) -> checks.at("tags").at(k).references(v));
        if (!networkInterfaces.isEmpty() && !securityGroups.isEmpty()) {
            checks.problem("securityGroups", "with networkInterfaces, give each interface its securityGroups");
        }
        List<List<String>> interfaces = new ArrayList<>();
        for (int n = 0; n < networkInterfaces.size(); n++) {
            interfaces.add(groups(checks.at("networkInterfaces").item(n), networkInterfaces.get(n)));
        }
        volumes.stream().filter(v -> v.sizeGiB() < 1)
                .forEach(v -> checks.problem("volumes", "a volume holds at least 1 GiB"));
        return new InstanceKind.Instance(key, imageId, instanceType, tags, detailedMonitoring,
                groups(checks, securityGroups), interfaces, volumes);
    }

    /** Stack keys of security groups, each checked against the stack. */
    static List<String> groups(Checks checks, List<String> keys) {
        List<String> groups = new ArrayList<>();
        for (int n = 0; n < keys.size(); n++) {
            String group = checks.at("securityGroups").item(n).stackKey("", "securityGroups", keys.get(n));
            if (group != null) {
                groups.add(group);
            }
        }
        return groups;
    }
}
