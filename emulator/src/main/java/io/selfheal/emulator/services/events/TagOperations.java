package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TagResource, UntagResource and ListTagsForResource. "In EventBridge, rules and event buses can be tagged" (API
 * reference, TagResource), named by ARN; archives and replays take no tags.
 */
final class TagOperations {
    private final RegionalStore<EventsState> states;

    TagOperations(RegionalStore<EventsState> states) {
        this.states = states;
    }

    JsonNode tagResource(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        String arn = resourceArn(params);
        params.requiredNode("Tags");
        Map<String, String> tags = tags(params, "Tags");
        states.get(ctx).tags().tag(resolve(ctx, arn), tags);
        return null;
    }

    JsonNode untagResource(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        String arn = resourceArn(params);
        params.requiredNode("TagKeys");
        List<String> keys = params.strings("TagKeys");
        for (String key : keys) {
            checkKey("TagKeys.member", key);
        }
        states.get(ctx).tags().untag(resolve(ctx, arn), keys);
        return null;
    }

    JsonNode listTagsForResource(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        String arn = resolve(ctx, resourceArn(params));
        ObjectNode out = Json.object();
        out.set("Tags", states.get(ctx).tags().toJson(arn));
        return out;
    }

    private static String resourceArn(Params params) {
        return EventsErrors.checkMaxLength("ResourceARN", params.required("ResourceARN"), 1600);
    }

    /**
     * The ARN of an existing rule or bus, as stored.
     *
     * @throws io.selfheal.emulator.core.AwsException ResourceNotFoundException for a rule or bus that does not exist
     */
    private String resolve(RequestContext ctx, String arn) {
        EventsState state = states.get(ctx);
        String prefix = "arn:aws:events:" + ctx.region() + ":" + ctx.accountId() + ":";
        String resource = arn.startsWith(prefix) ? arn.substring(prefix.length()) : null;
        if (resource != null && resource.startsWith("event-bus/")) {
            return state.bus(ctx.accountId(), ctx.region(), resource.substring("event-bus/".length())).arn();
        }
        if (resource != null && resource.startsWith("rule/")) {
            String path = resource.substring("rule/".length());
            int slash = path.lastIndexOf('/');
            String busName = slash < 0 ? EventsState.DEFAULT_BUS : path.substring(0, slash);
            EventBus bus = state.bus(ctx.accountId(), ctx.region(), busName);
            return bus.existingRule(path.substring(slash + 1)).arn();
        }
        throw EventsErrors.validation("Parameter ResourceARN is not valid: " + arn + " names no rule or event bus"
                + " of this account and region (only rules and event buses take tags).");
    }

    /** The Tags member of TagResource, PutRule and CreateEventBus: each Key 1-128 characters, Value 0-256. */
    static Map<String, String> tags(Params params, String member) {
        Map<String, String> tags = new LinkedHashMap<>();
        List<ObjectNode> entries = params.objects(member);
        for (int i = 0; i < entries.size(); i++) {
            Params tag = new Params(entries.get(i), EventsErrors.PARAMS);
            String path = member + "." + (i + 1) + ".member.";
            String key = tag.string("Key");
            if (key == null) {
                throw EventsErrors.PARAMS.missing(path + "key");
            }
            checkKey(path + "key", key);
            String value = tag.string("Value");
            if (value == null) {
                throw EventsErrors.PARAMS.missing(path + "value");
            }
            EventsErrors.checkMaxLength(path + "value", value, 256);
            tags.put(key, value);
        }
        return tags;
    }

    private static void checkKey(String path, String key) {
        if (key.isEmpty()) {
            throw EventsErrors.PARAMS.invalid(path, key, "Member must have length greater than or equal to 1");
        }
        EventsErrors.checkMaxLength(path, key, 128);
    }
}
