package io.selfheal.harness.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.selfheal.harness.yaml.Suggestions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A catalog sample made concrete: fresh ids and times, another account or region, and {@code --set} overrides. */
final class EventGenerator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private EventGenerator() {
    }

    static ObjectNode load(EventCatalog.Sample sample) {
        try (InputStream in = EventGenerator.class.getResourceAsStream(sample.resource())) {
            if (in == null) {
                throw new IllegalStateException(sample.resource() + " is not on the class path (selfheal-fixtures)");
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param sets {@code path=value} overrides, applied last; a value that parses as JSON is JSON, else a string
     * @throws IllegalArgumentException naming a bad override
     */
    static ObjectNode generate(EventCatalog.Sample sample, Instant now, String region, String account,
                               List<String> sets) {
        return generate(load(sample), sample.fresh(), now, region, account, sets);
    }

    /** As above, for an event made elsewhere (a GuardDuty finding of a chosen type) instead of the sample's file. */
    static ObjectNode generate(ObjectNode event, Map<String, String> freshFields, Instant now, String region,
                               String account, List<String> sets) {
        Map<Pattern, String> replacements = new LinkedHashMap<>();
        Map<String, String> tokens = new HashMap<>();
        for (Map.Entry<String, String> fresh : freshFields.entrySet()) {
            JsonNode old = at(event, fresh.getKey());
            if (old != null && old.isTextual() && !old.asText().isEmpty()) {
                replacements.put(Pattern.compile(Pattern.quote(old.asText())),
                        tokens.computeIfAbsent(fresh.getValue(), t -> value(t, now)));
            }
        }
        // Whole account ids only (not the digits inside an instance id); a region also inside a zone (us-east-1b)
        // or a host name, but not as the start of a longer region (us-east-10).
        if (account != null && !event.path("account").asText().isEmpty()) {
            replacements.put(Pattern.compile("(?<![0-9])" + Pattern.quote(event.path("account").asText())
                    + "(?![0-9])"), account);
        }
        if (region != null && !event.path("region").asText().isEmpty()) {
            replacements.put(Pattern.compile("(?<![a-z0-9-])" + Pattern.quote(event.path("region").asText())
                    + "(?![0-9])"), region);
        }
        JsonNode replaced = rewriteStrings(event, s -> {
            String result = s;
            for (Map.Entry<Pattern, String> r : replacements.entrySet()) {
                result = r.getKey().matcher(result).replaceAll(Matcher.quoteReplacement(r.getValue()));
            }
            return result;
        });
        for (String set : sets) {
            apply((ObjectNode) replaced, set);
        }
        return (ObjectNode) replaced;
    }

    private static String value(String token, Instant now) {
        if (token.startsWith(EventCatalog.UUID)) {
            return UUID.randomUUID().toString();
        }
        if (token.equals(EventCatalog.HEX32)) {
            byte[] bytes = new byte[16];
            RANDOM.nextBytes(bytes);
            StringBuilder hex = new StringBuilder();
            for (byte b : bytes) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        }
        String pattern = token.substring("now:".length());
        return DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC).format(now);
    }

    private static JsonNode rewriteStrings(JsonNode node, UnaryOperator<String> rewrite) {
        if (node.isTextual()) {
            return TextNode.valueOf(rewrite.apply(node.asText()));
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(f -> copy.set(f.getKey(), rewriteStrings(f.getValue(), rewrite)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(e -> copy.add(rewriteStrings(e, rewrite)));
            return copy;
        }
        return node;
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String key : path.split("\\.")) {
            node = node.get(key);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** {@code a.b[0].c=value}: every step but the last must exist; the last may add a field to an object. */
    static void apply(ObjectNode event, String set) {
        int eq = set.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--set " + set + ": expected PATH=VALUE, e.g. detail.state.value=ALARM");
        }
        String path = set.substring(0, eq);
        JsonNode value = parseValue(set.substring(eq + 1));
        List<Object> steps = steps(path);
        JsonNode node = event;
        for (int i = 0; i < steps.size(); i++) {
            Object step = steps.get(i);
            boolean last = i == steps.size() - 1;
            String where = describe(steps.subList(0, i));
            if (step instanceof Integer index) {
                if (!(node instanceof ArrayNode array) || index >= array.size()) {
                    throw new IllegalArgumentException("--set " + path + ": " + (node instanceof ArrayNode a
                            ? where + " has " + a.size() + " elements" : where + " is not an array"));
                }
                if (last) {
                    array.set(index, value);
                } else {
                    node = array.get(index);
                }
            } else {
                String key = (String) step;
                if (!(node instanceof ObjectNode object)) {
                    throw new IllegalArgumentException("--set " + path + ": " + where + " is not an object");
                }
                if (last) {
                    object.set(key, value);
                } else if (!object.has(key)) {
                    List<String> keys = new ArrayList<>();
                    object.fieldNames().forEachRemaining(keys::add);
                    String close = Suggestions.closest(key, keys);
                    throw new IllegalArgumentException("--set " + path + ": no field '" + key + "' in "
                            + where + (close != null ? " (did you mean '" + close + "'?)" : "")
                            + "; fields there: " + String.join(", ", keys));
                } else {
                    node = object.get(key);
                }
            }
        }
    }

    private static JsonNode parseValue(String text) {
        try {
            JsonNode parsed = JSON.readTree(text);
            return parsed == null ? TextNode.valueOf(text) : parsed;
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }

    /** "a.b[0].c" → ["a", "b", 0, "c"]. */
    private static List<Object> steps(String path) {
        List<Object> steps = new ArrayList<>();
        for (String part : path.split("\\.", -1)) {
            int bracket = part.indexOf('[');
            String key = bracket < 0 ? part : part.substring(0, bracket);
            if (!key.isEmpty() || bracket < 0) {
                steps.add(key);
            }
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                if (close < 0) {
                    throw new IllegalArgumentException("--set " + path + ": unclosed '['");
                }
                try {
                    steps.add(Integer.parseInt(part.substring(bracket + 1, close)));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--set " + path + ": '" + part.substring(bracket + 1, close)
                            + "' is not an array index");
                }
                bracket = part.indexOf('[', close);
            }
        }
        return steps;
    }

    private static String describe(List<Object> steps) {
        if (steps.isEmpty()) {
            return "the event";
        }
        StringBuilder out = new StringBuilder();
        for (Object step : steps) {
            out.append(step instanceof Integer i ? "[" + i + "]" : (out.length() > 0 ? "." : "") + step);
        }
        return out.toString();
    }
}
