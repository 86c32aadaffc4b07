package io.selfheal.harness.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * JSON over HTTP to a selfheal emulator's control API ({@code /_selfheal/…}): a non-2xx answer is an
 * {@link IllegalStateException} carrying the server's message (the same words the embedded controls would throw).
 */
final class ControlHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT = Duration.ofSeconds(5);

    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT).build();

    ControlHttp(URI endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * The capabilities document, or empty when the endpoint does not answer it as a selfheal control API does (AWS,
     * {@code serve --aws-only}, anything else).
     */
    Optional<JsonNode> capabilities() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint.resolve("/_selfheal/capabilities"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode doc = JSON.readTree(r.body());
            return doc.path("capabilities").isArray() ? Optional.of(doc) : Optional.empty();
        } catch (IOException notOurs) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    JsonNode get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(endpoint.resolve(pathAndQuery)).GET(), pathAndQuery);
    }

    JsonNode post(String pathAndQuery, JsonNode body) {
        return send(HttpRequest.newBuilder(endpoint.resolve(pathAndQuery)).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString())), pathAndQuery);
    }

    static com.fasterxml.jackson.databind.node.ObjectNode object() {
        return JSON.createObjectNode();
    }

    private JsonNode send(HttpRequest.Builder request, String what) {
        try {
            // Waits (idle, clock steps) are bounded by the server; this only catches a server gone away.
            HttpResponse<String> r = http.send(request.timeout(Duration.ofMinutes(6)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
            if (r.statusCode() == 503) {
                throw new io.selfheal.emulator.core.CloudNotIdleException(body.path("message").asText(r.body()));
            }
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(what + " answered " + r.statusCode() + ": "
                        + body.path("message").asText(r.body()));
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("the control API at " + endpoint + " did not answer " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + what, e);
        }
    }
}
