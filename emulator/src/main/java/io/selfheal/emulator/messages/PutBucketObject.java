package io.selfheal.emulator.messages;

import io.selfheal.emulator.core.BusRequest;

/**
 * A service writes an object into a bucket as its service principal (CloudTrail log files, Config snapshots). S3
 * answers with a {@link Delivery}: delivered, or why not (no such bucket).
 *
 * @param bucket      the bucket's name
 * @param key         the object key
 * @param contentType the object's {@code Content-Type}
 * @param body        the object's bytes
 */
public record PutBucketObject(String bucket, String key, String contentType, byte[] body)
        implements BusRequest<Delivery> {
}
