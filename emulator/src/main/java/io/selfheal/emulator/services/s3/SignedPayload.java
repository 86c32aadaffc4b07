package io.selfheal.emulator.services.s3;

import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Digests;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The payload hash a SigV4 request signs in {@code x-amz-content-sha256}: when it is a hex SHA-256 (not
 * {@code UNSIGNED-PAYLOAD} or a {@code STREAMING-…} mode), S3 hashes the body as it arrives and refuses a mismatch
 * with {@code XAmzContentSHA256Mismatch} once the body has been read
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html).
 */
final class SignedPayload {
    private static final SignedPayload NONE = new SignedPayload(null, null);

    private final String claimed;
    private final MessageDigest sha256;

    private SignedPayload(String claimed, MessageDigest sha256) {
        this.claimed = claimed;
        this.sha256 = sha256;
    }

    static SignedPayload of(String contentSha256) {
        if (contentSha256 == null || contentSha256.length() != 64) {
            return NONE;
        }
        try {
            HexFormat.of().parseHex(contentSha256);
        } catch (IllegalArgumentException notHex) {
            return NONE;
        }
        return new SignedPayload(contentSha256.toLowerCase(Locale.ROOT), Digests.sha256Digest());
    }

    /** The body, hashed as it is read when its hash was signed. */
    InputStream watch(InputStream body) {
        return sha256 == null ? body : new DigestInputStream(body, sha256);
    }

    /** After the whole body was read. */
    void verify() {
        if (sha256 == null) {
            return;
        }
        String computed = HexFormat.of().formatHex(sha256.digest());
        if (!computed.equals(claimed)) {
            throw AwsException.badRequest("XAmzContentSHA256Mismatch",
                    "The provided 'x-amz-content-sha256' header does not match what was computed.")
                    .withField("ClientComputedContentSHA256", claimed)
                    .withField("S3ComputedContentSHA256", computed);
        }
    }
}
