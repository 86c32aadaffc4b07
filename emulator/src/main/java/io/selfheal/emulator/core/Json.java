package io.selfheal.emulator.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.http.NettyHttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The emulator's one Jackson mapper and tree helpers. */
public final class Json {
    /**
     * Lambda accepts code uploads of 50 MB zipped, ~67 MB once base64 in a JSON string: far above Jackson's default
     * 20 M-character cap, so strings may be as long as the largest body the front door accepts.
     */
    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(NettyHttpServer.MAX_BODY).build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** Parses JSON text; {@link JsonProcessingException} for malformed input is the caller's to map. */
    public static JsonNode parse(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    public static JsonNode parse(byte[] bytes) throws IOException {
        return MAPPER.readTree(bytes);
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * About how many bytes of heap a tree takes (node headers, map entries, string contents): what the bounded
     * histories weigh their entries by. An estimate, within a factor of two of what a heap dump shows.
     */
    public static long estimatedBytes(JsonNode node) {
        if (node == null) {
            return 0;
        }
        if (node.isTextual()) {
            return 56 + node.textValue().length();
        }
        if (node.isContainerNode()) {
            long total = 64;
            if (node.isObject()) {
                for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    java.util.Map.Entry<String, JsonNode> e = it.next();
                    total += 48 + 40 + e.getKey().length() + estimatedBytes(e.getValue());
                }
            } else {
                for (JsonNode element : node) {
                    total += 8 + estimatedBytes(element);
                }
            }
            return total;
        }
        return node.isBinary() ? 32 + ((com.fasterxml.jackson.databind.node.BinaryNode) node).binaryValue().length
                : 24;
    }
}
