package io.selfheal.harness.steps.drift;

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
                    {"description": "true: a bucket policy lets anyone read the bucket's objects (PutBucketPolicy).", "const": true}"""));

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

    private static Drift publicRead(YNode value) {
        if (!value.isScalar() || !"true".equals(value.text())) {
            value.problem("publicRead is true (the only change it makes)");
            return null;
        }
        return new PublicReadBucket();
    }
}
