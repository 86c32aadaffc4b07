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

    InstanceKind.Instance build(String key, Checks checks) {
        checks.required("imageId", imageId);
        tags.forEach((k, v) -> checks.at("tags").at(k).references(v));
        List<String> groups = new ArrayList<>();
        for (int n = 0; n < securityGroups.size(); n++) {
            String group = checks.at("securityGroups").item(n).stackKey("", "securityGroups", securityGroups.get(n));
            if (group != null) {
                groups.add(group);
            }
        }
        return new InstanceKind.Instance(key, imageId, instanceType, tags, detailedMonitoring, groups);
    }
}
