package io.selfheal.emulator.services.s3;

import io.selfheal.emulator.service.ResourceArns;
import java.util.List;

/** The ARNs IAM's {@code Resource} names for S3: buckets {@code arn:aws:s3:::b}, objects {@code arn:aws:s3:::b/key}. */
final class S3Arns {
    static final ResourceArns BUCKET = (ctx, input) -> input.hasNonNull("bucketName")
            ? List.of("arn:aws:s3:::" + input.get("bucketName").asText()) : List.of();
    static final ResourceArns OBJECT = (ctx, input) -> input.hasNonNull("bucketName")
            ? List.of("arn:aws:s3:::" + input.get("bucketName").asText() + "/" + input.path("key").asText())
            : List.of();

    private S3Arns() {
    }
}
