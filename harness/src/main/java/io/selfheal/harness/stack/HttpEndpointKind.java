package io.selfheal.harness.stack;

import io.selfheal.harness.yaml.YMap;
import io.selfheal.harness.yaml.YNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code stack.httpEndpoints} ({@code hook: {path: /hooks/ops, status: 200, body: ..., delay: PT1S,
 * headers: {...}}}): HTTP endpoints outside AWS, stood in by the run's {@link HttpEndpoints} (one WireMock server, a
 * path each), started before the kinds whose values refer to their URLs.
 */
public final class HttpEndpointKind implements StackKind<HttpEndpointKind.HttpEndpoint> {
    public static final String KEY = "httpEndpoints";

    /**
     * An HTTP endpoint outside AWS (a Slack, PagerDuty or ops webhook), stood in by a local WireMock server that
     * answers every request to {@code path} with {@code status}, {@code headers} and {@code body} after
     * {@code delay} (real time: EventBridge gives an API destination 5 seconds).
     */
    public record HttpEndpoint(String key, String path, int status, String body, Duration delay,
                               Map<String, String> headers) {
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Class<HttpEndpoint> type() {
        return HttpEndpoint.class;
    }

    @Override
    public List<String> attributes() {
        return List.of("url");
    }

    /** Which endpoint took each path first: one server serves every endpoint of a run, a path each. */
    @Override
    public Map<String, HttpEndpoint> readAll(YMap section, StackReading reading) {
        Map<String, String> paths = new HashMap<>();
        Map<String, HttpEndpoint> out = new LinkedHashMap<>();
        section.entries().forEach((key, spec) -> out.put(key, read(key, spec.map(), paths)));
        return out;
    }

    @Override
    public HttpEndpoint read(String key, YMap m, StackReading reading) {
        return read(key, m, new HashMap<>());
    }

    private HttpEndpoint read(String key, YMap m, Map<String, String> paths) {
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
        return new HttpEndpoint(key, path, status == null ? 200 : status,
                body == null ? "" : body.isScalar() ? body.text() : body.toJson().toString(),
                delay == null ? Duration.ZERO : delay, m.stringMap("headers"));
    }

    @Override
    public void provision(Map<String, HttpEndpoint> endpoints, Provisioning p) {
        HttpEndpoints server = HttpEndpoints.start(endpoints.values());
        p.attach(HttpEndpoints.class, server);
        endpoints.keySet().forEach(k -> p.put(this, k, "url", server.url(k)));
    }
}
