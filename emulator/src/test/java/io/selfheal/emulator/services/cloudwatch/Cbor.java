package io.selfheal.emulator.services.cloudwatch;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads CBOR with Jackson's streaming API the way a Smithy RPC v2 CBOR client does, keeping what a tree
 * would lose: an {@link Instant} is written as tag 1 with epoch seconds, and a tag-1 value read back becomes an
 * {@link Instant}, so tests see exactly how the emulator typed each value.
 */
public final class Cbor {
    private static final CBORFactory FACTORY = new CBORFactory();

    private Cbor() {
    }

    public static byte[] write(Object value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator gen = FACTORY.createGenerator(out)) {
            write(gen, value);
        }
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static void write(CBORGenerator gen, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            gen.writeStartObject();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                gen.writeFieldName(e.getKey());
                write(gen, e.getValue());
            }
            gen.writeEndObject();
        } else if (value instanceof List<?> list) {
            gen.writeStartArray();
            for (Object v : list) {
                write(gen, v);
            }
            gen.writeEndArray();
        } else if (value instanceof Instant instant) {
            gen.writeTag(1);
            gen.writeNumber(BigDecimal.valueOf(instant.toEpochMilli(), 3).doubleValue());
        } else if (value instanceof String s) {
            gen.writeString(s);
        } else if (value instanceof Integer i) {
            gen.writeNumber(i);
        } else if (value instanceof Long l) {
            gen.writeNumber(l);
        } else if (value instanceof Float f) {
            gen.writeNumber(f);
        } else if (value instanceof Double d) {
            gen.writeNumber(d);
        } else if (value instanceof Boolean b) {
            gen.writeBoolean(b);
        } else if (value instanceof byte[] bytes) {
            gen.writeBinary(bytes);
        } else {
            throw new IllegalArgumentException("no CBOR form for " + value);
        }
    }

    /** Maps, lists, strings, Long/Double, Boolean, byte[] and (tag 1) Instant. */
    static Object read(byte[] body) throws IOException {
        try (CBORParser p = FACTORY.createParser(body)) {
            p.nextToken();
            Object value = read(p);
            if (p.nextToken() != null) {
                throw new IOException("trailing data after the CBOR item");
            }
            return value;
        }
    }

    private static Object read(CBORParser p) throws IOException {
        int tag = p.getCurrentTag();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    map.put(name, read(p));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(p));
                }
                return list;
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                if (tag == 1) {
                    return Instant.ofEpochMilli(p.getDecimalValue().movePointRight(3).longValue());
                }
                return t == JsonToken.VALUE_NUMBER_INT ? (Object) p.getLongValue() : (Object) p.getDoubleValue();
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            case VALUE_EMBEDDED_OBJECT -> {
                return p.getBinaryValue();
            }
            default -> {
                return null;
            }
        }
    }
}
