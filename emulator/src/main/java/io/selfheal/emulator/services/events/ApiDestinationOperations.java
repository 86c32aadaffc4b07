package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.core.Ids;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CreateApiDestination, DescribeApiDestination, ListApiDestinations, UpdateApiDestination and DeleteApiDestination
 * (EventBridge API reference), validated as the API model constrains them.
 *
 * <p>API destinations are HTTPS endpoints. selfheal also takes {@code http://} on a loopback host (localhost,
 * 127.0.0.1, [::1]), so a scenario can point a destination at a local fake without a certificate.
 */
final class ApiDestinationOperations {
    private static final List<String> METHODS = List.of("POST", "GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE");
    /** The model's HttpsEndpoint pattern. */
    private static final Pattern ENDPOINT = Pattern.compile(
            "^((%[0-9A-Fa-f]{2}|[-()_.!~*';/?:@\\x26=+$,A-Za-z0-9])+)([).!';/?:,])?$");
    private static final Pattern CONNECTION_ARN = Pattern.compile(
            "^arn:aws([a-z]|\\-)*:events:([a-z]|\\d|\\-)*:([0-9]{12})?:connection\\/[\\.\\-_A-Za-z0-9]+\\/[\\-A-Za-z0-9]+$");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final RegionalStore<ApiDestinationsState> states;
    private final EmulatorClock clock;

    private final Ids ids;

    ApiDestinationOperations(RegionalStore<ApiDestinationsState> states, EmulatorClock clock, Ids ids) {
        this.ids = ids;
        this.states = states;
        this.clock = clock;
    }

    JsonNode createApiDestination(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        String name = EventsErrors.checkName("Name", params.required("Name"));
        String description = EventsErrors.checkMaxLength("Description", params.string("Description"), 512);
        String connectionArn = connectionArn(params.required("ConnectionArn"));
        String endpoint = checkEndpoint("InvocationEndpoint", params.required("InvocationEndpoint"));
        String method = method(params.required("HttpMethod"));
        int rateLimit = rateLimit(params, ApiDestination.DEFAULT_RATE_LIMIT);
        ApiDestinationsState state = states.get(ctx);
        existingConnection(state, connectionArn);
        Instant now = clock.now();
        ApiDestination destination = new ApiDestination(name,
                ctx.arn("events", "api-destination/" + name + "/" + ids.uuid("api-destination")), description, connectionArn, endpoint,
                method, rateLimit, now, now);
        if (state.destinations.putIfAbsent(name, destination) != null) {
            throw new AwsException("ResourceAlreadyExistsException",
                    "An api-destination '" + name + "' already exists.", 400);
        }
        return destination.toStateJson();
    }

    JsonNode describeApiDestination(RequestContext ctx, ObjectNode input) {
        return existing(ctx, input).describe();
    }

    JsonNode listApiDestinations(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        String prefix = params.string("NamePrefix");
        if (prefix != null) {
            EventsErrors.checkName("NamePrefix", prefix);
        }
        String connectionArn = params.string("ConnectionArn");
        if (connectionArn != null) {
            connectionArn(connectionArn);
        }
        List<ApiDestination> listed = ApiDestinationsState.withPrefix(states.get(ctx).destinations, prefix).stream()
                .filter(d -> connectionArn == null || d.connectionArn().equals(connectionArn)).toList();
        return Page.of(listed, params, "ApiDestinations", ApiDestination::toJson);
    }

    /** Replaces the members that are given. */
    JsonNode updateApiDestination(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        ApiDestination old = existing(ctx, input);
        String description = params.has("Description")
                ? EventsErrors.checkMaxLength("Description", params.string("Description"), 512) : old.description();
        String connectionArn = params.has("ConnectionArn") ? connectionArn(params.string("ConnectionArn"))
                : old.connectionArn();
        String endpoint = params.has("InvocationEndpoint")
                ? checkEndpoint("InvocationEndpoint", params.string("InvocationEndpoint")) : old.endpoint();
        String method = params.has("HttpMethod") ? method(params.string("HttpMethod")) : old.httpMethod();
        int rateLimit = rateLimit(params, old.rateLimit());
        ApiDestinationsState state = states.get(ctx);
        existingConnection(state, connectionArn);
        ApiDestination updated = new ApiDestination(old.name(), old.arn(), description, connectionArn, endpoint,
                method, rateLimit, old.created(), clock.now());
        if (!state.destinations.replace(old.name(), old, updated)) {
            throw new AwsException("ConcurrentModificationException",
                    "API destination " + old.name() + " was changed by another request.", 400);
        }
        return updated.toStateJson();
    }

    JsonNode deleteApiDestination(RequestContext ctx, ObjectNode input) {
        ApiDestination old = existing(ctx, input);
        states.get(ctx).destinations.remove(old.name(), old);
        return null;
    }

    private ApiDestination existing(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        String name = EventsErrors.checkName("Name", params.required("Name"));
        ApiDestination destination = states.get(ctx).destinations.get(name);
        if (destination == null) {
            throw new AwsException("ResourceNotFoundException", "Failed to describe the api-destination(s). "
                    + "An api-destination '" + name + "' does not exist.", 400);
        }
        return destination;
    }

    private static void existingConnection(ApiDestinationsState state, String connectionArn) {
        if (state.connectionByArn(connectionArn) == null) {
            throw new AwsException("ResourceNotFoundException",
                    "Connection '" + connectionArn + "' does not exist.", 400);
        }
    }

    private static String connectionArn(String arn) {
        if (!CONNECTION_ARN.matcher(arn).matches()) {
            throw EventsErrors.PARAMS.invalid("ConnectionArn", arn,
                    "Member must satisfy regular expression pattern: " + CONNECTION_ARN.pattern());
        }
        return EventsErrors.checkMaxLength("ConnectionArn", arn, 1600);
    }

    private static String method(String method) {
        if (!METHODS.contains(method)) {
            throw EventsErrors.PARAMS.invalid("HttpMethod", method, "Member must satisfy enum value set: " + METHODS);
        }
        return method;
    }

    private static int rateLimit(Params params, int fallback) {
        Integer limit = params.integer("InvocationRateLimitPerSecond");
        if (limit != null && limit < 1) {
            throw EventsErrors.PARAMS.invalid("InvocationRateLimitPerSecond", limit.toString(),
                    "Member must have value greater than or equal to 1");
        }
        return limit == null ? fallback : limit;
    }

    /** The model's HttpsEndpoint constraints, and HTTPS (or HTTP on a loopback host). */
    static String checkEndpoint(String member, String endpoint) {
        EventsErrors.checkMaxLength(member, endpoint, 2048);
        if (!ENDPOINT.matcher(endpoint).matches()) {
            throw EventsErrors.PARAMS.invalid(member, endpoint,
                    "Member must satisfy regular expression pattern: " + ENDPOINT.pattern());
        }
        URI uri;
        try {
            uri = new URI(endpoint.replace("*", "x"));
        } catch (URISyntaxException e) {
            throw EventsErrors.validation("Invalid " + member + " " + endpoint + ": " + e.getReason() + ".");
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean localHttp = "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                && LOOPBACK.contains(uri.getHost().toLowerCase(java.util.Locale.ROOT));
        if (uri.getHost() == null || !(https || localHttp)) {
            throw EventsErrors.validation("Invalid " + member + " " + endpoint + ": it must be an HTTPS URL "
                    + "(selfheal also takes http:// on a loopback host).");
        }
        return endpoint;
    }
}
