package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.core.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens of OAUTH_CLIENT_CREDENTIALS connections: fetched from the connection's AuthorizationEndpoint, kept
 * until they expire ({@code expires_in}, on the emulator clock), and fetched again when an endpoint answers 401 or
 * 407 ("OAUTH tokens are refreshed when a 401 or 407 response is returned", CreateConnection).
 *
 * <p>The token request uses the connection's HttpMethod and OAuthHttpParameters (headers, query string, and body
 * parameters form-encoded, where {@code grant_type=client_credentials} belongs), and sends the client id and secret
 * as HTTP Basic authorization, the form RFC 6749 (section 2.3.1) asks servers to support.
 */
final class OAuthTokens {
    /** Why a token could not be had; the message names the endpoint and its answer. */
    static final class AuthorizationFailed extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean retriable;

        AuthorizationFailed(String message, boolean retriable) {
            super(message, null, false, false);
            this.retriable = retriable;
        }

        boolean retriable() {
            return retriable;
        }
    }

    private record Token(String accessToken, Instant expires, Connection connection) {
    }

    private final HttpClient http;
    private final EmulatorClock clock;
    /** By connection ARN; a token is only valid for the connection parameters it was fetched with. */
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    OAuthTokens(HttpClient http, EmulatorClock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** A valid cached token, or a new one. */
    String token(Connection connection) throws AuthorizationFailed {
        Token cached = tokens.get(connection.arn());
        if (cached != null && sameAuthorization(cached.connection(), connection)
                && (cached.expires() == null || clock.now().isBefore(cached.expires()))) {
            return cached.accessToken();
        }
        return fetch(connection);
    }

    /** Fetches and caches a new token. */
    String fetch(Connection connection) throws AuthorizationFailed {
        JsonNode oauth = connection.auth("OAuthParameters");
        String endpoint = oauth.path("AuthorizationEndpoint").asText();
        String method = oauth.path("HttpMethod").asText("POST");
        JsonNode params = oauth.path("OAuthHttpParameters");
        String url = ApiDestinationTarget.withQuery(endpoint, pairs(params.path("QueryStringParameters")));
        String clientId = oauth.path("ClientParameters").path("ClientID").asText();
        String secret = oauth.path("ClientParameters").path("ClientSecret").asText();
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(ApiDestinationTarget.TIMEOUT);
        } catch (IllegalArgumentException e) {
            throw new AuthorizationFailed("AuthorizationEndpoint " + endpoint + " is not a URL", false);
        }
        request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        request.header("Accept", "application/json");
        for (JsonNode h : params.path("HeaderParameters")) {
            ApiDestinationTarget.header(request, h.path("Key").asText(), h.path("Value").asText());
        }
        String body = form(params.path("BodyParameters"));
        if (method.equals("GET")) {
            request.GET();
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded");
            request.method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AuthorizationFailed(method + " " + endpoint + " failed: " + e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthorizationFailed(method + " " + endpoint + " was interrupted", true);
        }
        if (response.statusCode() / 100 != 2) {
            throw new AuthorizationFailed(method + " " + endpoint + " answered " + response.statusCode() + ": "
                    + ApiDestinationTarget.excerpt(response.body()), response.statusCode() >= 500);
        }
        JsonNode answer;
        try {
            answer = Json.parse(response.body());
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !answer.path("access_token").isTextual()) {
            throw new AuthorizationFailed(method + " " + endpoint + " answered without an access_token: "
                    + ApiDestinationTarget.excerpt(response.body()), false);
        }
        Instant expires = answer.path("expires_in").canConvertToLong()
                ? clock.now().plusSeconds(answer.path("expires_in").asLong()) : null;
        String token = answer.path("access_token").asText();
        tokens.put(connection.arn(), new Token(token, expires, connection));
        return token;
    }

    /** A token stays valid through state changes, not through a change of the connection's parameters. */
    private static boolean sameAuthorization(Connection a, Connection b) {
        return a.modified().equals(b.modified()) && a.authParameters().equals(b.authParameters());
    }

    void forget(String connectionArn) {
        tokens.remove(connectionArn);
    }

    void clear() {
        tokens.clear();
    }

    private static Map<String, String> pairs(JsonNode list) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (JsonNode p : list) {
            out.put(p.path("Key").asText(), p.path("Value").asText());
        }
        return out;
    }

    private static String form(JsonNode list) {
        StringJoiner out = new StringJoiner("&");
        for (JsonNode p : list) {
            out.add(URLEncoder.encode(p.path("Key").asText(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(p.path("Value").asText(), StandardCharsets.UTF_8));
        }
        return out.toString();
    }
}
