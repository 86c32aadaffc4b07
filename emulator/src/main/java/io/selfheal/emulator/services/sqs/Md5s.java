package io.selfheal.emulator.services.sqs;

import io.selfheal.emulator.core.Digests;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The digests SQS returns and the SDKs verify: MD5OfMessageBody over the UTF-8 body, and MD5OfMessageAttributes as
 * "Calculating the MD5 message digest for message attributes" (Amazon SQS Developer Guide) specifies: attributes
 * sorted by name, each encoded as name, data type, a transport byte (1 string/number, 2 binary) and the value, every
 * variable part prefixed by its 4-byte big-endian length.
 */
final class Md5s {
    private Md5s() {
    }

    static String ofBody(String body) {
        return hex(body.getBytes(StandardCharsets.UTF_8));
    }

    /** @param attributes JSON-shaped message attributes; null when there are none */
    static String ofAttributes(JsonNode attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        attributes.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String name : names) {
            JsonNode value = attributes.get(name);
            String type = value.path("DataType").asText();
            prefixed(out, name.getBytes(StandardCharsets.UTF_8));
            prefixed(out, type.getBytes(StandardCharsets.UTF_8));
            if (type.startsWith("Binary")) {
                out.write(2);
                prefixed(out, Base64.getDecoder().decode(value.path("BinaryValue").asText()));
            } else {
                out.write(1);
                prefixed(out, value.path("StringValue").asText().getBytes(StandardCharsets.UTF_8));
            }
        }
        return hex(out.toByteArray());
    }

    private static void prefixed(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For content-based deduplication: the SHA-256 of the body. */
    static String sha256(String body) {
        return Digests.sha256Hex(body);
    }
}
