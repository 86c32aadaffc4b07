package io.selfheal.emulator.messages;

import io.selfheal.emulator.core.BusRequest;
import io.selfheal.emulator.core.CallerIdentity;
import java.io.InputStream;

/**
 * A service reads an object on a caller's behalf, as Lambda's CreateFunction reads {@code Code.S3Bucket/S3Key} with
 * the caller's permissions from the function's region. S3 answers as its GetObject would answer that caller there:
 * the object's bytes as a stream, or S3's error code and message ({@code NoSuchBucket}, {@code NoSuchKey},
 * {@code NoSuchVersion}, {@code PermanentRedirect} for a bucket in another region, {@code AccessDenied}).
 *
 * @param reader    whose permissions the read uses ({@code s3:GetObject} on the object)
 * @param region    the region the read is made from
 * @param versionId the object version to read, or null for the current one
 */
public record ReadObject(CallerIdentity reader, String region, String bucket, String key, String versionId)
        implements BusRequest<ReadObject.Result> {

    /**
     * S3's answer: {@code body} (the reader closes it) and its {@code size} when found, else S3's error.
     */
    public record Result(InputStream body, long size, String errorCode, String errorMessage) {
        public static Result of(InputStream body, long size) {
            return new Result(body, size, null, null);
        }

        public static Result refused(String errorCode, String errorMessage) {
            return new Result(null, 0, errorCode, errorMessage);
        }

        public boolean found() {
            return body != null;
        }
    }
}
