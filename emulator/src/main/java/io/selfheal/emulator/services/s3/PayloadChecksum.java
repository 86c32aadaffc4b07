package io.selfheal.emulator.services.s3;

import io.selfheal.emulator.core.AwsException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * S3's flexible checksums (https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html):
 * CRC32, CRC32C, SHA-1 and SHA-256 of the object, base64 of the big-endian value, sent as a header or an
 * {@code aws-chunked} trailer named {@code x-amz-checksum-<algorithm>}. CRC64NVME is not computed here: a value
 * sent for it is kept unverified.
 */
final class PayloadChecksum {
    /** One checksum: the algorithm in S3's upper-case name and its base64 value. */
    record Value(String algorithm, String base64) {
        String headerName() {
            return "x-amz-checksum-" + algorithm.toLowerCase(Locale.ROOT);
        }
    }

    private final String algorithm;
    private final Checksum crc;
    private final MessageDigest digest;

    private PayloadChecksum(String algorithm, Checksum crc, MessageDigest digest) {
        this.algorithm = algorithm;
        this.crc = crc;
        this.digest = digest;
    }

    /** @return null for an algorithm we keep without verifying (CRC64NVME) */
    static PayloadChecksum of(String algorithm) {
        String name = algorithm.toUpperCase(Locale.ROOT);
        return switch (name) {
            case "CRC32" -> new PayloadChecksum(name, new CRC32(), null);
            case "CRC32C" -> new PayloadChecksum(name, new CRC32C(), null);
            case "SHA1" -> new PayloadChecksum(name, null, digest("SHA-1"));
            case "SHA256" -> new PayloadChecksum(name, null, digest("SHA-256"));
            case "CRC64NVME" -> null;
            default -> throw S3Errors.invalidRequest("Value for x-amz-checksum-algorithm header is invalid.");
        };
    }

    private static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is part of every JRE", e);
        }
    }

    void update(byte[] bytes, int offset, int length) {
        if (crc != null) {
            crc.update(bytes, offset, length);
        } else {
            digest.update(bytes, offset, length);
        }
    }

    String base64() {
        if (crc == null) {
            return Base64.getEncoder().encodeToString(digest.digest());
        }
        long v = crc.getValue();
        return Base64.getEncoder().encodeToString(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8),
                (byte) v});
    }

    /** Compares with what the client sent; S3 answers {@code BadDigest} on a mismatch. */
    Value verify(String sent) {
        String computed = base64();
        if (sent != null && !sent.equals(computed)) {
            throw new AwsException("BadDigest", "The " + algorithm + " you specified did not match the calculated "
                    + "checksum.", 400);
        }
        return new Value(algorithm, computed);
    }
}
