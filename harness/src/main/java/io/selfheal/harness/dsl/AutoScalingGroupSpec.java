package io.selfheal.harness.dsl;

import io.selfheal.harness.stack.AutoScalingGroupKind;
import java.util.List;
import java.util.Map;

/**
 * An Auto Scaling group of the stack and its launch template ({@code stack.autoScalingGroups.<key>}):
 * {@code g -> g.imageId("ami-…").securityGroups("web").desired(2)}. Name its instances with
 * {@code stack.instance("first", i -> i.autoScalingGroup("web", 0))}.
 */
public final class AutoScalingGroupSpec extends Spec<AutoScalingGroupSpec> {
    private String name;
    private String imageId;
    private String instanceType = "t3.micro";
    private List<String> securityGroups = List.of();
    private Map<String, String> instanceTags = Map.of();
    private Integer min;
    private Integer max;
    private Integer desired;
    private List<String> zones = List.of();
    private Map<String, String> tags = Map.of();

    AutoScalingGroupSpec() {
    }

    /** The group's and its template's name (default: the key). */
    public AutoScalingGroupSpec name(String name) {
        return with(s -> s.name = name);
    }

    public AutoScalingGroupSpec imageId(String imageId) {
        return with(s -> s.imageId = imageId);
    }

    /** Default {@code t3.micro}. */
    public AutoScalingGroupSpec instanceType(String instanceType) {
        return with(s -> s.instanceType = instanceType);
    }

    /** The template's security groups: keys of the stack's groups. */
    public AutoScalingGroupSpec securityGroups(String... keys) {
        return with(s -> s.securityGroups = List.of(keys));
    }

    /** An instance tag the template sets; the value may reference the stack. */
    public AutoScalingGroupSpec instanceTag(String key, String value) {
        return with(s -> s.instanceTags = plus(s.instanceTags, key, value));
    }

    /** A group tag, propagated to its instances at launch. */
    public AutoScalingGroupSpec tag(String key, String value) {
        return with(s -> s.tags = plus(s.tags, key, value));
    }

    public AutoScalingGroupSpec min(int min) {
        return with(s -> s.min = min);
    }

    public AutoScalingGroupSpec max(int max) {
        return with(s -> s.max = max);
    }

    public AutoScalingGroupSpec desired(int desired) {
        return with(s -> s.desired = desired);
    }

    /** Availability Zones to launch into (default: the region's first). */
    public AutoScalingGroupSpec zones(String... zones) {
        return with(s -> s.zones = List.of(zones));
    }

    AutoScalingGroupKind.Group build(String key, Checks checks) {
        checks.required("imageId", imageId);
        instanceTags.forEach((k, v) -> checks.at("launchTemplate").at("tags").at(k).references(v));
        tags.forEach((k, v) -> checks.at("tags").at(k).references(v));
        int[] size = AutoScalingGroupKind.sizes(min, max, desired);
        String problem = AutoScalingGroupKind.sizeProblem(size);
        if (problem != null) {
            checks.problem(problem);
        }
        return new AutoScalingGroupKind.Group(key, name == null ? key : name, new AutoScalingGroupKind.Template(
                imageId, instanceType, InstanceSpec.groups(checks, securityGroups), null, instanceTags), size[0],
                size[1], size[2], zones, tags);
    }
}
