package io.selfheal.harness.dsl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfheal.harness.stack.ResourceText;
import java.nio.file.Path;

/** JSON given as text, {@code classpath:…} or a file, read as the loader reads a pattern or a transformer. */
final class JsonText {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonText() {
    }

    /** JSON text ({@code {…}}, {@code […]}) or a {@code classpath:…}/file reference; null after a problem. */
    static JsonNode read(String text, Checks checks) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return parse(text, checks);
        }
        String content = ResourceText.read(trimmed, checks.baseDir(), checks::problem);
        return content == null ? null : parse(content, checks);
    }

    /** A JSON file, relative to the base directory; null after a problem. */
    static JsonNode read(Path file, Checks checks) {
        String content = file == null ? null
                : ResourceText.read(file.toString(), checks.baseDir(), checks::problem);
        return content == null ? null : parse(content, checks);
    }

    private static JsonNode parse(String text, Checks checks) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            checks.problem("not valid JSON: " + e.getOriginalMessage());
            return null;
        }
    }
}
