package io.selfheal.harness.scenario;

import io.selfheal.harness.yaml.YMap;
import io.selfheal.harness.yaml.YNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads {@code stack.httpEndpoints} ({@code hook: {path: /hooks/ops, status: 200, body: ..., delay: PT1S,
 * headers: {...}}}) and the EventBridge side of an {@code httpEndpoint} rule target: its {@code connection}
 * ({@code apiKey: {name, value}} or {@code basic: {username, password}}) and {@code rateLimitPerSecond}.
 */
final class HttpEndpointReader {
    /** Which endpoint took each path first: one server serves every endpoint of a run, a path each. */
    private final Map<String, String> paths = new HashMap<>();

    Stack.HttpEndpoint endpoint(String key, YMap m) {
        m.allow("path", "status", "body", "delay", "headers");
        String path = m.has("path") ? m.string("path") : "/" + key;
        if (m.has("path") && path != null && !path.matches("/[^\\s?#]*")) {
            m.get("path").problem("a path starts with / and has no spaces, query (?) or fragment (#)");
        } else if (path != null && paths.putIfAbsent(path, key) != null) {
            (m.has("path") ? m.get("path") : m.node()).problem("path " + path + " is taken by httpEndpoints entry '"
                    + paths.get(path) + "' (the endpoints share one server, a path each)");
        }
        Integer status = m.integer("status");
        if (status != null && (status < 100 || status > 599)) {
            m.get("status").problem("an HTTP status is between 100 and 599");
        }
        YNode body = m.get("body");
        Duration delay = m.duration("delay");
        if (delay != null && delay.isNegative()) {
            m.get("delay").problem("a delay cannot be negative");
            delay = null;
        }
        return new Stack.HttpEndpoint(key, path, status == null ? 200 : status,
                body == null ? "" : body.isScalar() ? body.text() : body.toJson().toString(),
                delay == null ? Duration.ZERO : delay, m.stringMap("headers"));
    }

    /** A target's {@code connection}: exactly one of apiKey or basic; {@link Stack.Connection#DEFAULT} without. */
    static Stack.Connection connection(YNode node) {
        if (node == null) {
            return Stack.Connection.DEFAULT;
        }
        YMap m = node.map().allow("apiKey", "basic");
        if (m.has("apiKey") == m.has("basic")) {
            node.problem("a connection needs exactly one of apiKey or basic");
            return Stack.Connection.DEFAULT;
        }
        if (m.has("apiKey")) {
            YMap key = m.get("apiKey").map().allow("name", "value");
            return new Stack.Connection("API_KEY", orElse(key.string("name"), Stack.Connection.DEFAULT.apiKeyName()),
                    orElse(key.string("value"), Stack.Connection.DEFAULT.apiKeyValue()), null, null);
        }
        YMap basic = m.get("basic").map().allow("username", "password");
        return new Stack.Connection("BASIC", null, null, basic.requiredString("username"),
                basic.requiredString("password"));
    }

    /** {@code rateLimitPerSecond}: InvocationRateLimitPerSecond, at least 1 (as in EventBridge); null when unset. */
    static Integer rateLimit(YMap target) {
        Integer limit = target.integer("rateLimitPerSecond");
        if (limit != null && limit < 1) {
            target.get("rateLimitPerSecond").problem("rateLimitPerSecond must be at least 1 (as in EventBridge)");
            return null;
        }
        return limit;
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
