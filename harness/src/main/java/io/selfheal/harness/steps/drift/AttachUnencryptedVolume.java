package io.selfheal.harness.steps.drift;

import io.selfheal.harness.steps.FaultContext;
import java.util.EnumSet;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * {@code attachUnencryptedVolume: {sizeGiB: 8, device: /dev/sdg}}: a new unencrypted volume is created in the
 * instance's availability zone (CreateVolume with {@code Encrypted=false}) and attached at {@code device}
 * (AttachVolume), as a hurried manual fix would; what {@code encrypted-volumes} checks.
 */
public record AttachUnencryptedVolume(int sizeGiB, String device) implements Drift {

    @Override
    public Set<DriftTarget.Kind> appliesTo() {
        return EnumSet.of(DriftTarget.Kind.INSTANCE);
    }

    @Override
    public String describe() {
        return "unencrypted " + sizeGiB + " GiB volume attached at " + device;
    }

    @Override
    public void apply(FaultContext run, DriftTarget target) {
        String instanceId = target.resourceId(run);
        Ec2Client ec2 = run.clients().ec2();
        String zone = ec2.describeInstances(r -> r.instanceIds(instanceId)).reservations().get(0).instances().get(0)
                .placement().availabilityZone();
        String volumeId = ec2.createVolume(r -> r.availabilityZone(zone).size(sizeGiB).encrypted(false)).volumeId();
        ec2.attachVolume(r -> r.volumeId(volumeId).instanceId(instanceId).device(device));
    }
}
