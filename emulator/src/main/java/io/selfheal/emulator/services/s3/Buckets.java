package io.selfheal.emulator.services.s3;

import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.RequestContext;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every bucket of the partition: S3's namespace is shared by all accounts and regions, so a name is taken once.
 * Requests reach a bucket by name from any region; another account's bucket answers {@code AccessDenied}. Within the
 * owner's account the front door's IAM check reads the bucket policy with the caller's own policies
 * ({@code S3Service#bucketPolicy}); cross-account grants by bucket policy are not emulated.
 */
final class Buckets {
    private final Map<String, Bucket> byName = new ConcurrentHashMap<>();

    /** The caller's bucket, or S3's error: {@code NoSuchBucket}, or {@code AccessDenied} for another account's. */
    Bucket owned(RequestContext ctx, String name) {
        Bucket bucket = byName.get(name == null ? "" : name);
        if (bucket == null) {
            throw S3Errors.noSuchBucket(name);
        }
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
