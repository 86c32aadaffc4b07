package io.selfheal.harness.expect;

import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.yaml.YMap;
import io.selfheal.harness.yaml.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * An instance's state as DescribeInstances reports it, and optionally how often it was rebooted (a fact EC2's API
 * does not expose, read from the cloud's control side): {@code instance: {ref: web, state: running, rebootCount: 1}},
 * tags it must carry ({@code tags: {Quarantined: "true"}}, values may reference the stack), the exact set of
 * security groups it is in ({@code securityGroups: [quarantine]}) and how many snapshots exist of its volumes
 * ({@code snapshots: {atLeast: 1, state: completed}}) — what isolating an instance changes.
 *
 * @param securityGroups group ids as written or as references ({@code ${securityGroups.quarantine.id}}); a stack key
 *                       is stored as its reference; empty for no check
 * @param snapshots      null for no check
 * @param instanceProfile {@link #NO_PROFILE} for none associated, the key of the {@code roles} entry whose profile
 *                        must be associated, or null for no check
 */
public record InstanceExpectation(String ref, String state, Integer rebootCount, Map<String, String> tags,
                                  List<String> securityGroups, VolumeSnapshots snapshots,
                                  InterfaceGroups networkInterfaces, String instanceProfile) implements Expectation {
    /** {@code instanceProfile: none}: no instance profile associated (DescribeIamInstanceProfileAssociations). */
    public static final String NO_PROFILE = "none";

    /** No check of the instance profile. */
    public InstanceExpectation(String ref, String state, Integer rebootCount, Map<String, String> tags,
                               List<String> securityGroups, VolumeSnapshots snapshots,
                               InterfaceGroups networkInterfaces) {
        this(ref, state, rebootCount, tags, securityGroups, snapshots, networkInterfaces, null);
    }

    /** No check of the network interfaces (the instance-level groups are the primary interface's). */
    public InstanceExpectation(String ref, String state, Integer rebootCount, Map<String, String> tags,
                               List<String> securityGroups, VolumeSnapshots snapshots) {
        this(ref, state, rebootCount, tags, securityGroups, snapshots, null);
    }

    /** The state, reboot count and tags only (no group or snapshot check). */
    public InstanceExpectation(String ref, String state, Integer rebootCount, Map<String, String> tags) {
        this(ref, state, rebootCount, tags, List.of(), null, null);
    }

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
        if (!securityGroups.isEmpty()) {
            parts.add("is in security groups " + securityGroups.stream().map(InstanceExpectation::groupText).toList()
                    + " only");
        }
        if (snapshots != null) {
            parts.add(snapshots.describe());
        }
        if (networkInterfaces != null) {
            parts.add(networkInterfaces.describe());
        }
        if (instanceProfile != null) {
            parts.add(NO_PROFILE.equals(instanceProfile) ? "has no instance profile"
                    : "runs as the instance profile of role " + instanceProfile);
        }
        return "instance " + ref + " " + String.join(" and ", parts);
    }

    @Override
    public java.util.Set<io.selfheal.harness.backend.Capability> needs() {
        return rebootCount == null ? java.util.Set.of()
                : java.util.Set.of(io.selfheal.harness.backend.Capability.REBOOT_COUNT);
    }

    @Override
    public Verdict check(ProbeContext run) {
        String id = run.state().instanceId(ref);
        Instance instance = run.clients().ec2().describeInstances(r -> r.instanceIds(id))
                .reservations().get(0).instances().get(0);
        String actualState = instance.state().nameAsString();
        boolean holds = state == null || state.equals(actualState);
        String observed = id + " is " + actualState;
        if (rebootCount != null) {
            int reboots = run.cloud().control(io.selfheal.harness.backend.Capability.REBOOT_COUNT).rebootCount(id);
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
        if (!securityGroups.isEmpty()) {
            TreeSet<String> expected = new TreeSet<>();
            securityGroups.forEach(g -> expected.add(run.state().resolve(g)));
            TreeSet<String> actual = new TreeSet<>();
            instance.securityGroups().stream().map(GroupIdentifier::groupId).forEach(actual::add);
            holds &= expected.equals(actual);
            observed += ", in security groups " + actual + (expected.equals(actual) ? "" : " (expected " + expected
                    + ")");
        }
        if (snapshots != null) {
            VolumeSnapshots.Observed seen = snapshots.observe(run.clients().ec2(), id);
            holds &= snapshots.matches(seen);
            observed += ", " + seen;
        }
        if (networkInterfaces != null) {
            Verdict interfaces = networkInterfaces.check(run.clients().ec2(), id, run.state());
            holds &= interfaces.holds();
            observed += ", " + interfaces.observed();
        }
        if (instanceProfile != null) {
            List<String> profiles = run.clients().ec2().describeIamInstanceProfileAssociations(r -> r.filters(
                    f -> f.name("instance-id").values(id))).iamInstanceProfileAssociations().stream()
                    .map(a -> a.iamInstanceProfile().arn()).toList();
            String role = NO_PROFILE.equals(instanceProfile) ? null
                    : run.state().get(io.selfheal.harness.stack.RoleKind.KEY, instanceProfile, "name");
            holds &= role == null ? profiles.isEmpty()
                    : profiles.size() == 1 && profiles.get(0).endsWith(":instance-profile/" + role);
            observed += ", instance profile " + (profiles.isEmpty() ? "none" : profiles);
        }
        return Verdict.of(holds, observed);
    }

    static String groupText(String group) {
        return group.startsWith("${securityGroups.") && group.endsWith(".id}")
                ? group.substring("${securityGroups.".length(), group.length() - ".id}".length()) : group;
    }

    /** Registered as {@code instance}. */
    public static final class Type implements ExpectationType {
        @Override
        public String key() {
            return "instance";
        }

        @Override
        public Expectation read(YMap spec, ReadContext context) {
            spec.allow("ref", "state", "rebootCount", "tags", "securityGroups", "snapshots", "networkInterfaces",
                    "instanceProfile");
            String ref = context.stackKey("instances", spec.require("ref"));
            String state = spec.choice("state", "pending", "running", "stopping", "stopped", "shutting-down",
                    "terminated");
            Integer reboots = spec.integer("rebootCount");
            Map<String, String> tags = spec.stringMap("tags");
            List<String> groups = groups(spec.get("securityGroups"), context);
            VolumeSnapshots snapshots = spec.has("snapshots") ? VolumeSnapshots.read(spec.get("snapshots").map())
                    : null;
            InterfaceGroups interfaces = spec.has("networkInterfaces")
                    ? interfaces(spec.get("networkInterfaces").map(), context) : null;
            String profile = spec.string("instanceProfile");
            if (profile != null && !profile.equals(NO_PROFILE)) {
                profile = context.stackKey(io.selfheal.harness.stack.RoleKind.KEY, spec.get("instanceProfile"));
            }
            if (state == null && reboots == null && tags.isEmpty() && !spec.has("securityGroups")
                    && !spec.has("snapshots") && interfaces == null && !spec.has("instanceProfile")) {
                spec.node().problem("say what to expect of the instance: state, rebootCount, tags, securityGroups,"
                        + " snapshots, networkInterfaces and/or instanceProfile");
            }
            return new InstanceExpectation(ref, state, reboots, tags, groups, snapshots, interfaces, profile);
        }

        private static InterfaceGroups interfaces(YMap spec, ReadContext context) {
            spec.allow("count", "atLeast", "atMost", "securityGroups", "groupNames");
            boolean counted = spec.has("count") || spec.has("atLeast") || spec.has("atMost");
            Count count = Count.read(spec, false);
            List<String> groups = groups(spec.get("securityGroups"), context);
            List<String> names = spec.strings("groupNames");
            if (!counted && !spec.has("securityGroups") && !spec.has("groupNames")) {
                spec.node().problem("say what to expect of the interfaces: count (or atLeast/atMost),"
                        + " securityGroups and/or groupNames");
            }
            return new InterfaceGroups(counted ? count : null, groups, names);
        }

        /**
         * Each entry a stack key ({@code quarantine}), a reference ({@code ${securityGroups.quarantine.id}}, checked
         * with all references) or a literal group id ({@code sg-…}: a group made outside the stack; a stack key of
         * that name wins).
         */
        private static List<String> groups(YNode node, ReadContext context) {
            if (node == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (YNode item : node.list()) {
                String text = item.text();
                if (text == null) {
                    continue;
                }
                if (text.contains("${") || text.startsWith("sg-") && !context.stack().has("securityGroups", text)) {
                    out.add(text);
                } else if (context.stackKey("securityGroups", item) != null) {
                    out.add("${securityGroups." + text + ".id}");
                }
            }
            if (node.isSequence() && node.list().isEmpty()) {
                node.problem("an instance is always in at least one security group: list them");
            }
            return out;
        }

        @Override
        public String schema() {
            return """
                {"description": "An instance's state as DescribeInstances reports it, its reboot count, tags, security groups and the snapshots of its volumes. Give at least one of state, rebootCount, tags, securityGroups, snapshots.", "type": "object", "additionalProperties": false, "required": ["ref"], "anyOf": [{"required": ["state"]}, {"required": ["rebootCount"]}, {"required": ["tags"]}, {"required": ["securityGroups"]}, {"required": ["snapshots"]}, {"required": ["networkInterfaces"]}, {"required": ["instanceProfile"]}], "properties": {
                  "instanceProfile": {"description": "'none' for no instance profile associated, or the key of the roles entry whose instance profile must be associated (DescribeIamInstanceProfileAssociations).", "$ref": "#/$defs/text"},
                  "ref": {"description": "The key of the instances entry.", "$ref": "#/$defs/stackKey"},
                  "state": {"description": "The instance state.", "enum": ["pending", "running", "stopping", "stopped", "shutting-down", "terminated"]},
                  "rebootCount": {"description": "Exactly how often it was rebooted since launch.", "type": "integer", "minimum": 0},
                  "tags": {"description": "Tags it must carry, name to value (values may contain ${…} references).", "$ref": "#/$defs/textMap"},
                  "securityGroups": {"description": "Exactly the security groups it is in, in any order: keys of securityGroups entries, ${securityGroups.<key>.id} references or literal sg- ids.", "type": "array", "minItems": 1, "items": {"$ref": "#/$defs/text"}},
                  "snapshots": {"description": "How many EBS snapshots exist of the volumes attached to it (DescribeVolumes, then DescribeSnapshots), optionally only those in one state.", "type": "object", "additionalProperties": false, "allOf": [{"$ref": "#/$defs/countKeys"}], "properties": {"count": {"$ref": "#/$defs/count"}, "atLeast": {"$ref": "#/$defs/atLeast"}, "atMost": {"$ref": "#/$defs/atMost"}, "state": {"description": "Count only snapshots in this state (default: any).", "enum": ["pending", "completed", "error", "recoverable", "recovering"]}}},
                  "networkInterfaces": {"description": "The interfaces attached to it (DescribeNetworkInterfaces on attachment.instance-id): how many, and the exact groups every one of them is in — the instance-level securityGroups are only the primary interface's.", "type": "object", "additionalProperties": false, "anyOf": [{"required": ["count"]}, {"required": ["atLeast"]}, {"required": ["atMost"]}, {"required": ["securityGroups"]}, {"required": ["groupNames"]}], "allOf": [{"$ref": "#/$defs/countKeys"}], "properties": {"count": {"$ref": "#/$defs/count"}, "atLeast": {"$ref": "#/$defs/atLeast"}, "atMost": {"$ref": "#/$defs/atMost"},
                    "securityGroups": {"description": "Groups every interface is in, by id: keys of securityGroups entries, ${securityGroups.<key>.id} references or literal sg- ids.", "type": "array", "minItems": 1, "items": {"$ref": "#/$defs/text"}},
                    "groupNames": {"description": "Groups every interface is in, by group name (for groups made outside the stack, e.g. by a remediation).", "type": "array", "minItems": 1, "items": {"type": "string"}}}}
                }}
                """;
        }
    }
}
