package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.time.Instant;

/**
 * A connection (API reference, CreateConnection): how EventBridge authorises with an API destination's endpoint.
 * Immutable; every change replaces it. The secrets (API key value, password, client secret, parameters marked
 * IsValueSecret) live here, where AWS keeps them in a Secrets Manager secret, and are never shown again.
 *
 * @param name           unique in its account and region
 * @param arn            {@code arn:aws:events:<region>:<account>:connection/<name>/<uuid>}
 * @param description    free text, or null
 * @param authorizationType API_KEY, BASIC or OAUTH_CLIENT_CREDENTIALS
 * @param authParameters the AuthParameters as given, secrets included
 * @param state          AUTHORIZED, AUTHORIZING, DEAUTHORIZED …
 * @param stateReason    why, when not AUTHORIZED; or null
 * @param secretArn      {@code arn:aws:secretsmanager:<region>:<account>:secret:events!connection/<name>/<uuid>}
 * @param created        CreationTime
 * @param modified       LastModifiedTime
 * @param lastAuthorized LastAuthorizedTime, or null
 */
record Connection(String name, String arn, String description, String authorizationType, ObjectNode authParameters,
                  String state, String stateReason, String secretArn, Instant created, Instant modified,
                  Instant lastAuthorized) {
    static final String API_KEY = "API_KEY";
    static final String BASIC = "BASIC";
    static final String OAUTH = "OAUTH_CLIENT_CREDENTIALS";

    Connection {
        authParameters = authParameters.deepCopy();
    }

    Connection withState(String newState, String reason, Instant authorizedAt) {
        return new Connection(name, arn, description, authorizationType, authParameters, newState, reason, secretArn,
                created, modified, authorizedAt == null ? lastAuthorized : authorizedAt);
    }

    /** A part of the AuthParameters, e.g. {@code ApiKeyAuthParameters}, as a missing node when absent. */
    JsonNode auth(String member) {
        return authParameters.path(member);
    }

    /** As ListConnections shows it. */
    ObjectNode toSummary() {
        ObjectNode node = Json.object().put("ConnectionArn", arn).put("Name", name).put("ConnectionState", state);
        if (stateReason != null) {
            node.put("StateReason", stateReason);
        }
        node.put("AuthorizationType", authorizationType);
        times(node);
        return node;
    }

    /** As Create, Update, Delete and DeauthorizeConnection answer. */
    ObjectNode toStateJson() {
        ObjectNode node = Json.object().put("ConnectionArn", arn).put("ConnectionState", state);
        times(node);
        return node;
    }

    /** As DescribeConnection shows it: the AuthParameters without their secrets. */
    ObjectNode describe() {
        ObjectNode node = Json.object().put("ConnectionArn", arn).put("Name", name);
        if (description != null) {
            node.put("Description", description);
        }
        node.put("ConnectionState", state);
        if (stateReason != null) {
            node.put("StateReason", stateReason);
        }
        node.put("AuthorizationType", authorizationType).put("SecretArn", secretArn);
        node.set("AuthParameters", withoutSecrets(authParameters));
        times(node);
        return node;
    }

    private void times(ObjectNode node) {
        node.put("CreationTime", epochSeconds(created)).put("LastModifiedTime", epochSeconds(modified));
        if (lastAuthorized != null) {
            node.put("LastAuthorizedTime", epochSeconds(lastAuthorized));
        }
    }

    /** AWS JSON timestamps are epoch seconds. */
    static double epochSeconds(Instant time) {
        return time.toEpochMilli() / 1000.0;
    }

    private static ObjectNode withoutSecrets(ObjectNode auth) {
        ObjectNode out = Json.object();
        JsonNode apiKey = auth.get("ApiKeyAuthParameters");
        if (apiKey != null) {
            out.putObject("ApiKeyAuthParameters").set("ApiKeyName", apiKey.get("ApiKeyName"));
        }
        JsonNode basic = auth.get("BasicAuthParameters");
        if (basic != null) {
            out.putObject("BasicAuthParameters").set("Username", basic.get("Username"));
        }
        JsonNode oauth = auth.get("OAuthParameters");
        if (oauth != null) {
            ObjectNode o = out.putObject("OAuthParameters");
            o.putObject("ClientParameters").set("ClientID", oauth.path("ClientParameters").get("ClientID"));
            o.set("AuthorizationEndpoint", oauth.get("AuthorizationEndpoint"));
            o.set("HttpMethod", oauth.get("HttpMethod"));
            if (oauth.has("OAuthHttpParameters")) {
                o.set("OAuthHttpParameters", httpWithoutSecrets(oauth.get("OAuthHttpParameters")));
            }
        }
        if (auth.has("InvocationHttpParameters")) {
            out.set("InvocationHttpParameters", httpWithoutSecrets(auth.get("InvocationHttpParameters")));
        }
        return out;
    }

    /** A parameter marked IsValueSecret keeps its key but not its value. */
    private static ObjectNode httpWithoutSecrets(JsonNode http) {
        ObjectNode out = Json.object();
        for (String list : new String[] {"HeaderParameters", "QueryStringParameters", "BodyParameters"}) {
            JsonNode items = http.get(list);
            if (items == null) {
                continue;
            }
            ArrayNode copy = out.putArray(list);
            for (JsonNode item : items) {
                ObjectNode p = item.deepCopy();
                if (p.path("IsValueSecret").asBoolean(false)) {
                    p.remove("Value");
                }
                copy.add(p);
            }
        }
        return out;
    }
}
