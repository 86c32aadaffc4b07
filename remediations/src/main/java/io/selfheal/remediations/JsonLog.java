package io.selfheal.remediations;

import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Structured logging: one JSON object per line, so CloudWatch Logs Insights and the harness can filter on fields
 * ({@code level}, {@code message}, {@code requestId}, {@code instanceId}, {@code alarmName}, {@code action} …).
 * Immutable: {@link #with} returns a logger that adds fields to every line.
 */
final class JsonLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LambdaLogger logger;
    private final Map<String, Object> fields;

    private JsonLog(LambdaLogger logger, Map<String, Object> fields) {
        this.logger = logger;
        this.fields = fields;
    }

    static JsonLog of(Context context) {
        LambdaLogger logger = context == null || context.getLogger() == null ? StdoutLogger.INSTANCE : context.getLogger();
        Map<String, Object> fields = new LinkedHashMap<>();
        if (context != null) {
            fields.put("requestId", context.getAwsRequestId());
        }
        return new JsonLog(logger, fields);
    }

    JsonLog with(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(fields);
        more.put(key, value);
        return new JsonLog(logger, more);
    }

    void info(String message, Object... keyValues) {
        write("INFO", message, keyValues);
    }

    void warn(String message, Object... keyValues) {
        write("WARN", message, keyValues);
    }

    void error(String message, Object... keyValues) {
        write("ERROR", message, keyValues);
    }

    private void write(String level, String message, Object... keyValues) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", level);
        line.put("message", message);
        fields.forEach((k, v) -> putIfPresent(line, k, v));
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            putIfPresent(line, String.valueOf(keyValues[i]), keyValues[i + 1]);
        }
        logger.log(render(line));
    }

    private static void putIfPresent(Map<String, Object> line, String key, Object value) {
        if (value != null) {
            line.put(key, value);
        }
    }

    private static String render(Map<String, Object> line) {
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            // Only String/number/boolean values are logged, so this is a bug; keep the line parseable anyway.
            return "{\"level\":\"ERROR\",\"message\":\"log line not serialisable\"}";
        }
    }

    /** Used only when no Lambda context is given (a local call); the Lambda runtime always provides one. */
    private enum StdoutLogger implements LambdaLogger {
        INSTANCE;

        @Override
        public void log(String message) {
            System.out.println(message);
        }

        @Override
        public void log(byte[] message) {
            System.out.println(new String(message, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
