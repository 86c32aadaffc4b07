package io.selfheal.harness.steps.drift;

import io.selfheal.harness.steps.FaultContext;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * The resource that drifts: a stack instance or security group (by key), the volume attached to a stack instance at
 * {@code device}, or a bucket (by name; it may be a {@code ${…}} reference).
 */
public record DriftTarget(Kind kind, String ref, String device) {

    /** The kinds of resource, by their YAML key. */
    public enum Kind {
        INSTANCE("instance"), VOLUME("volume"), SECURITY_GROUP("securityGroup"), BUCKET("bucket");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public static DriftTarget instance(String key) {
        return new DriftTarget(Kind.INSTANCE, key, null);
    }

    public static DriftTarget volume(String instanceKey, String device) {
        return new DriftTarget(Kind.VOLUME, instanceKey, device);
    }

    public static DriftTarget securityGroup(String key) {
        return new DriftTarget(Kind.SECURITY_GROUP, key, null);
    }

    public static DriftTarget bucket(String name) {
        return new DriftTarget(Kind.BUCKET, name, null);
    }

    public String describe() {
        return switch (kind) {
            case INSTANCE -> "instance " + ref;
            case VOLUME -> "volume " + device + " of instance " + ref;
            case SECURITY_GROUP -> "security group " + ref;
            case BUCKET -> "bucket " + ref;
        };
    }

    /** The EC2 id ({@code i-…}, {@code vol-…}, {@code sg-…}) or the bucket's name. */
    public String resourceId(FaultContext run) {
        return switch (kind) {
            case INSTANCE -> run.state().instanceId(ref);
            case SECURITY_GROUP -> run.state().securityGroupId(ref);
            case BUCKET -> run.state().resolve(ref);
            case VOLUME -> attachedVolume(run).volumeId();
        };
    }

    private Volume attachedVolume(FaultContext run) {
        String instanceId = run.state().instanceId(ref);
        return run.clients().ec2().describeVolumes(r -> r.filters(
                        Filter.builder().name("attachment.instance-id").values(instanceId).build(),
                        Filter.builder().name("attachment.device").values(device).build()))
                .volumes().stream().findFirst().orElseThrow(() -> new IllegalStateException(
                        "instance " + ref + " (" + instanceId + ") has no volume attached at " + device));
    }
}
