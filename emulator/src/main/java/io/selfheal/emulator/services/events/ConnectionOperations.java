package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Ids;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CreateConnection, DescribeConnection, ListConnections, UpdateConnection, DeauthorizeConnection and
 * DeleteConnection (EventBridge API reference), validated as the API model constrains them.
 *
 * <p>API_KEY and BASIC connections are AUTHORIZED at once. An OAUTH_CLIENT_CREDENTIALS connection starts AUTHORIZING
 * while EventBridge asks its AuthorizationEndpoint for a token in the background (tracked as in-flight work), then
 * becomes AUTHORIZED, or DEAUTHORIZED with the endpoint's answer as StateReason.
 */
final class ConnectionOperations {
    private static final Set<String> TYPES = Set.of(Connection.API_KEY, Connection.BASIC, Connection.OAUTH);
    private static final List<String> STATES = List.of("CREATING", "UPDATING", "DELETING", "AUTHORIZED",
            "DEAUTHORIZED", "AUTHORIZING", "DEAUTHORIZING", "ACTIVE", "FAILED_CONNECTIVITY");
    /** Which AuthParameters member each type takes. */
    private static final Map<String, String> MEMBER = Map.of(Connection.API_KEY, "ApiKeyAuthParameters",
            Connection.BASIC, "BasicAuthParameters", Connection.OAUTH, "OAuthParameters");
    private static final Pattern AUTH_HEADER = Pattern.compile(
            "^[ \\t]*[^\\x00-\\x1F:\\x7F]+([ \\t]+[^\\x00-\\x1F:\\x7F]+)*[ \\t]*$");
    private static final Pattern HEADER_KEY = Pattern.compile("^[!#$%&'*+-.^_`|~0-9a-zA-Z]+$");
    private static final Pattern HEADER_VALUE = Pattern.compile("^[ \\t]*[\\x20-\\x7E]+([ \\t]+[\\x20-\\x7E]+)*[ \\t]*$");
    private static final Pattern QUERY_KEY = Pattern.compile("[^\\x00-\\x1F\\x7F]+");
    private static final Pattern QUERY_VALUE = Pattern.compile("[^\\x00-\\x09\\x0B\\x0C\\x0E-\\x1F\\x7F]+");

    private final RegionalStore<ApiDestinationsState> states;
    private final EmulatorContext context;
    private final OAuthTokens tokens;

    ConnectionOperations(RegionalStore<ApiDestinationsState> states, EmulatorContext context, OAuthTokens tokens) {
        this.states = states;
        this.context = context;
        this.tokens = tokens;
    }

    JsonNode createConnection(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        String name = EventsErrors.checkName("Name", params.required("Name"));
        String description = EventsErrors.checkMaxLength("Description", params.string("Description"), 512);
        String type = type(params.required("AuthorizationType"));
        params.requiredNode("AuthParameters");
        ObjectNode auth = (ObjectNode) params.child("AuthParameters").input();
        checkAuth(type, auth);
        ApiDestinationsState state = states.get(ctx);
        Instant now = context.clock().now();
        String id = context.ids().uuid("connection");
        boolean oauth = type.equals(Connection.OAUTH);
        Connection connection = new Connection(name, ctx.arn("events", "connection/" + name + "/" + id),
                description, type, auth, oauth ? "AUTHORIZING" : "AUTHORIZED", null,
                ctx.arn("secretsmanager", "secret:events!connection/" + name + "/" + id), now, now,
                oauth ? null : now);
        if (state.connections.putIfAbsent(name, connection) != null) {
            throw new AwsException("ResourceAlreadyExistsException", "Connection " + name + " already exists.", 400);
        }
        if (oauth) {
            authorizeLater(state, connection);
        }
        return connection.toStateJson();
    }

    JsonNode describeConnection(RequestContext ctx, ObjectNode input) {
        return existing(ctx, input).describe();
    }

    JsonNode listConnections(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        String prefix = params.string("NamePrefix");
        if (prefix != null) {
            EventsErrors.checkName("NamePrefix", prefix);
        }
        String wanted = params.string("ConnectionState");
        if (wanted != null && !STATES.contains(wanted)) {
            throw EventsErrors.PARAMS.invalid("ConnectionState", wanted,
                    "Member must satisfy enum value set: " + STATES);
        }
        List<Connection> listed = ApiDestinationsState.withPrefix(states.get(ctx).connections, prefix).stream()
                .filter(c -> wanted == null || c.state().equals(wanted)).toList();
        return Page.of(listed, params, "Connections", Connection::toSummary);
    }

