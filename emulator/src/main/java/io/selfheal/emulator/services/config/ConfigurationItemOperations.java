package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.protocol.TimestampNode;
import io.selfheal.emulator.service.PageToken;
import io.selfheal.emulator.service.Params;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * GetResourceConfigHistory, ListDiscoveredResources and BatchGetResourceConfig over the recorded items
 * (https://docs.aws.amazon.com/config/latest/APIReference/API_GetResourceConfigHistory.html,
 * https://docs.aws.amazon.com/config/latest/APIReference/API_ListDiscoveredResources.html,
 * https://docs.aws.amazon.com/config/latest/APIReference/API_BatchGetResourceConfig.html). Each needs a
 * configuration recorder, as on AWS.
 */
final class ConfigurationItemOperations {
    private static final Pattern TYPE = Pattern.compile("AWS::[A-Za-z0-9]+::[A-Za-z0-9]+");
    private static final PageToken HISTORY_TOKEN = new PageToken("selfheal-config-history:");
    private static final PageToken DISCOVERED_TOKEN = new PageToken("selfheal-config-discovered:");

    private final Setups setups;
    private final ItemStore items;

    ConfigurationItemOperations(Setups setups, ItemStore items) {
        this.setups = setups;
        this.items = items;
    }

    JsonNode history(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.VALIDATION_EXCEPTION);
        String type = type(p.required("resourceType"));
        String id = p.required("resourceId");
        needRecorder(ctx);
        Double later = p.number("laterTime");
        Double earlier = p.number("earlierTime");
        if (later != null && earlier != null && earlier > later) {
            throw AwsException.badRequest("InvalidTimeRangeException",
                    "The earlierTime must be earlier than the laterTime.");
        }
        int limit = limit(p, 10);
        List<ObjectNode> history = items.region(ctx.accountId(), ctx.region()).history(type, id);
        if (history.isEmpty()) {
            throw AwsException.badRequest("ResourceNotDiscoveredException",
                    "Resource " + id + " of resourceType:" + type + " is unknown or has not been discovered");
        }
        List<ObjectNode> chosen = new ArrayList<>();
        for (ObjectNode item : history) {
            double at = Instant.parse(item.path("configurationItemCaptureTime").asText()).toEpochMilli() / 1000.0;
            if ((later == null || at <= later) && (earlier == null || at >= earlier)) {
                chosen.add(item);
            }
        }
        if (!"Forward".equals(p.string("chronologicalOrder", "Reverse"))) {
            Collections.reverse(chosen);
        }
        return page(chosen, p, limit, HISTORY_TOKEN, "configurationItems", ApiItems::historyItem);
    }

    JsonNode listDiscovered(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.VALIDATION_EXCEPTION);
        String type = type(p.required("resourceType"));
        needRecorder(ctx);
        List<String> ids = p.strings("resourceIds");
        String name = p.string("resourceName");
        if (!ids.isEmpty() && name != null) {
            throw AwsException.badRequest("ValidationException",
                    "You cannot specify both resourceIds and resourceName in the same request.");
        }
        if (ids.size() > 20) {
            throw AwsException.badRequest("ValidationException", "1 validation error detected: Value at "
                    + "'resourceIds' failed to satisfy constraint: Member must have length less than or equal to 20");
        }
        boolean deleted = p.bool("includeDeletedResources", false);
        int limit = limit(p, 100);
        Set<String> wanted = Set.copyOf(ids);
        List<ObjectNode> found = new ArrayList<>();
        for (ObjectNode item : items.region(ctx.accountId(), ctx.region()).latestOfType(type)) {
            if ((deleted || !ConfigItems.deleted(item))
                    && (wanted.isEmpty() || wanted.contains(item.path("resourceId").asText()))
                    && (name == null || name.equals(item.path("resourceName").textValue()))) {
                found.add(item);
            }
        }
        return page(found, p, limit, DISCOVERED_TOKEN, "resourceIdentifiers", item -> {
            ObjectNode id = Json.object().put("resourceType", type)
                    .put("resourceId", item.path("resourceId").asText());
            if (item.path("resourceName").isTextual()) {
                id.put("resourceName", item.path("resourceName").asText());
            }
            if (ConfigItems.deleted(item)) {
                id.set("resourceDeletionTime",
                        TimestampNode.of(Instant.parse(item.path("configurationItemCaptureTime").asText())));
            }
            return id;
        });
    }

    JsonNode batchGet(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.VALIDATION_EXCEPTION);
        p.requiredNode("resourceKeys");
        List<ObjectNode> keys = p.objects("resourceKeys");
        if (keys.isEmpty() || keys.size() > 100) {
            throw AwsException.badRequest("ValidationException", "1 validation error detected: Value at "
                    + "'resourceKeys' failed to satisfy constraint: Member must have length between 1 and 100");
        }
        needRecorder(ctx);
        ArrayNode found = Json.array();
        ItemStore.RegionItems region = items.region(ctx.accountId(), ctx.region());
        for (ObjectNode key : keys) {
            Params k = new Params(key, Params.VALIDATION_EXCEPTION);
            ObjectNode latest = region.latest(type(k.required("resourceType")), k.required("resourceId"));
            if (latest != null && !ConfigItems.deleted(latest)) {
                found.add(ApiItems.baseItem(latest));
            }
        }
        ObjectNode out = Json.object().set("baseConfigurationItems", found);
        out.putArray("unprocessedResourceKeys");
        return out;
    }

    /** One page of {@code all} from the request's {@code nextToken}, with the next token when more remain. */
    private static ObjectNode page(List<ObjectNode> all, Params p, int limit, PageToken token, String member,
                                   java.util.function.Function<ObjectNode, ObjectNode> shape) {
        long from = token.decodeOffset(p.string("nextToken"), ConfigurationItemOperations::badToken);
        return ConfigPages.slice(all, from, limit, token, member, "nextToken", shape);
    }

    private void needRecorder(RequestContext ctx) {
        if (setups.get(ctx).recorder() == null) {
            throw AwsException.badRequest("NoAvailableConfigurationRecorderException",
                    "There are no configuration recorders available to provide the role needed to describe your "
                            + "resources. Create a configuration recorder.");
        }
    }

    private static String type(String type) {
        if (!TYPE.matcher(type).matches()) {
            throw AwsException.badRequest("ValidationException", "1 validation error detected: Value '" + type
                    + "' at 'resourceType' failed to satisfy constraint: Member must satisfy enum value set");
        }
        return type;
    }

    private static int limit(Params p, int fallback) {
        int limit = p.integer("limit", 0);
        if (limit < 0 || limit > 100) {
            throw AwsException.badRequest("InvalidLimitException", "Value '" + limit
                    + "' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100");
        }
        return limit == 0 ? fallback : limit;
    }

    private static AwsException badToken(String token) {
        return AwsException.badRequest("InvalidNextTokenException", "The nextToken provided is invalid");
    }
}
