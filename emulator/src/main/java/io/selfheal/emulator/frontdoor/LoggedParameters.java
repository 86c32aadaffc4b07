package io.selfheal.emulator.frontdoor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.util.Iterator;
import java.util.Map;

/**
 * What the call log keeps of a request's parameters. An ordinary request keeps its tree (members longer than
 * {@link #VALUE_LIMIT} characters elided: zip files, big payloads). A large request, or a rejected one that is not
 * small, keeps a summary: the first {@link #SUMMARY_ITEMS} items of each list, strings cut at
 * {@link #SUMMARY_CHARS}, nothing deeper than {@link #SUMMARY_DEPTH}, each cut marked with what was left out — a
 * fuzzer's 400,000-entry array becomes a few hundred bytes, and a check can still read what was asked.
 */
final class LoggedParameters {
    static final int VALUE_LIMIT = 4096;
    /** Requests estimated above this are summarised. */
    static final long LARGE_BYTES = 16 * 1024;
    /** Rejected requests estimated above this are summarised. */
    static final long REJECTED_BYTES = 2 * 1024;
    static final int SUMMARY_ITEMS = 10;
    static final int SUMMARY_CHARS = 256;
    static final int SUMMARY_DEPTH = 6;

    private static final JsonNodeFactory NODES = Json.MAPPER.getNodeFactory();

    private LoggedParameters() {
    }

    static JsonNode of(JsonNode input, boolean rejected) {
        long bytes = Json.estimatedBytes(input);
        if (bytes > LARGE_BYTES || (rejected && bytes > REJECTED_BYTES)) {
            return summary(input, 0);
        }
        return elide(input);
    }

    private static JsonNode summary(JsonNode node, int depth) {
        if (node.isTextual()) {
            String text = node.textValue();
            return text.length() <= SUMMARY_CHARS ? node
                    : NODES.textNode(text.substring(0, SUMMARY_CHARS) + "<" + (text.length() - SUMMARY_CHARS)
                            + " more characters elided>");
        }
        if (!node.isContainerNode()) {
            return node;
        }
        if (depth >= SUMMARY_DEPTH) {
            return NODES.textNode("<" + node.size() + (node.isArray() ? " items" : " members") + " elided>");
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            int i = 0;
            for (JsonNode element : node) {
                if (i++ == SUMMARY_ITEMS) {
                    out.add("<" + (node.size() - SUMMARY_ITEMS) + " more items elided>");
                    break;
                }
                out.add(summary(element, depth + 1));
            }
            return out;
        }
        ObjectNode out = NODES.objectNode();
        int i = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (i++ == SUMMARY_ITEMS * 10) {
                out.put("<elided>", "<" + (node.size() - SUMMARY_ITEMS * 10) + " more members elided>");
                break;
            }
            String key = e.getKey().length() <= SUMMARY_CHARS ? e.getKey() : e.getKey().substring(0, SUMMARY_CHARS);
            out.set(key, summary(e.getValue(), depth + 1));
        }
        return out;
    }

    private static JsonNode elide(JsonNode node) {
        if (node.isTextual() && node.asText().length() > VALUE_LIMIT) {
            return NODES.textNode("<" + node.asText().length() + " characters elided>");
        }
        if (node.isObject()) {
            ObjectNode copy = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode elided = elide(e.getValue());
                if (elided != e.getValue()) {
                    if (copy == null) {
                        copy = ((ObjectNode) node).deepCopy();
                    }
                    copy.set(e.getKey(), elided);
                }
            }
            return copy == null ? node : copy;
        }
        return node;
    }
}
