package io.selfheal.emulator.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.selfheal.emulator.http.NettyHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * CBOR bodies ↔ the JSON trees operations work on, with Smithy RPC v2 CBOR's typing. In: byte strings (blobs) become
 * the base64 text AWS JSON carries; a tag-1 timestamp is read as its epoch-seconds number, as AWS JSON sends it.
 * Out: a {@link TimestampNode} becomes tag 1 with epoch seconds (an integer when whole, else a double), other decimals
 * become doubles (CloudWatch has no {@code bigDecimal} members, and Jackson would write tag 4), null members are
 * omitted as the protocol requires, text is always valid UTF-8 ({@link WellFormedText}).
 */
public final class CborTrees {
    /** Like the JSON mapper, refuses a body with anything after its one value (two maps back to back). */
    private static final CBORMapper MAPPER = (CBORMapper) new CBORMapper(CBORFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(NettyHttpServer.MAX_BODY).build())
            .build()).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CborTrees() {
    }

    /** The request body as an operation's input; an empty body is the empty input structure. */
    public static ObjectNode readInput(byte[] body) throws IOException {
        if (body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode parsed = MAPPER.readTree(body);
        if (!(parsed instanceof ObjectNode object)) {
            throw new JsonProcessingException("the body must be a CBOR map (major type 5), found "
                    + (parsed == null ? "nothing" : parsed.getNodeType())) { };
        }
        return (ObjectNode) blobsAsBase64(object);
    }

    private static JsonNode blobsAsBase64(JsonNode node) {
        if (node.isBinary()) {
            return JsonNodeFactory.instance.textNode(Base64.getEncoder().encodeToString(binary(node)));
        }
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(blobsAsBase64(e.getValue()));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, blobsAsBase64(array.get(i)));
            }
        }
        return node;
    }

    /** A response tree as CBOR. */
    public static byte[] write(JsonNode tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator gen = (CBORGenerator) MAPPER.getFactory().createGenerator(out)) {
            write(gen, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(CBORGenerator gen, JsonNode node) throws IOException {
        if (node instanceof TimestampNode ts) {
            gen.writeTag(1);
            long millis = ts.instant().toEpochMilli();
            if (millis % 1000 == 0) {
                gen.writeNumber(millis / 1000);
            } else {
                gen.writeNumber(millis / 1000.0);
            }
        } else if (node.isObject()) {
            int size = 0;
            for (JsonNode v : node) {
                size += v.isNull() ? 0 : 1;
            }
            gen.writeStartObject(node, size);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNull()) {
                    gen.writeFieldName(WellFormedText.utf8(e.getKey()));
                    write(gen, e.getValue());
                }
            }
            gen.writeEndObject();
        } else if (node.isArray()) {
            gen.writeStartArray(node, node.size());
            for (JsonNode v : node) {
                write(gen, v);
            }
            gen.writeEndArray();
        } else if (node.isBinary()) {
            gen.writeBinary(binary(node));
        } else if (node.isIntegralNumber()) {
            BigInteger big = node.bigIntegerValue();
            if (big.bitLength() < 64) {
                gen.writeNumber(big.longValue());
            } else {
                gen.writeNumber(big);
            }
        } else if (node.isFloat()) {
            gen.writeNumber(node.floatValue());
        } else if (node.isNumber()) {
            gen.writeNumber(node.doubleValue());
        } else if (node.isTextual()) {
            gen.writeString(WellFormedText.utf8(node.textValue()));
        } else if (node.isBoolean()) {
            gen.writeBoolean(node.booleanValue());
        } else {
            gen.writeNull();
        }
    }

    private static byte[] binary(JsonNode node) {
        try {
            return node.binaryValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
