package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.time.Instant;

/**
 * An API destination (API reference, CreateApiDestination): an HTTP endpoint EventBridge invokes with a connection's
 * authorization. Immutable; every change replaces it.
 *
 * @param name          unique in its account and region
 * @param arn           {@code arn:aws:events:<region>:<account>:api-destination/<name>/<uuid>}
 * @param description   free text, or null
 * @param connectionArn the connection whose authorization every request carries
 * @param endpoint      InvocationEndpoint; each {@code *} is filled from the target's PathParameterValues
 * @param httpMethod    POST, GET, HEAD, OPTIONS, PUT, PATCH or DELETE
 * @param rateLimit     InvocationRateLimitPerSecond (kept, not enforced)
 * @param created       CreationTime
 * @param modified      LastModifiedTime
 */
record ApiDestination(String name, String arn, String description, String connectionArn, String endpoint,
                      String httpMethod, int rateLimit, Instant created, Instant modified) {
    /** "Default: 300" (CreateApiDestination). */
    static final int DEFAULT_RATE_LIMIT = 300;

    /** As ListApiDestinations shows it; DescribeApiDestination adds the description. */
    ObjectNode toJson() {
        ObjectNode node = Json.object().put("ApiDestinationArn", arn).put("Name", name);
        node.put("ApiDestinationState", "ACTIVE").put("ConnectionArn", connectionArn)
                .put("InvocationEndpoint", endpoint).put("HttpMethod", httpMethod)
                .put("InvocationRateLimitPerSecond", rateLimit)
                .put("CreationTime", Connection.epochSeconds(created))
                .put("LastModifiedTime", Connection.epochSeconds(modified));
        return node;
    }

    ObjectNode describe() {
        ObjectNode node = toJson();
        if (description != null) {
            node.put("Description", description);
        }
        return node;
    }

    /** As Create and UpdateApiDestination answer. */
    ObjectNode toStateJson() {
        return Json.object().put("ApiDestinationArn", arn).put("ApiDestinationState", "ACTIVE")
                .put("CreationTime", Connection.epochSeconds(created))
                .put("LastModifiedTime", Connection.epochSeconds(modified));
    }
}
