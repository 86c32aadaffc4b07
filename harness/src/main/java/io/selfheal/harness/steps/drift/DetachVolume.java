package io.selfheal.harness.steps.drift;

import io.selfheal.harness.steps.FaultContext;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code detachVolume: true} on {@code {instance, device}}: that volume is detached (DetachVolume) and left
 * {@code available}, as after a forgotten migration; what {@code ec2-volume-inuse-check} checks.
 */
public record DetachVolume() implements Drift {

    @Override
    public Set<DriftTarget.Kind> appliesTo() {
        return EnumSet.of(DriftTarget.Kind.VOLUME);
    }

    @Override
    public String describe() {
        return "detached";
    }

    @Override
    public void apply(FaultContext run, DriftTarget target) {
        String volumeId = target.resourceId(run);
        run.clients().ec2().detachVolume(r -> r.volumeId(volumeId));
    }
}
