/**
 * Amazon S3 (REST-XML), the minimum CloudTrail trails, Config delivery channels and remediations need: buckets in one
 * global namespace with AWS's naming and {@code LocationConstraint} rules, bucket policies (stored and validated as
 * JSON; enforcement belongs to the shared policy engine), objects kept in files (ETag = MD5, ranges, copies, batch
 * deletes, {@code aws-chunked} bodies with flexible-checksum trailers), ListObjectsV2 and tags. Object bodies are
 * streamed both ways: uploads are written to their file as they arrive ({@link ObjectUpload}), downloads sent from it. {@link S3Router} finds
 * the bucket in the host (virtual-hosted) or the path (path-style) and the operation from method, key and
 * sub-resource. Other services ask about buckets over the bus ({@code messages.DescribeBucket}).
 */
package io.selfheal.emulator.services.s3;
