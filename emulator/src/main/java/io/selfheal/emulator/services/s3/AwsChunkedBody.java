package io.selfheal.emulator.services.s3;

import io.selfheal.emulator.core.AwsException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes an {@code aws-chunked} body as the SDKs send it for {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]}
 * and {@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html): {@code <hex size>[;chunk-signature=…]\r\n
 * <bytes>\r\n} … a zero-size chunk, then trailer lines {@code name:value\r\n} and an empty line. Chunk signatures are
 * not checked, as no signature is. The payload is copied to {@code out} chunk by chunk.
 */
final class AwsChunkedBody {
    private static final int MAX_LINE = 4096;

    private AwsChunkedBody() {
    }

    /** Whether the request's body is aws-chunked. */
    static boolean applies(String contentSha256, String contentEncoding) {
        return contentSha256 != null && contentSha256.startsWith("STREAMING-")
                || contentEncoding != null && contentEncoding.toLowerCase(Locale.ROOT).contains("aws-chunked");
    }

    /** @return the trailers by lower-case name (e.g. {@code x-amz-checksum-crc32}) */
    static Map<String, String> decode(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        while (true) {
            String header = line(in);
            int semicolon = header.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semicolon < 0 ? header : header.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw incomplete();
            }
            if (size < 0) {
                throw incomplete();
            }
            if (size == 0) {
                return trailers(in);
            }
            long left = size;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw incomplete();
                }
                out.write(buffer, 0, n);
                left -= n;
            }
            if (!line(in).isEmpty()) {
                throw incomplete();
            }
        }
    }

    private static Map<String, String> trailers(InputStream in) throws IOException {
        Map<String, String> trailers = new LinkedHashMap<>();
        while (true) {
            String line;
            try {
                line = line(in);
            } catch (AwsException endOfBody) {
                return trailers; // some clients end without the closing empty line
            }
            if (line.isEmpty()) {
                return trailers;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                trailers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] text = bytes.toByteArray();
                int end = text.length > 0 && text[text.length - 1] == '\r' ? text.length - 1 : text.length;
                return new String(text, 0, end, StandardCharsets.US_ASCII);
            }
            if (bytes.size() >= MAX_LINE) {
                throw incomplete();
            }
            bytes.write(b);
        }
        throw incomplete();
    }

    private static AwsException incomplete() {
        return AwsException.badRequest("IncompleteBody",
                "The request body is not valid aws-chunked encoding: it ended early or a chunk size is malformed.");
    }
}
