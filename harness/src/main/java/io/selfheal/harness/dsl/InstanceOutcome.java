package io.selfheal.harness.dsl;

import io.selfheal.harness.expect.Count;
import io.selfheal.harness.expect.Expectation;
import io.selfheal.harness.expect.InstanceExpectation;
import io.selfheal.harness.expect.InterfaceGroups;
import io.selfheal.harness.expect.VolumeSnapshots;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/**
 * {@code instance}: {@code Outcomes.instance("web").running().rebootCount(1).tag("Quarantined", "true")
 * .securityGroups("quarantine").snapshots(Count.exactly(1), "completed")}; its network interfaces with
 * {@code .networkInterfaces(Count.exactly(2)).everyInterfaceInGroupsNamed("selfheal-isolation")}.
 */
public final class InstanceOutcome extends Spec<InstanceOutcome> implements OutcomeSpec {
    private final String ref;
    private InstanceStateName state;
    private Integer rebootCount;
    private Map<String, String> tags = Map.of();
    private List<String> securityGroups;
    private VolumeSnapshots snapshots;
    private Count interfaceCount;
    private List<String> interfaceGroups;
    private List<String> interfaceGroupNames;

    InstanceOutcome(String ref) {
        this.ref = ref;
    }

    public InstanceOutcome state(InstanceStateName state) {
        return with(s -> s.state = state);
    }

    public InstanceOutcome running() {
        return state(InstanceStateName.RUNNING);
    }

    public InstanceOutcome stopped() {
        return state(InstanceStateName.STOPPED);
    }

    public InstanceOutcome terminated() {
        return state(InstanceStateName.TERMINATED);
    }

    /** How often it was rebooted (read from the cloud's control side; EC2's API does not say). */
    public InstanceOutcome rebootCount(int reboots) {
        return with(s -> s.rebootCount = reboots);
    }

    /** A tag it must carry; the value may reference the stack. */
    public InstanceOutcome tag(String key, String value) {
        return with(s -> s.tags = plus(s.tags, key, value));
    }

    /** The exact set of groups it is in: stack securityGroups keys, {@code ${…}} ids or literal sg- ids. */
    public InstanceOutcome securityGroups(String... groups) {
        return with(s -> s.securityGroups = List.of(groups));
    }

    /** How many snapshots exist of its volumes, optionally only those in {@code state} (null for any). */
    public InstanceOutcome snapshots(Count count, String state) {
        return with(s -> s.snapshots = new VolumeSnapshots(count, state));
    }

    /** How many network interfaces are attached to it ({@code networkInterfaces.count}, atLeast, atMost). */
    public InstanceOutcome networkInterfaces(Count count) {
        return with(s -> s.interfaceCount = count);
    }

    /**
     * The exact groups every attached interface is in ({@code networkInterfaces.securityGroups}): stack keys,
     * {@code ${…}} ids or literal sg- ids.
     */
    public InstanceOutcome everyInterfaceIn(String... groups) {
        return with(s -> s.interfaceGroups = List.of(groups));
    }

    /** The exact groups every attached interface is in, by name ({@code networkInterfaces.groupNames}). */
    public InstanceOutcome everyInterfaceInGroupsNamed(String... names) {
        return with(s -> s.interfaceGroupNames = List.of(names));
    }

    private InterfaceGroups interfaces(Checks checks) {
        if (interfaceCount == null && interfaceGroups == null && interfaceGroupNames == null) {
            return null;
        }
        return new InterfaceGroups(interfaceCount, groups(checks.at("networkInterfaces"), interfaceGroups),
                interfaceGroupNames == null ? List.of() : interfaceGroupNames);
    }

    /** As the loader reads them: a stack key becomes its {@code ${securityGroups.<key>.id}} reference. */
    private static List<String> groups(Checks checks, List<String> securityGroups) {
        if (securityGroups == null) {
            return List.of();
        }
        if (securityGroups.isEmpty()) {
            checks.at("securityGroups").problem("an instance is always in at least one security group: list them");
        }
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < securityGroups.size(); i++) {
            String group = securityGroups.get(i);
            if (group.contains("${")) {
                checks.at("securityGroups").item(i).references(group);
                out.add(group);
            } else if (group.startsWith("sg-") && !checks.stack().has("securityGroups", group)) {
                out.add(group);
            } else if (checks.stackKey("securityGroups", "securityGroups", group) != null) {
                out.add("${securityGroups." + group + ".id}");
            }
        }
        return out;
    }

    @Override
    public String key() {
        return "instance";
    }

    @Override
    public Expectation build(Checks checks) {
        String key = checks.stackKey("ref", "instances", ref);
        String value = checks.choice("state", state == null ? null : state.toString(), "pending", "running",
                "stopping", "stopped", "shutting-down", "terminated");
        InterfaceGroups interfaces = interfaces(checks);
        if (state == null && rebootCount == null && tags.isEmpty() && securityGroups == null && snapshots == null
                && interfaces == null) {
            checks.problem("say what to expect of the instance: state, rebootCount, tags, securityGroups,"
                    + " snapshots and/or networkInterfaces");
        }
        tags.forEach((k, v) -> checks.at("tags").at(k).references(v));
        return new InstanceExpectation(key, value, rebootCount, tags, groups(checks, securityGroups), snapshots,
                interfaces);
    }
}
