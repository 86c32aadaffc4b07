package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * An API destination as target ("API destinations as targets in Amazon EventBridge"): one HTTP request to the
 * InvocationEndpoint with the destination's HttpMethod, the input as JSON body, the target's HttpParameters (each
 * {@code *} of the endpoint filled from PathParameterValues, HeaderParameters, QueryStringParameters) merged with the
 * connection's InvocationHttpParameters ("values from the Connection taking precedence", HttpParameters), and the
 * connection's authorization. A 2xx answer is a delivery; 429 and 5xx are retriable failures, other answers are not;
 * EventBridge waits 5 seconds for an answer.
 */
final class ApiDestinationTarget implements TargetSender {
    /** "The maximum client execution timeout … is 5 seconds" (API destinations). */
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Headers the JDK's client sets itself and refuses to take. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final RegionalStore<ApiDestinationsState> states;
    private final HttpClient http;
    private final OAuthTokens tokens;

    ApiDestinationTarget(RegionalStore<ApiDestinationsState> states, HttpClient http, OAuthTokens tokens) {
        this.states = states;
        this.http = http;
        this.tokens = tokens;
    }

    @Override
    public Outcome send(Send s) {
        ApiDestinationsState state = states.get(s.kind().account(), s.kind().region());
        ApiDestination destination = state.destinationByArn(s.target().arn());
        if (destination == null) {
            return Outcome.failed("ResourceNotFoundException", "API destination " + s.kind().name()
                    + " does not exist (" + s.target().arn() + ").", false);
        }
        Connection connection = state.connectionByArn(destination.connectionArn());
        if (connection == null) {
            return Outcome.failed("ResourceNotFoundException", "Connection " + destination.connectionArn()
                    + " of API destination " + destination.name() + " does not exist.", false);
        }
        HttpRequest.Builder request;
        try {
            request = request(s, destination, connection);
        } catch (IllegalArgumentException e) {
            return Outcome.failed("InvalidParameter", e.getMessage(), false);
        }
        try {
            Outcome outcome = invoke(request, destination, connection, false);
            if (outcome == null) {
                // 401 or 407 with an OAuth token: fetch a new one and try once more.
                tokens.forget(connection.arn());
                outcome = invoke(request, destination, connection, true);
            }
            return outcome == null ? Outcome.failed("HTTP_401", destination.httpMethod() + " "
                    + destination.endpoint() + " refused a fresh OAuth token.", false) : outcome;
        } catch (OAuthTokens.AuthorizationFailed e) {
            return Outcome.failed("AuthorizationFailed", "Connection " + connection.name()
                    + " could not authorize: " + e.getMessage(), e.retriable());
        }
    }

    /** @return the outcome, or null for a 401/407 that a new OAuth token may cure */
    private Outcome invoke(HttpRequest.Builder request, ApiDestination destination, Connection connection,
                           boolean retried) throws OAuthTokens.AuthorizationFailed {
        HttpRequest.Builder copy = request.copy();
        authorize(copy, connection);
        String what = destination.httpMethod() + " " + destination.endpoint();
        HttpResponse<String> response;
        try {
            response = http.send(copy.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return Outcome.failed("Timeout", what + " did not answer within " + TIMEOUT.toSeconds() + " s.", true);
        } catch (IOException e) {
            return Outcome.failed("ConnectionFailure", what + " failed: " + e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("ConnectionFailure", what + " was interrupted.", true);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return Outcome.ok();
        }
        if ((status == 401 || status == 407) && connection.authorizationType().equals(Connection.OAUTH) && !retried) {
            return null;
        }
        return Outcome.failed("HTTP_" + status, what + " answered " + status + ": " + excerpt(response.body()),
                status == 429 || status >= 500);
    }

    private HttpRequest.Builder request(Send s, ApiDestination destination, Connection connection) {
        HttpParameters target = s.target().http();
        JsonNode invocation = connection.auth("InvocationHttpParameters");
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        if (target != null) {
            target.queryStringParameters().forEach((k, v) -> query.put(k, HttpParameters.resolve(v, s.event())));
            target.headerParameters().forEach((k, v) -> headers.put(k, HttpParameters.resolve(v, s.event())));
        }
        invocation.path("QueryStringParameters").forEach(p -> query.put(p.path("Key").asText(),
                p.path("Value").asText()));
        invocation.path("HeaderParameters").forEach(p -> headers.put(p.path("Key").asText(),
                p.path("Value").asText()));
        String url = withQuery(fillPath(destination.endpoint(), target, s), query);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
        request.header("Content-Type", "application/json; charset=utf-8");
        request.header("User-Agent", "Amazon/EventBridge/ApiDestinations");
        headers.forEach((k, v) -> header(request, k, v));
        String method = destination.httpMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.method(method, HttpRequest.BodyPublishers.ofString(
                    withBodyParameters(s.input(), invocation.path("BodyParameters")), StandardCharsets.UTF_8));
        }
        return request;
    }

    /** Replaces each {@code *} of the endpoint, in order, with a path parameter value. */
    private static String fillPath(String endpoint, HttpParameters target, Send s) {
        StringBuilder out = new StringBuilder();
        Iterator<String> values = target == null ? java.util.Collections.emptyIterator()
                : target.pathParameterValues().iterator();
        for (char c : endpoint.toCharArray()) {
            if (c != '*') {
                out.append(c);
                continue;
            }
            if (!values.hasNext()) {
                throw new IllegalArgumentException("InvocationEndpoint " + endpoint + " has more * than target "
                        + s.target().id() + " has PathParameterValues.");
            }
            out.append(URLEncoder.encode(HttpParameters.resolve(values.next(), s.event()), StandardCharsets.UTF_8)
                    .replace("+", "%20"));
        }
        return out.toString();
    }

    /** The connection's BodyParameters are added to a JSON object body. */
    private static String withBodyParameters(String input, JsonNode bodyParameters) {
        if (bodyParameters.isEmpty()) {
            return input;
        }
        try {
            JsonNode body = Json.parse(input);
            if (body instanceof ObjectNode object) {
                bodyParameters.forEach(p -> object.put(p.path("Key").asText(), p.path("Value").asText()));
                return Json.write(object);
            }
        } catch (JsonProcessingException notJson) {
            // sent as it is
        }
        return input;
    }

    private void authorize(HttpRequest.Builder request, Connection connection)
            throws OAuthTokens.AuthorizationFailed {
        switch (connection.authorizationType()) {
            case Connection.API_KEY -> {
                JsonNode key = connection.auth("ApiKeyAuthParameters");
                header(request, key.path("ApiKeyName").asText(), key.path("ApiKeyValue").asText());
            }
            case Connection.BASIC -> {
                JsonNode basic = connection.auth("BasicAuthParameters");
                String pair = basic.path("Username").asText() + ":" + basic.path("Password").asText();
                request.setHeader("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
            }
            case Connection.OAUTH -> request.setHeader("Authorization", "Bearer " + tokens.token(connection));
            default -> throw new IllegalStateException("authorization type " + connection.authorizationType());
        }
    }

    /** Sets a header unless the JDK's client owns it. */
    static void header(HttpRequest.Builder request, String name, String value) {
        if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
            request.setHeader(name, value);
        }
    }

    static String withQuery(String url, Map<String, String> query) {
        if (query.isEmpty()) {
            return url;
        }
        StringJoiner pairs = new StringJoiner("&");
        query.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return url + (url.contains("?") ? "&" : "?") + pairs;
    }

    static String excerpt(String body) {
        if (body == null) {
            return "";
        }
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
