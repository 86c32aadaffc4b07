package io.selfheal.emulator.services.s3;

import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.RequestContext;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every bucket of the partition: S3's namespace is shared by all accounts and regions, so a name is taken once.
 * Requests reach a bucket by name from any region. The front door's IAM check reads the bucket policy
 * ({@code S3Service#bucketPolicy}): with the caller's own policies within the owner's account, and for a caller of
 * another account it must grant the call itself, in every IAM mode (AWS's cross-account rule). Every S3 operation
 * declares the bucket or object ARN it acts on, so a request that reaches {@link #owned} for another account's bucket
 * has been granted by that bucket's policy.
 */
final class Buckets {
    private final Map<String, Bucket> byName = new ConcurrentHashMap<>();

    /**
     * The bucket the request names, or {@code NoSuchBucket}. Another account's bucket is reached only when its policy
     * granted the call at the front door (see the class comment).
     */
    Bucket owned(RequestContext ctx, String name) {
        Bucket bucket = byName.get(name == null ? "" : name);
        if (bucket == null) {
            throw S3Errors.noSuchBucket(name);
        }
        return bucket;
    }

    /**
     * The caller's own bucket, or {@code AccessDenied} for another account's whatever its policy says: the bucket
     * policy operations belong to the owner's account alone ("the calling identity must … belong to the bucket
     * owner's account", https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketPolicy.html), as does
     * deleting the bucket here; a copy source is not declared to the front door, so it is held to this too.
     */
    Bucket ownersOnly(RequestContext ctx, String name) {
        Bucket bucket = owned(ctx, name);
        if (!bucket.ownerAccount().equals(ctx.accountId())) {
            throw new AwsException("AccessDenied", "Access Denied", 403);
        }
        return bucket;
    }

    /** Any account's bucket, for other services asking over the bus; null when none. */
    Bucket find(String name) {
        return name == null ? null : byName.get(name);
    }

    /** @return the bucket now in the map: {@code created}, or the one that was there */
    Bucket putIfAbsent(Bucket created) {
        Bucket existing = byName.putIfAbsent(created.name(), created);
        return existing == null ? created : existing;
    }

    boolean remove(Bucket bucket) {
        return byName.remove(bucket.name(), bucket);
    }

    Collection<Bucket> all() {
        return byName.values();
    }

    void clear() {
        byName.clear();
    }
}
