package io.selfheal.harness.steps.drift;

import io.selfheal.harness.yaml.YMap;
import io.selfheal.harness.yaml.YNode;
import java.util.List;
import java.util.function.Function;

/** Every change {@code configDrift} can make, each by its YAML key: add one here to add a drift. */
public final class Drifts {

    /**
     * A change's YAML key, how its value is read (null after reporting a problem on the node) and the JSON Schema
     * of the value.
     */
    public record Kind(String key, Function<YNode, Drift> read, String schema) {
    }

    public static final List<Kind> ALL = List.of(
            new Kind("removeTag", Drifts::removeTag, """
                    {"description": "Deletes the tag with this key (DeleteTags; for a bucket, PutBucketTagging without it).", "type": "string", "minLength": 1}"""),
            new Kind("monitoring", Drifts::monitoring, """
                    {"description": "An instance's monitoring: 'basic' turns detailed monitoring off (UnmonitorInstances), 'detailed' on (MonitorInstances).", "enum": ["basic", "detailed"]}"""),
            new Kind("publicRead", Drifts::publicRead, """
                    {"description": "true: a bucket policy lets anyone read the bucket's objects (PutBucketPolicy).", "const": true}"""),
            new Kind("attachUnencryptedVolume", Drifts::attachUnencryptedVolume, """
                    {"description": "An instance gets a new unencrypted volume (CreateVolume in its availability zone, then AttachVolume at device).", "type": "object", "additionalProperties": false, "required": ["sizeGiB", "device"], "properties": {"sizeGiB": {"description": "The volume's size in GiB.", "type": "integer", "minimum": 1, "maximum": 16384}, "device": {"description": "The device name to attach it at, e.g. /dev/sdg.", "type": "string", "minLength": 1}}}"""),
            new Kind("detachVolume", Drifts::detachVolume, """
                    {"description": "true, with instance and device: that volume is detached (DetachVolume) and left available.", "const": true}"""));

    /** EBS's largest volume (gp2, gp3, io1, io2, st1, sc1). */
    private static final int MAX_VOLUME_GIB = 16384;

    private Drifts() {
    }

    /** The problem with making {@code drift} on {@code target}, or null. */
    public static String problem(DriftTarget target, Drift drift) {
        if (drift.appliesTo().contains(target.kind())) {
            return null;
        }
        return drift.describe() + " does not apply to " + target.kind().key() + "; it applies to "
                + String.join(", ", drift.appliesTo().stream().map(DriftTarget.Kind::key).toList());
    }

    private static Drift removeTag(YNode value) {
        String key = value.isScalar() ? value.text() : null;
        if (key == null || key.isEmpty()) {
            value.problem("removeTag names the tag key to remove");
            return null;
        }
        return new RemoveTag(key);
    }

    private static Drift monitoring(YNode value) {
        String level = value.isScalar() ? value.text() : null;
        if (!"basic".equals(level) && !"detailed".equals(level)) {
            value.problem("monitoring is 'basic' (detailed monitoring off) or 'detailed'");
            return null;
        }
        return new InstanceMonitoring(level.equals("detailed"));
    }

    private static Drift attachUnencryptedVolume(YNode value) {
        YMap spec = value.map().allow("sizeGiB", "device");
        Integer size = spec.integer("sizeGiB");
        String device = spec.requiredString("device");
        if (size == null) {
            value.problem("attachUnencryptedVolume needs sizeGiB, the new volume's size in GiB");
            return null;
        }
        if (size < 1 || size > MAX_VOLUME_GIB) {
            spec.get("sizeGiB").problem("sizeGiB is 1 to " + MAX_VOLUME_GIB);
            return null;
        }
        return device == null ? null : new AttachUnencryptedVolume(size, device);
    }

    private static Drift detachVolume(YNode value) {
        if (!value.isScalar() || !"true".equals(value.text())) {
            value.problem("detachVolume is true (the only change it makes)");
            return null;
        }
        return new DetachVolume();
    }

    private static Drift publicRead(YNode value) {
        if (!value.isScalar() || !"true".equals(value.text())) {
            value.problem("publicRead is true (the only change it makes)");
            return null;
        }
        return new PublicReadBucket();
    }
}
