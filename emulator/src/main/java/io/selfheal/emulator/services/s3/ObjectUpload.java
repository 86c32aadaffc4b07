package io.selfheal.emulator.services.s3;

import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.http.HttpRequest;
import java.io.ByteArrayInputStream;
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
 * Receives a PutObject/UploadPart body into a file: undoes {@code aws-chunked}, computes the MD5 (ETag) and the
 * flexible checksum the client announced as the bytes pass, and checks {@code Content-MD5},
 * {@code x-amz-decoded-content-length} and the checksum (header or trailer) as S3 does.
 */
final class ObjectUpload {
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
        String algorithm = announcedAlgorithm(request);
        PayloadChecksum checksum = algorithm == null ? null : PayloadChecksum.of(algorithm);
        MessageDigest md5 = md5();
        Map<String, String> trailers = Map.of();
        long size;
        try (InputStream in = new ByteArrayInputStream(request.body());
             DigestingOut out = new DigestingOut(Files.newOutputStream(file), md5, checksum)) {
            if (chunked) {
                trailers = AwsChunkedBody.decode(in, out);
            } else {
                in.transferTo(out);
            }
            size = out.count;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store an object", e);
        }
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
            out.write(b, off, len);
            md5.update(b, off, len);
            if (checksum != null) {
                checksum.update(b, off, len);
            }
            count += len;
        }
    }
}