    /**
     * Replaces what is given: the description, the authorization type, and each AuthParameters member field by
     * field (a new type needs its whole parameters). Changing the authorization authorizes again.
     */
    JsonNode updateConnection(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        Connection old = existing(ctx, input);
        String description = params.has("Description")
                ? EventsErrors.checkMaxLength("Description", params.string("Description"), 512) : old.description();
        String type = params.has("AuthorizationType") ? type(params.string("AuthorizationType"))
                : old.authorizationType();
        ObjectNode auth = old.authParameters().deepCopy();
        if (!type.equals(old.authorizationType())) {
            auth.remove(MEMBER.get(old.authorizationType()));
        }
        Params given = params.child("AuthParameters");
        if (given != null) {
            merge(auth, given.input());
        }
        checkAuth(type, auth);
        Instant now = context.clock().now();
        boolean oauth = type.equals(Connection.OAUTH);
        Connection updated = new Connection(old.name(), old.arn(), description, type, auth,
                oauth ? "AUTHORIZING" : "AUTHORIZED", null, old.secretArn(), old.created(), now,
                oauth ? old.lastAuthorized() : now);
        ApiDestinationsState state = states.get(ctx);
        if (!state.connections.replace(old.name(), old, updated)) {
            throw new AwsException("ConcurrentModificationException",
                    "Connection " + old.name() + " was changed by another request.", 400);
        }
        tokens.forget(old.arn());
        if (oauth) {
            authorizeLater(state, updated);
        }
        return updated.toStateJson();
    }

    JsonNode deauthorizeConnection(RequestContext ctx, ObjectNode input) {
        Connection old = existing(ctx, input);
        Connection deauthorized = old.withState("DEAUTHORIZED", "Deauthorized by DeauthorizeConnection.", null);
        states.get(ctx).connections.replace(old.name(), old, deauthorized);
        tokens.forget(old.arn());
        return deauthorized.toStateJson();
    }

    JsonNode deleteConnection(RequestContext ctx, ObjectNode input) {
        Connection old = existing(ctx, input);
        states.get(ctx).connections.remove(old.name(), old);
        tokens.forget(old.arn());
        return old.withState("DELETING", null, null).toStateJson();
    }

    private Connection existing(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        String name = EventsErrors.checkName("Name", params.required("Name"));
        Connection connection = states.get(ctx).connections.get(name);
        if (connection == null) {
            throw new AwsException("ResourceNotFoundException", "Failed to describe the connection(s). Connection '"
                    + name + "' does not exist.", 400);
        }
        return connection;
    }

    /** Fetches a token off the request thread; the connection's state tells how it went. */
    private void authorizeLater(ApiDestinationsState state, Connection connection) {
        context.workers().execute(context.activity().track(() -> {
            Connection result;
            try {
                tokens.fetch(connection);
                result = connection.withState("AUTHORIZED", null, context.clock().now());
            } catch (OAuthTokens.AuthorizationFailed e) {
                result = connection.withState("DEAUTHORIZED", reason(e.getMessage()), null);
            }
            state.connections.replace(connection.name(), connection, result);
        }));
    }

    /** StateReason is at most 512 characters. */
    private static String reason(String message) {
        return message.length() <= 512 ? message : message.substring(0, 511) + "…";
    }

    private static String type(String type) {
        if (!TYPES.contains(type)) {
            throw EventsErrors.PARAMS.invalid("AuthorizationType", type,
                    "Member must satisfy enum value set: [BASIC, OAUTH_CLIENT_CREDENTIALS, API_KEY]");
        }
        return type;
    }

    /** Nested objects merge field by field; anything else replaces. */
    private static void merge(ObjectNode into, ObjectNode from) {
        from.properties().forEach(e -> {
            JsonNode existing = into.get(e.getKey());
            if (existing instanceof ObjectNode target && e.getValue() instanceof ObjectNode source) {
                merge(target, source);
            } else {
                into.set(e.getKey(), e.getValue().deepCopy());
            }
        });
    }

