package io.selfheal.harness.steps.drift;

import io.selfheal.harness.steps.FaultContext;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code monitoring: basic}: detailed monitoring turned off with UnmonitorInstances (what
 * {@code ec2-instance-detailed-monitoring-enabled} checks); {@code monitoring: detailed} turns it on with
 * MonitorInstances.
 */
public record InstanceMonitoring(boolean detailed) implements Drift {

    @Override
    public Set<DriftTarget.Kind> appliesTo() {
        return EnumSet.of(DriftTarget.Kind.INSTANCE);
    }

    @Override
    public String describe() {
        return detailed ? "detailed monitoring turned on" : "detailed monitoring turned off";
    }

    @Override
    public void apply(FaultContext run, DriftTarget target) {
        String id = target.resourceId(run);
        if (detailed) {
            run.clients().ec2().monitorInstances(r -> r.instanceIds(id));
        } else {
            run.clients().ec2().unmonitorInstances(r -> r.instanceIds(id));
        }
    }
}
