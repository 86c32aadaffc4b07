package io.selfheal.emulator.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Undoes a request body's {@code Content-Encoding} (SDKs gzip large bodies of operations the model marks
 * {@code requestcompression}, e.g. CloudWatch PutMetricData above 10 KB). A body that is not what its encoding says,
 * or that inflates beyond the size limit, is a {@link MalformedRequestException}: answered with a 400, never a closed
 * connection or a silently emptied body. Encodings we do not know pass through untouched, as before.
 */
final class ContentDecoding {
    private ContentDecoding() {
    }

    static byte[] decode(String contentEncoding, byte[] body, int maxDecoded) {
        if (contentEncoding == null || body.length == 0) {
            return body;
        }
        String encoding = contentEncoding.trim().toLowerCase(Locale.ROOT);
        try {
            return switch (encoding) {
                case "gzip", "x-gzip" -> readAll(new GZIPInputStream(new ByteArrayInputStream(body)), maxDecoded);
                case "deflate" -> inflate(body, maxDecoded);
                default -> body;
            };
        } catch (IOException notEncoded) {
            throw new MalformedRequestException("The request body is not valid " + encoding
                    + " data, as its Content-Encoding says.");
        }
    }

    private static byte[] inflate(byte[] body, int max) throws IOException {
        Inflater inflater = new Inflater(!looksLikeZlib(body));
        try {
            return readAll(new InflaterInputStream(new ByteArrayInputStream(body), inflater), max);
        } finally {
            inflater.end();
        }
    }

    /** RFC 9110's deflate is zlib-wrapped; some clients send raw deflate: tell them apart by the zlib header. */
    private static boolean looksLikeZlib(byte[] body) {
        return body.length >= 2 && (body[0] & 0x0f) == 8 && ((body[0] & 0xff) << 8 | (body[1] & 0xff)) % 31 == 0;
    }

    private static byte[] readAll(InputStream in, int max) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > max) {
                    throw new MalformedRequestException("The request body exceeds " + max + " bytes once decoded.");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }
}
