package io.selfheal.harness.expect;

import io.selfheal.harness.engine.ScenarioRun;
import io.selfheal.harness.scenario.ReadContext;
import io.selfheal.harness.yaml.YMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * An instance's state as DescribeInstances reports it, and optionally how often it was rebooted (a fact EC2's API
 * does not expose, read from the cloud's control side): {@code instance: {ref: web, state: running, rebootCount: 1}},
 * and tags it must carry ({@code tags: {Quarantined: "true"}}, values may reference the stack).
 */
public record InstanceExpectation(String ref, String state, Integer rebootCount, Map<String, String> tags)
        implements Expectation {

    @Override
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (state != null) {
            parts.add("is " + state);
        }
        if (rebootCount != null) {
            parts.add("was rebooted " + rebootCount + " time" + (rebootCount == 1 ? "" : "s"));
        }
        if (!tags.isEmpty()) {
            parts.add("is tagged " + tags);
        }
        return "instance " + ref + " " + String.join(" and ", parts);
    }

    @Override
    public Verdict check(ScenarioRun run) {
        String id = run.state().instanceId(ref);
        Instance instance = run.clients().ec2().describeInstances(r -> r.instanceIds(id))
                .reservations().get(0).instances().get(0);
        String actualState = instance.state().nameAsString();
        boolean holds = state == null || state.equals(actualState);
        String observed = id + " is " + actualState;
        if (rebootCount != null) {
            int reboots = run.cloud().rebootCount(id);
            holds &= reboots == rebootCount;
            observed += ", rebooted " + reboots + " time" + (reboots == 1 ? "" : "s");
        }
        if (!tags.isEmpty()) {
            Map<String, String> actual = new TreeMap<>();
            instance.tags().forEach(t -> actual.put(t.key(), t.value()));
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                holds &= run.state().resolve(tag.getValue()).equals(actual.get(tag.getKey()));
            }
            observed += ", tags " + actual;
        }
        return Verdict.of(holds, observed);
    }

    /** Registered as {@code instance}. */
    public static final class Type implements ExpectationType {
        @Override
        public String key() {
            return "instance";
        }

        @Override
        public Expectation read(YMap spec, ReadContext context) {
            spec.allow("ref", "state", "rebootCount", "tags");
            String ref = context.stackKey("instances", spec.require("ref"));
            String state = spec.choice("state", "pending", "running", "stopping", "stopped", "shutting-down",
                    "terminated");
            Integer reboots = spec.integer("rebootCount");
            Map<String, String> tags = spec.stringMap("tags");
            if (state == null && reboots == null && tags.isEmpty()) {
                spec.node().problem("say what to expect of the instance: state, rebootCount and/or tags");
            }
            return new InstanceExpectation(ref, state, reboots, tags);
        }
    }
}
