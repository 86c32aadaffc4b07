package io.selfheal.harness.steps.drift;

import io.selfheal.harness.steps.FaultContext;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code publicRead: true}: a bucket policy letting anyone read the bucket's objects (what
 * {@code s3-bucket-public-read-prohibited} checks). It replaces the bucket's policy. On AWS, S3 Block Public Access
 * (on by default for new buckets) refuses such a policy, so the bucket must have it turned off.
 */
public record PublicReadBucket() implements Drift {

    @Override
    public Set<DriftTarget.Kind> appliesTo() {
        return EnumSet.of(DriftTarget.Kind.BUCKET);
    }

    @Override
    public String describe() {
        return "made readable by anyone (bucket policy)";
    }

    @Override
    public void apply(FaultContext run, DriftTarget target) {
        String bucket = target.resourceId(run);
        run.clients().s3().putBucketPolicy(r -> r.bucket(bucket).policy("""
                {"Version":"2012-10-17","Statement":[{"Sid":"PublicRead","Effect":"Allow","Principal":"*",\
                "Action":"s3:GetObject","Resource":"arn:aws:s3:::%s/*"}]}""".formatted(bucket)));
    }
}