    /** "You must include only authorization parameters for the AuthorizationType you specify." */
    private static void checkAuth(String type, ObjectNode auth) {
        String member = MEMBER.get(type);
        for (String other : MEMBER.values()) {
            if (!other.equals(member) && auth.has(other) && !auth.get(other).isNull()) {
                throw EventsErrors.validation("AuthParameters for AuthorizationType " + type + " must not contain "
                        + other + ".");
            }
        }
        JsonNode parameters = auth.get(member);
        if (parameters == null || !parameters.isObject()) {
            throw EventsErrors.PARAMS.missing("AuthParameters." + lowerFirst(member));
        }
        String path = "authParameters." + lowerFirst(member) + ".";
        switch (type) {
            case Connection.API_KEY -> {
                authHeader(parameters, "ApiKeyName", path);
                authHeader(parameters, "ApiKeyValue", path);
            }
            case Connection.BASIC -> {
                authHeader(parameters, "Username", path);
                authHeader(parameters, "Password", path);
            }
            default -> {
                JsonNode client = parameters.get("ClientParameters");
                if (client == null || !client.isObject()) {
                    throw EventsErrors.PARAMS.missing(path + "clientParameters");
                }
                authHeader(client, "ClientID", path + "clientParameters.");
                authHeader(client, "ClientSecret", path + "clientParameters.");
                String endpoint = parameters.path("AuthorizationEndpoint").asText(null);
                if (endpoint == null) {
                    throw EventsErrors.PARAMS.missing(path + "authorizationEndpoint");
                }
                ApiDestinationOperations.checkEndpoint(path + "authorizationEndpoint", endpoint);
                String method = parameters.path("HttpMethod").asText(null);
                if (method == null) {
                    throw EventsErrors.PARAMS.missing(path + "httpMethod");
                }
                if (!List.of("GET", "POST", "PUT").contains(method)) {
                    throw EventsErrors.PARAMS.invalid(path + "httpMethod", method,
                            "Member must satisfy enum value set: [GET, POST, PUT]");
                }
                checkHttp(parameters.get("OAuthHttpParameters"), path + "oAuthHttpParameters.");
            }
        }
        checkHttp(auth.get("InvocationHttpParameters"), "authParameters.invocationHttpParameters.");
    }

    private static void authHeader(JsonNode parent, String member, String path) {
        JsonNode value = parent.get(member);
        if (value == null || value.isNull()) {
            throw EventsErrors.PARAMS.missing(path + lowerFirst(member));
        }
        String text = value.asText();
        if (text.isEmpty()) {
            throw EventsErrors.PARAMS.invalid(path + lowerFirst(member), text,
                    "Member must have length greater than or equal to 1");
        }
        // AWS never echoes a secret, even in a validation error.
        check(path + lowerFirst(member), text, AUTH_HEADER, "***");
        EventsErrors.checkMaxLength(path + lowerFirst(member), text, 512);
    }

    /** ConnectionHttpParameters: at most 100 of each, keys and values as the model's patterns allow. */
    private static void checkHttp(JsonNode http, String path) {
        if (http == null || http.isNull()) {
            return;
        }
        list(http, "HeaderParameters", path, HEADER_KEY, HEADER_VALUE);
        list(http, "QueryStringParameters", path, QUERY_KEY, QUERY_VALUE);
        list(http, "BodyParameters", path, null, null);
    }

    private static void list(JsonNode http, String member, String path, Pattern key, Pattern value) {
        JsonNode items = http.get(member);
        if (items == null || items.isNull()) {
            return;
        }
        String at = path + lowerFirst(member);
        if (!items.isArray()) {
            throw EventsErrors.PARAMS.invalid(at, items.toString(), "Member must be a list");
        }
        if (items.size() > 100) {
            throw EventsErrors.PARAMS.invalid(at, "[…" + items.size() + " items]",
                    "Member must have length less than or equal to 100");
        }
        for (JsonNode item : items) {
            if (key != null) {
                check(at + ".member.key", item.path("Key").asText(), key, item.path("Key").asText());
                check(at + ".member.value", item.path("Value").asText(), value, "***");
            }
        }
    }

    private static void check(String path, String text, Pattern pattern, String shown) {
        if (!pattern.matcher(text).matches()) {
            throw EventsErrors.PARAMS.invalid(path, shown,
                    "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
    }

    static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
