package io.selfheal.harness.steps.drift;

import io.selfheal.harness.steps.FaultContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * {@code removeTag: Owner}: the tag is deleted, as a careless edit would (what {@code required-tags} checks). EC2
 * resources with DeleteTags; a bucket's tag set is replaced without it (S3 has no per-key delete), or deleted when
 * it was the last tag.
 */
public record RemoveTag(String tagKey) implements Drift {

    @Override
    public Set<DriftTarget.Kind> appliesTo() {
        return EnumSet.allOf(DriftTarget.Kind.class);
    }

    @Override
    public String describe() {
        return "tag " + tagKey + " removed";
    }

    @Override
    public void apply(FaultContext run, DriftTarget target) {
        String id = target.resourceId(run);
        if (target.kind() != DriftTarget.Kind.BUCKET) {
            run.clients().ec2().deleteTags(r -> r.resources(id).tags(t -> t.key(tagKey)));
            return;
        }
        S3Client s3 = run.clients().s3();
        List<Tag> kept;
        try {
            kept = s3.getBucketTagging(r -> r.bucket(id)).tagSet().stream()
                    .filter(t -> !t.key().equals(tagKey)).toList();
        } catch (S3Exception e) {
            if ("NoSuchTagSet".equals(e.awsErrorDetails().errorCode())) {
                return; // no tags: nothing to remove
            }
            throw e;
        }
        if (kept.isEmpty()) {
            s3.deleteBucketTagging(r -> r.bucket(id));
        } else {
            s3.putBucketTagging(r -> r.bucket(id).tagging(t -> t.tagSet(kept)));
        }
    }
}
