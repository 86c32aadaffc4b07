package io.selfheal.emulator.services.s3;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * One object version as S3 keeps it: its bytes in {@code file}, never in memory.
 *
 * @param etag     quoted hex MD5 of the content (a multipart object's ETag is AWS's {@code md5-of-md5s-N})
 * @param metadata user metadata, names lower-cased without {@code x-amz-meta-}
 * @param checksum the flexible checksum the writer sent ({@code CRC32} → base64), or null
 * @param tags     the object's tag set, in the order given
 */
record StoredObject(String key, long size, String etag, Instant lastModified, String contentType,
                    Map<String, String> metadata, PayloadChecksum.Value checksum, Map<String, String> tags, Path file) {

    StoredObject withTags(Map<String, String> newTags) {
        return new StoredObject(key, size, etag, lastModified, contentType, metadata, checksum, newTags, file);
    }
}
