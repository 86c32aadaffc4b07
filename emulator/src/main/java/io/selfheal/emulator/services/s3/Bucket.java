package io.selfheal.emulator.services.s3;

import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A bucket: owner and region are fixed at creation; policy and tags change; objects by key in UTF-8 binary order,
 * the order ListObjectsV2 returns them.
 */
final class Bucket {
    private final String name;
    private final String ownerAccount;
    private final String region;
    private final Instant created;
    private final NavigableMap<String, StoredObject> objects = new ConcurrentSkipListMap<>(Bucket::utf8Order);
    private final Map<String, MultipartUpload> uploads = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile String policy;
    private volatile Map<String, String> tags = Map.of();

    Bucket(String name, String ownerAccount, String region, Instant created) {
        this.name = name;
        this.ownerAccount = ownerAccount;
        this.region = region;
        this.created = created;
    }

    /** S3 lists keys in UTF-8 binary order, which differs from Java's UTF-16 order above U+FFFF. */
    static int utf8Order(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    String name() {
        return name;
    }

    String ownerAccount() {
        return ownerAccount;
    }

    String region() {
        return region;
    }

    Instant created() {
        return created;
    }

    NavigableMap<String, StoredObject> objects() {
        return objects;
    }

    /** Multipart uploads begun and neither completed nor aborted, by upload id. */
    Map<String, MultipartUpload> uploads() {
        return uploads;
    }

    boolean hasUploads() {
        return !uploads.isEmpty();
    }

    String policy() {
        return policy;
    }

    void policy(String text) {
        policy = text;
    }

    Map<String, String> tags() {
        return tags;
    }

    void tags(Map<String, String> newTags) {
        tags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(newTags));
    }
}
