package io.selfheal.harness.dsl;

import io.selfheal.harness.scenario.Stack;
import java.util.Map;

/** An EC2 instance of the stack ({@code stack.instances.<key>}): {@code i -> i.imageId("ami-…").tag("Name", "web")}. */
public final class InstanceSpec extends Spec<InstanceSpec> {
    private String imageId;
    private String instanceType = "t3.micro";
    private Map<String, String> tags = Map.of();
    private boolean detailedMonitoring;

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

    Stack.Instance build(String key, Checks checks) {
        checks.required("imageId", imageId);
        tags.forEach((k, v) -> checks.at("tags").at(k).references(v));
        return new Stack.Instance(key, imageId, instanceType, tags, detailedMonitoring);
    }
}
