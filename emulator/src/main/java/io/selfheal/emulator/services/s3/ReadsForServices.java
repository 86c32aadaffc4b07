package io.selfheal.emulator.services.s3;

import io.selfheal.emulator.core.CallerIdentity;
import io.selfheal.emulator.core.authz.Authorization;
import io.selfheal.emulator.messages.ReadObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;

/**
 * S3's answer to {@link ReadObject}: what GetObject would answer the reader from its region
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html). The bucket must exist and be in that region
 * (a regional endpoint answers {@code PermanentRedirect} for another region's bucket); the reader needs
 * {@code s3:GetObject} ({@code s3:GetObjectVersion} for a version) on the object, judged with the bucket policy as the
 * front door judges a GetObject; a missing key is {@code NoSuchKey} only to a reader who may {@code s3:ListBucket},
 * else {@code AccessDenied}, as GetObject documents. Another account's bucket is refused, as {@link Buckets} refuses it.
 * Buckets are unversioned: the only version is {@code null}.
 */
final class ReadsForServices {
    private static final String ORIGIN = "s3 read for a service";

    private final Buckets buckets;
    private final Authorization authorization;

    ReadsForServices(Buckets buckets, Authorization authorization) {
        this.buckets = buckets;
        this.authorization = authorization;
    }

    ReadObject.Result read(ReadObject read) {
        Bucket bucket = buckets.find(read.bucket());
        if (bucket == null) {
            return ReadObject.Result.refused("NoSuchBucket", "The specified bucket does not exist");
        }
        if (!bucket.region().equals(read.region())) {
            return ReadObject.Result.refused("PermanentRedirect", "The bucket is in this region: " + bucket.region()
                    + ". Please use this region to retry the request");
        }
        CallerIdentity reader = read.reader();
        String action = read.versionId() == null ? "s3:GetObject" : "s3:GetObjectVersion";
        if (!bucket.ownerAccount().equals(reader.accountId())
                || !authorization.permits(reader, action, "arn:aws:s3:::" + bucket.name() + "/" + read.key(), ORIGIN)) {
            return accessDenied();
        }
        StoredObject object = bucket.objects().get(read.key());
        if (object == null) {
            return authorization.permits(reader, "s3:ListBucket", "arn:aws:s3:::" + bucket.name(), ORIGIN)
                    ? noSuchKey() : accessDenied();
        }
        if (read.versionId() != null && !read.versionId().equals("null")) {
            return ReadObject.Result.refused("NoSuchVersion", "The specified version does not exist.");
        }
        try {
            // Opened here: the stream stays readable if a put replaces the object and deletes this file meanwhile.
            return ReadObject.Result.of(Files.newInputStream(object.file()), object.size());
        } catch (NoSuchFileException replacedAndDeleted) {
            return noSuchKey();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an object file", e);
        }
    }

    private static ReadObject.Result accessDenied() {
        return ReadObject.Result.refused("AccessDenied", "Access Denied");
    }

    private static ReadObject.Result noSuchKey() {
        return ReadObject.Result.refused("NoSuchKey", "The specified key does not exist.");
    }
}
