package io.selfheal.emulator.services.s3;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A multipart upload in progress: what CreateMultipartUpload said about the object to be, and its parts by number.
 */
record MultipartUpload(String uploadId, String key, Instant initiated, String contentType, Map<String, String> metadata,
                       Map<String, String> tags, ConcurrentSkipListMap<Integer, Part> parts) {

    /** One uploaded part: its file, size and hex MD5 (its ETag without quotes). */
    record Part(int number, ObjectUpload.Received received, Instant lastModified) {
    }
}
