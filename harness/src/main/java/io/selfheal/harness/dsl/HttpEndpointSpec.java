package io.selfheal.harness.dsl;

import io.selfheal.harness.stack.HttpEndpointKind;
import java.time.Duration;
import java.util.Map;

/**
 * An HTTP endpoint outside AWS ({@code stack.httpEndpoints.<key>}), stood in by a local WireMock server that answers
 * every request to its path ({@code /<key>} unless given) with its status (200), headers and body after its delay.
 */
public final class HttpEndpointSpec extends Spec<HttpEndpointSpec> {
    private String path;
    private int status = 200;
    private String body = "";
    private Duration delay = Duration.ZERO;
    private Map<String, String> headers = Map.of();

    HttpEndpointSpec() {
    }

    /** Starts with / and has no spaces, query or fragment; one path per endpoint. */
    public HttpEndpointSpec path(String path) {
        return with(s -> s.path = path);
    }

    public HttpEndpointSpec status(int status) {
        return with(s -> s.status = status);
    }

    /** The response body as sent (JSON given inline in a file is stored compact: give it compact here too). */
    public HttpEndpointSpec body(String body) {
        return with(s -> s.body = body);
    }

    /** Real time before the answer (EventBridge gives an API destination 5 seconds). */
    public HttpEndpointSpec delay(Duration delay) {
        return with(s -> s.delay = delay);
    }

    public HttpEndpointSpec header(String name, String value) {
        return with(s -> s.headers = plus(s.headers, name, value));
    }

    /** @param paths the endpoints' paths so far, by path: the endpoints share one server */
    HttpEndpointKind.HttpEndpoint build(String key, Checks checks, Map<String, String> paths) {
        return HttpEndpointKind.endpoint(key, path, status, body, delay, headers, paths, checks);
    }
}
