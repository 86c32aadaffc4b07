package io.selfheal.harness.stack;

import java.util.regex.Pattern;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * A function's package staged in S3 before CreateFunction names it ({@code codeBucket:}), as deployments whose
 * packages pass through a bucket do (SAM, CDK, Terraform with {@code s3_bucket}): the bucket is made in the
 * function's region if absent (Lambda reads code from its own region's buckets only), the zip put at
 * {@code <function name>.zip}.
 */
public final class StagedCode {
    /** S3's bucket naming rules, the common part (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html). */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private StagedCode() {
    }

    /** Why a bucket name is not one S3 takes, or null; shared by the YAML reader and the DSL. */
    public static String bucketProblem(String bucket) {
        return BUCKET.matcher(bucket).matches() && !bucket.contains("..") ? null
                : "not an S3 bucket name: 3 to 63 lower-case letters, digits, dots and hyphens, beginning and ending"
                        + " with a letter or digit";
    }

    /** Puts the package in the bucket (made if absent) and answers the {@code Code} that names it. */
    static FunctionCode upload(S3Client s3, String bucket, String key, byte[] zip) {
        Region region = s3.serviceClientConfiguration().region();
        try {
            s3.createBucket(b -> {
                b.bucket(bucket);
                if (!Region.US_EAST_1.equals(region)) {
                    b.createBucketConfiguration(c -> c.locationConstraint(region.id()));
                }
            });
        } catch (BucketAlreadyOwnedByYouException exists) {
            // staged by an earlier function of the stack
        }
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(zip));
        return FunctionCode.builder().s3Bucket(bucket).s3Key(key).build();
    }
}
