package io.selfheal.harness.stack;

import io.selfheal.harness.yaml.ProblemAt;
import io.selfheal.harness.yaml.YMap;
import io.selfheal.harness.yaml.YNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code stack.httpEndpoints} ({@code hook: {path: /hooks/ops, status: 200, body: ..., delay: PT1S,
 * headers: {...}}}): HTTP endpoints outside AWS, stood in by the run's {@link HttpEndpoints} (one WireMock server, a
 * path each), started before the kinds whose values refer to their URLs.
 */
public final class HttpEndpointKind extends AbstractStackKind<HttpEndpointKind.HttpEndpoint> {
    public static final String KEY = "httpEndpoints";

    /**
     * An HTTP endpoint outside AWS (a Slack, PagerDuty or ops webhook), stood in by a local WireMock server that
     * answers every request to {@code path} with {@code status}, {@code headers} and {@code body} after
     * {@code delay} (real time: EventBridge gives an API destination 5 seconds).
     */
    public record HttpEndpoint(String key, String path, int status, String body, Duration delay,
                               Map<String, String> headers) {
    }

    public HttpEndpointKind() {
        super(KEY, HttpEndpoint.class, List.of("url"), Set.of());
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
        YNode body = m.get("body");
        return endpoint(key, m.has("path") ? m.string("path") : null, m.integer("status"),
                body == null ? "" : body.isScalar() ? body.text() : body.toJson().toString(), m.duration("delay"),
                m.stringMap("headers"), paths, m.problems());
    }

    /**
     * An entry by the stand-in server's rules, for the YAML reader and the Java DSL alike: a path of its own (default
     * {@code /<key>}), an HTTP status (default 200), a delay that is not negative (default none).
     *
     * @param paths which entry took each path so far (one server serves every endpoint of a run)
     */
    public static HttpEndpoint endpoint(String key, String path, Integer status, String body, Duration delay,
                                        Map<String, String> headers, Map<String, String> paths, ProblemAt problems) {
        String p = path == null ? "/" + key : path;
        if (path != null && !path.matches("/[^\\s?#]*")) {
            problems.problem("path", "a path starts with / and has no spaces, query (?) or fragment (#)");
        } else if (paths.putIfAbsent(p, key) != null) {
            problems.problem(path == null ? "" : "path", "path " + p + " is taken by httpEndpoints entry '"
                    + paths.get(p) + "' (the endpoints share one server, a path each)");
        }
        if (status != null && (status < 100 || status > 599)) {
            problems.problem("status", "an HTTP status is between 100 and 599");
        }
        if (delay != null && delay.isNegative()) {
            problems.problem("delay", "a delay cannot be negative");
            delay = null;
        }
        return new HttpEndpoint(key, p, status == null ? 200 : status, body, delay == null ? Duration.ZERO : delay,
                headers);
    }

    @Override
    public void provision(Map<String, HttpEndpoint> endpoints, Provisioning p) {
        HttpEndpoints server = HttpEndpoints.start(endpoints.values());
        p.attach(HttpEndpoints.class, server);
        endpoints.keySet().forEach(k -> p.put(this, k, "url", server.url(k)));
    }

    /** The JSON Schema of this kind: its section's description, one entry's schema, and defs it refers to. */
    @Override
    public String schema() {
        return """
            {"description": "HTTP endpoints (webhook receivers) stood in by one embedded WireMock server on 127.0.0.1 per run, by key.", "entry": {"description": "A stub HTTP endpoint answering every request to its path. Reference: ${httpEndpoints.<key>.url}.", "type": "object", "additionalProperties": false, "properties": {
              "path": {"description": "The path it answers (default /<key>).", "type": "string", "pattern": "^/"},
              "status": {"description": "The HTTP status it answers with (default 200).", "type": "integer", "minimum": 100, "maximum": 599},
              "body": {"description": "The response body: text, or YAML/JSON written out as JSON (default empty).", "type": ["object", "array", "string", "number", "boolean"]},
              "delay": {"description": "How long it waits before answering, in real time (default PT0S).", "$ref": "#/$defs/duration"},
              "headers": {"description": "Response headers, name to value.", "$ref": "#/$defs/textMap"}
            }}
            }
            """;
    }
}
