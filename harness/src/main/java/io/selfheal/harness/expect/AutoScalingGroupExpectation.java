package io.selfheal.harness.expect;

import io.selfheal.harness.stack.AutoScalingGroupKind;
import io.selfheal.harness.stack.InstanceKind;
import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.yaml.YMap;
import io.selfheal.harness.yaml.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.Instance;

/**
 * A stack group as DescribeAutoScalingGroups reports it: its desired capacity, how many of its instances are
 * {@code InService}, and stack instances that must be (or must no longer be) among its members —
 * {@code autoScalingGroup: {ref: web, desiredCapacity: 2, inService: 2, detached: [compromised]}}, what detaching a
 * compromised instance without decrementing the capacity leaves: the instance kept out of the group (so the group
 * cannot terminate it) and a replacement launched.
 *
 * @param desiredCapacity null for no check
 * @param inService       null for no check
 * @param members         keys of {@code instances} entries that must be members
 * @param detached        keys of {@code instances} entries that must not be members
 */
public record AutoScalingGroupExpectation(String ref, Integer desiredCapacity, Count inService, List<String> members,
                                          List<String> detached) implements Expectation {

    @Override
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (desiredCapacity != null) {
            parts.add("desires " + desiredCapacity);
        }
        if (inService != null) {
            parts.add("has " + inService.describe() + " in service");
        }
        if (!members.isEmpty()) {
            parts.add("has members " + members);
        }
        if (!detached.isEmpty()) {
            parts.add("no longer has " + detached);
        }
        return "Auto Scaling group " + ref + " " + String.join(" and ", parts);
    }

    @Override
    public Verdict check(ProbeContext run) {
        String name = run.state().get(AutoScalingGroupKind.KEY, ref, "name");
        AutoScalingGroup g = run.clients().autoScaling().describeAutoScalingGroups(r -> r.autoScalingGroupNames(name))
                .autoScalingGroups().get(0);
        Set<String> ids = new TreeSet<>(g.instances().stream().map(Instance::instanceId).toList());
        long serving = g.instances().stream().filter(i -> i.lifecycleStateAsString().equals("InService")).count();
        boolean holds = desiredCapacity == null || desiredCapacity.equals(g.desiredCapacity());
        holds &= inService == null || inService.matches(serving);
        for (String key : members) {
            holds &= ids.contains(run.state().instanceId(key));
        }
        for (String key : detached) {
            holds &= !ids.contains(run.state().instanceId(key));
        }
        return Verdict.of(holds, name + " desires " + g.desiredCapacity() + ", " + serving + " in service, members "
                + ids);
    }

    /** Registered as {@code autoScalingGroup}. */
    public static final class Type implements ExpectationType {
        @Override
        public String key() {
            return "autoScalingGroup";
        }

        @Override
        public Expectation read(YMap spec, ReadContext context) {
            spec.allow("ref", "desiredCapacity", "inService", "members", "detached");
            String ref = context.stackKey(AutoScalingGroupKind.KEY, spec.require("ref"));
            Integer desired = spec.integer("desiredCapacity");
            Count inService = null;
            if (spec.has("inService")) {
                Integer n = spec.integer("inService");
                inService = n == null ? null : Count.exactly(n);
            }
            List<String> members = keys(spec.get("members"), context);
            List<String> detached = keys(spec.get("detached"), context);
            if (!spec.has("desiredCapacity") && !spec.has("inService") && !spec.has("members")
                    && !spec.has("detached")) {
                spec.node().problem("say what to expect of the group: desiredCapacity, inService, members and/or"
                        + " detached");
            }
            return new AutoScalingGroupExpectation(ref, desired, inService, members, detached);
        }

        private static List<String> keys(YNode node, ReadContext context) {
            List<String> out = new ArrayList<>();
            if (node != null) {
                for (YNode item : node.list()) {
                    String key = context.stackKey(InstanceKind.KEY, item);
                    if (key != null) {
                        out.add(key);
                    }
                }
            }
            return out;
        }

        @Override
        public String schema() {
            return """
                {"description": "A stack Auto Scaling group as DescribeAutoScalingGroups reports it: desired capacity, instances in service, and stack instances that are (or are no longer) members. Give at least one of desiredCapacity, inService, members, detached.", "type": "object", "additionalProperties": false, "required": ["ref"], "anyOf": [{"required": ["desiredCapacity"]}, {"required": ["inService"]}, {"required": ["members"]}, {"required": ["detached"]}], "properties": {
                  "ref": {"description": "The key of the autoScalingGroups entry.", "$ref": "#/$defs/stackKey"},
                  "desiredCapacity": {"description": "Exactly this DesiredCapacity.", "type": "integer", "minimum": 0},
                  "inService": {"description": "Exactly this many instances InService (not Standby, not detached).", "type": "integer", "minimum": 0},
                  "members": {"description": "Keys of instances entries that must be in the group.", "type": "array", "items": {"$ref": "#/$defs/stackKey"}},
                  "detached": {"description": "Keys of instances entries that must no longer be in the group (detached, or never in it).", "type": "array", "items": {"$ref": "#/$defs/stackKey"}}
                }}
                """;
        }
    }
}
