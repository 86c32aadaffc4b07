package io.selfheal.harness.dsl;

import io.selfheal.harness.expect.Expectation;
import io.selfheal.harness.expect.InstanceExpectation;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/** {@code instance}: {@code Outcomes.instance("web").running().rebootCount(1).tag("Quarantined", "true")}. */
public final class InstanceOutcome extends Spec<InstanceOutcome> implements OutcomeSpec {
    private final String ref;
    private InstanceStateName state;
    private Integer rebootCount;
    private Map<String, String> tags = Map.of();

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

    @Override
    public String key() {
        return "instance";
    }

    @Override
    public Expectation build(Checks checks) {
        String key = checks.stackKey("ref", "instances", ref);
        String value = checks.choice("state", state == null ? null : state.toString(), "pending", "running",
                "stopping", "stopped", "shutting-down", "terminated");
        if (state == null && rebootCount == null && tags.isEmpty()) {
            checks.problem("say what to expect of the instance: state, rebootCount and/or tags");
        }
        tags.forEach((k, v) -> checks.at("tags").at(k).references(v));
        return new InstanceExpectation(key, value, rebootCount, tags);
    }
}
