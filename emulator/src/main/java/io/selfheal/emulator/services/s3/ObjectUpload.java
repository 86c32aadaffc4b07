package io.selfheal.emulator.services.s3;

import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.http.BodyInterruptedException;
import io.selfheal.emulator.http.HttpRequest;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Receives a PutObject/UploadPart body into a file as it arrives (the body is streamed, never held whole): undoes
 * {@code aws-chunked}, computes the MD5 (ETag), the flexible checksum the client announced and, for a signed payload,
 * the SHA-256 as the bytes pass, and checks the size limit, {@code x-amz-content-sha256}, {@code Content-MD5},
 * {@code x-amz-decoded-content-length} and the checksum (header or trailer) as S3 does
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html). A refused or interrupted body leaves no file.
 */
final class ObjectUpload {
    /**
     * The most one PUT (PutObject or UploadPart) may carry: 5 GB
     * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/upload-objects.html), counted as S3 does in GiB.
     */
    static final long MAX_PUT_BYTES = 5L * 1024 * 1024 * 1024;

    /** What was stored: the file, its size, its hex MD5 and the checksum, if one was sent. */
    record Received(Path file, long size, String md5Hex, PayloadChecksum.Value checksum) {
        String etag() {
            return "\"" + md5Hex + "\"";
        }
    }

    private ObjectUpload() {
    }

    static Received receive(HttpRequest request, ObjectFiles files) {
        Path file = files.newFile();
        try {
            return receiveInto(request, file);
        } catch (AwsException | UncheckedIOException e) {
            ObjectFiles.delete(file);
            throw e;
        }
    }

    private static Received receiveInto(HttpRequest request, Path file) {
        boolean chunked = AwsChunkedBody.applies(request.header("x-amz-content-sha256"),
                request.header("Content-Encoding"));
        // Refused before the first read, so a client that sent Expect: 100-continue never sends the body.
        checkProposedSize(request.header(chunked ? "x-amz-decoded-content-length" : "Content-Length"));
        String algorithm = announcedAlgorithm(request);
        PayloadChecksum checksum = algorithm == null ? null : PayloadChecksum.of(algorithm);
        MessageDigest md5 = md5();
        SignedPayload signed = SignedPayload.of(request.header("x-amz-content-sha256"));
        Map<String, String> trailers = Map.of();
        long size;
        try (InputStream in = signed.watch(request.bodyStream());
             DigestingOut out = new DigestingOut(Files.newOutputStream(file), md5, checksum)) {
            if (chunked) {
                trailers = AwsChunkedBody.decode(in, out);
            } else {
                in.transferTo(out);
            }
            size = out.count;
        } catch (BodyInterruptedException gone) {
            throw AwsException.badRequest("IncompleteBody",
                    "You did not provide the number of bytes specified by the Content-Length HTTP header.");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store an object", e);
        }
        signed.verify();
        String decoded = request.header("x-amz-decoded-content-length");
        if (chunked && decoded != null && !decoded.equals(Long.toString(size))) {
            throw AwsException.badRequest("IncompleteBody",
                    "You did not provide the number of bytes specified by the x-amz-decoded-content-length header.");
        }
        byte[] digest = md5.digest();
        checkContentMd5(request.header("Content-MD5"), digest);
        String sent = algorithm == null ? null : sentChecksum(request, algorithm, trailers);
        PayloadChecksum.Value value = checksum != null ? checksum.verify(sent)
                : algorithm == null || sent == null ? null
                : new PayloadChecksum.Value(algorithm.toUpperCase(Locale.ROOT), sent);
        return new Received(file, size, HexFormat.of().formatHex(digest), value);
    }

    /** The algorithm from {@code x-amz-trailer}, {@code x-amz-sdk-checksum-algorithm} or an {@code x-amz-checksum-*} header. */
    private static String announcedAlgorithm(HttpRequest request) {
        String trailer = request.header("x-amz-trailer");
        if (trailer != null && trailer.toLowerCase(Locale.ROOT).startsWith("x-amz-checksum-")) {
            return trailer.trim().substring("x-amz-checksum-".length());
        }
        String sdk = request.header("x-amz-sdk-checksum-algorithm");
        if (sdk != null) {
            return sdk;
        }
        for (String name : request.headers().keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-amz-checksum-") && !lower.equals("x-amz-checksum-mode")
                    && !lower.equals("x-amz-checksum-type") && !lower.equals("x-amz-checksum-algorithm")) {
                return lower.substring("x-amz-checksum-".length());
            }
        }
        return null;
    }

    private static String sentChecksum(HttpRequest request, String algorithm, Map<String, String> trailers) {
        String name = "x-amz-checksum-" + algorithm.toLowerCase(Locale.ROOT);
        String header = request.header(name);
        return header != null ? header : trailers.get(name);
    }

    private static void checkProposedSize(String length) {
        long proposed;
        try {
            proposed = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return; // Netty refuses a malformed Content-Length; a malformed decoded length fails IncompleteBody
        }
        if (proposed > MAX_PUT_BYTES) {
            throw entityTooLarge(proposed);
        }
    }

    static AwsException entityTooLarge(long proposed) {
        return AwsException.badRequest("EntityTooLarge", "Your proposed upload exceeds the maximum allowed object size.")
                .withField("ProposedSize", Long.toString(proposed))
                .withField("MaxSizeAllowed", Long.toString(MAX_PUT_BYTES));
    }

    private static void checkContentMd5(String contentMd5, byte[] digest) {
        if (contentMd5 == null) {
            return;
        }
        byte[] sent;
        try {
            sent = Base64.getDecoder().decode(contentMd5.trim());
        } catch (IllegalArgumentException e) {
            sent = new byte[0];
        }
        if (sent.length != 16) {
            throw AwsException.badRequest("InvalidDigest", "The Content-MD5 you specified was invalid.");
        }
        if (!MessageDigest.isEqual(sent, digest)) {
            throw AwsException.badRequest("BadDigest", "The Content-MD5 you specified did not match what we received.");
        }
    }

    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JRE", e);
        }
    }

    /** Writes through to the file while feeding the digests and counting. */
    private static final class DigestingOut extends FilterOutputStream {
        private final MessageDigest md5;
        private final PayloadChecksum checksum;
        long count;

        DigestingOut(OutputStream out, MessageDigest md5, PayloadChecksum checksum) {
            super(out);
            this.md5 = md5;
            this.checksum = checksum;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (count + len > MAX_PUT_BYTES) {
                throw entityTooLarge(count + len); // a body sent without a length says its size only by running on
            }
            out.write(b, off, len);
            md5.update(b, off, len);
            if (checksum != null) {
                checksum.update(b, off, len);
            }
            count += len;
        }
    }
}
