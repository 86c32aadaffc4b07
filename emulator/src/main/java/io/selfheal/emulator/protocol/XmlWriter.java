package io.selfheal.emulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a JSON tree as AWS query-protocol XML: objects become elements, arrays become a wrapper element whose
 * children are named {@code listItem} ({@code member} for AWS query, {@code item} for EC2), null is omitted.
 * A {@link #flattened()} array has no wrapper: each element repeats the field's name (the model's
 * {@code flattened} trait, e.g. SQS's {@code <Message>} and {@code <Attribute>} lists).
 * {@link TimestampNode} and {@link MapNode} take their query forms (ISO-8601 text; {@code entry}/{@code key}/
 * {@code value}). Text is always well-formed XML 1.0 ({@link WellFormedText}), whatever a client stored.
 */
public final class XmlWriter {
    private final StringBuilder out = new StringBuilder(256);
    private final String listItem;

    public XmlWriter(String listItem) {
        this.listItem = listItem;
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }

    /** An array written without a wrapper element, one element per item named like the field. */
    public static ArrayNode flattened() {
        return new Flattened();
    }

    private static final class Flattened extends ArrayNode {
        private static final long serialVersionUID = 1L;

        Flattened() {
            super(JsonNodeFactory.instance);
        }
    }

    public XmlWriter open(String name, String xmlns) {
        out.append('<').append(name);
        if (xmlns != null) {
            out.append(" xmlns=\"").append(xmlns).append('"');
        }
        out.append('>');
        return this;
    }

    public XmlWriter open(String name) {
        return open(name, null);
    }

    public XmlWriter close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    public XmlWriter text(String name, String value) {
        open(name);
        escape(value);
        return close(name);
    }

    /** Escaped text inside the element just opened (an element with both a namespace and a text value). */
    public XmlWriter characters(String value) {
        escape(value);
        return this;
    }

    /** Writes each field of {@code object} as a child element of the current element. */
    public XmlWriter fields(JsonNode object) {
        if (object == null || !object.isObject()) {
            return this;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            node(e.getKey(), e.getValue());
        }
        return this;
    }

    public XmlWriter node(String name, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return this;
        }
        if (value instanceof Flattened) {
            for (JsonNode element : value) {
                node(name, element);
            }
        } else if (value instanceof TimestampNode timestamp) {
            text(name, timestamp.iso());
        } else if (value instanceof MapNode map) {
            open(name);
            for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                open("entry").text("key", e.getKey());
                node("value", e.getValue());
                close("entry");
            }
            close(name);
        } else if (value.isObject()) {
            open(name);
            fields(value);
            close(name);
        } else if (value.isArray()) {
            open(name);
            for (JsonNode element : value) {
                node(listItem, element);
            }
            close(name);
        } else {
            text(name, value.asText());
        }
        return this;
    }

    private void escape(String text) {
        String s = WellFormedText.xml(text);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#xD;");
                default -> out.append(c);
            }
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
