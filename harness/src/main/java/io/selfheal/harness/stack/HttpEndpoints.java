package io.selfheal.harness.stack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP endpoints of one run ({@code stack.httpEndpoints}): one WireMock server on a free loopback port with a
 * stub per endpoint path, its request journal the record of what each endpoint received. Owned by the run and
 * stopped when the run closes, so parallel runs never share one.
 */
public final class HttpEndpoints implements AutoCloseable {
    private final WireMockServer server;
    private final Map<String, String> paths = new LinkedHashMap<>();

    private HttpEndpoints(WireMockServer server) {
        this.server = server;
    }

    /** Starts a server answering every request to each endpoint's path as the endpoint says. */
    public static HttpEndpoints start(Collection<HttpEndpointKind.HttpEndpoint> endpoints) {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .mappingSource(NO_FILES).notifier(new Slf4jNotifier(false)).gzipDisabled(true)
                .stubRequestLoggingDisabled(true));
        server.start();
        HttpEndpoints out = new HttpEndpoints(server);
        for (HttpEndpointKind.HttpEndpoint e : endpoints) {
            ResponseDefinitionBuilder response = aResponse().withStatus(e.status()).withBody(e.body());
            e.headers().forEach(response::withHeader);
            if (!e.delay().isZero()) {
                response.withFixedDelay((int) e.delay().toMillis());
            }
            server.stubFor(any(urlPathEqualTo(e.path())).willReturn(response));
            out.paths.put(e.key(), e.path());
        }
        return out;
    }

    /** The URL requests to the endpoint go to: {@code http://127.0.0.1:<port>/<path>}. */
    public String url(String key) {
        return "http://127.0.0.1:" + server.port() + path(key);
    }

    /** What the endpoint received, oldest first. */
    public List<Request> requests(String key) {
        return server.findAll(anyRequestedFor(urlPathEqualTo(path(key)))).stream().map(Request::of).toList();
    }

    private String path(String key) {
        String path = paths.get(key);
        if (path == null) {
            throw new IllegalStateException("httpEndpoints '" + key + "' has not been provisioned");
        }
        return path;
    }

    @Override
    public void close() {
        server.stop();
    }

    /** One request an endpoint received; header names lower case. */
    public record Request(String method, String url, Map<String, String> headers, String body) {
        static Request of(LoggedRequest r) {
            Map<String, String> headers = new LinkedHashMap<>();
            r.getHeaders().all().forEach(h -> headers.put(h.key().toLowerCase(java.util.Locale.ROOT),
                    h.firstValue()));
            return new Request(r.getMethod().getName(), r.getUrl(), headers, r.getBodyAsString());
        }

        /** "POST /hooks/ops {"alarm":"…"}", the body cut at {@code max} characters. */
        public String describe(int max) {
            String shown = body == null || body.length() <= max ? body : body.substring(0, max) + "…";
            return method + " " + url + (shown == null || shown.isEmpty() ? "" : " " + shown);
        }
    }

    /** Stubs come from the scenario only, never from a mappings directory under the working directory. */
    private static final MappingsSource NO_FILES = new MappingsSource() {
        @Override
        public void loadMappingsInto(StubMappings stubMappings) {
        }

        @Override
        public void save(List<StubMapping> mappings) {
        }

        @Override
        public void save(StubMapping mapping) {
        }

        @Override
        public void remove(StubMapping mapping) {
        }

        @Override
        public void removeAll() {
        }
    };
}
