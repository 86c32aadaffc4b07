package io.selfheal.emulator.services.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Log group tags: TagResource, UntagResource and ListTagsForResource (by ARN), and the older TagLogGroup,
 * UntagLogGroup and ListTagsLogGroup (by name), which AWS still answers.
 */
final class Tags {
    private static final int MAX_TAGS = 50;

    private final RegionalStore<LogsRegion> states;

    Tags(RegionalStore<LogsRegion> states) {
        this.states = states;
    }

    /** A tag map member (CreateLogGroup, TagResource): at most 50 tags, keys 1–128 and values 0–256 characters. */
    static Map<String, String> read(Params params, String member) {
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode node = params.node(member);
        if (node == null) {
            return tags;
        }
        if (!node.isObject()) {
            throw LogsErrors.PARAMS.invalid(member, node.toString(), "Member must be a map");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().isEmpty() || e.getKey().length() > 128) {
                throw LogsErrors.PARAMS.invalid(member, e.getKey(),
                        "Map keys must have length between 1 and 128");
            }
            if (e.getValue().asText().length() > 256) {
                throw LogsErrors.PARAMS.invalid(member, e.getValue().asText(),
                        "Map values must have length less than or equal to 256");
            }
            tags.put(e.getKey(), e.getValue().asText());
        }
        if (tags.size() > MAX_TAGS) {
            throw LogsErrors.PARAMS.invalid(member, "{…" + tags.size() + " tags}",
                    "Member must have length less than or equal to " + MAX_TAGS);
        }
        return tags;
    }

    JsonNode tagResource(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, LogsErrors.PARAMS);
        String name = groupOfArn(params.required("resourceArn"));
        params.requiredNode("tags");
        Map<String, String> tags = read(params, "tags");
        tag(ctx, name, tags);
        return null;
    }

    JsonNode untagResource(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, LogsErrors.PARAMS);
        String name = groupOfArn(params.required("resourceArn"));
        params.requiredNode("tagKeys");
        untag(ctx, name, params.strings("tagKeys"));
        return null;
    }

    JsonNode listTagsForResource(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, LogsErrors.PARAMS);
        return list(ctx, groupOfArn(params.required("resourceArn")));
    }

    JsonNode tagLogGroup(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, LogsErrors.PARAMS);
        String name = LogsNames.groupName(params, "logGroupName");
        params.requiredNode("tags");
        tag(ctx, name, read(params, "tags"));
        return null;
    }

    JsonNode untagLogGroup(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, LogsErrors.PARAMS);
        String name = LogsNames.groupName(params, "logGroupName");
        params.requiredNode("tags");
        untag(ctx, name, params.strings("tags"));
        return null;
    }

    JsonNode listTagsLogGroup(RequestContext ctx, ObjectNode input) {
        return list(ctx, LogsNames.groupName(new Params(input, LogsErrors.PARAMS), "logGroupName"));
    }

    private void tag(RequestContext ctx, String groupName, Map<String, String> tags) {
        LogsRegion region = states.get(ctx);
        synchronized (region) {
            LogGroup group = region.existingGroup(groupName);
            Map<String, String> merged = new LinkedHashMap<>(group.tags());
            merged.putAll(tags);
            if (merged.size() > MAX_TAGS) {
                throw LogsErrors.invalid("A log group can have at most " + MAX_TAGS + " tags.");
            }
            group.tags().putAll(tags);
        }
    }

    private void untag(RequestContext ctx, String groupName, List<String> keys) {
        LogsRegion region = states.get(ctx);
        synchronized (region) {
            keys.forEach(region.existingGroup(groupName).tags()::remove);
        }
    }

    private JsonNode list(RequestContext ctx, String groupName) {
        LogsRegion region = states.get(ctx);
        ObjectNode out = Json.object();
        ObjectNode tags = out.putObject("tags");
        synchronized (region) {
            region.existingGroup(groupName).tags().forEach(tags::put);
        }
        return out;
    }

    /** Tagging by ARN covers log groups here (destinations and delivery resources are not emulated). */
    private static String groupOfArn(String arn) {
        if (!arn.startsWith("arn:") || !arn.contains(":log-group:")) {
            throw LogsErrors.invalid("Invalid resource ARN: " + arn + " (selfheal tags log groups only).");
        }
        return LogsNames.nameFromIdentifier(arn);
    }
}
