package io.selfheal.emulator.services.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.LinkedHashMap;
import java.util.Map;

/** TagResource, UntagResource, ListTagsForResource on topics (at most 50 tags, as SNS allows). */
final class Tags {
    private static final int MAX = 50;

    private final Topics topics;

    Tags(Topics topics) {
        this.topics = topics;
    }

    /** The {@code Tags} list of {Key, Value}; missing means none. */
    static Map<String, String> read(Params p) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (ObjectNode tag : p.objects("Tags")) {
            String key = tag.path("Key").asText("");
            if (key.isEmpty() || key.length() > 128 || key.startsWith("aws:")) {
                throw SnsErrors.invalidParameter("Tags", "Invalid tag key: " + key);
            }
            tags.put(key, tag.path("Value").asText(""));
        }
        if (tags.size() > MAX) {
            throw tagLimit();
        }
        return tags;
    }

    JsonNode tagResource(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, SnsErrors.PARAMS);
        Topic topic = resource(p);
        Map<String, String> added = read(p);
        Map<String, String> all = topic.tags();
        all.putAll(added);
        if (all.size() > MAX) {
            throw tagLimit();
        }
        topic.tag(added);
        return Json.object(); // an empty result (<TagResourceResult/>), not none: the API has an output
    }

    JsonNode untagResource(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, SnsErrors.PARAMS);
        Topic topic = resource(p);
        topic.untag(p.strings("TagKeys"));
        return Json.object();
    }

    JsonNode listTagsForResource(RequestContext ctx, ObjectNode input) {
        Topic topic = resource(new Params(input, SnsErrors.PARAMS));
        ObjectNode result = Json.object();
        ArrayNode list = result.putArray("Tags");
        topic.tags().forEach((k, v) -> list.addObject().put("Key", k).put("Value", v));
        return result;
    }

    private Topic resource(Params p) {
        String arn = p.required("ResourceArn");
        TopicArn parsed = TopicArn.tryParse(arn);
        Topic topic = parsed == null ? null : topics.find(parsed);
        if (topic == null) {
            throw SnsErrors.resourceNotFound();
        }
        return topic;
    }

    private static AwsException tagLimit() {
        return AwsException.badRequest("TagLimitExceeded",
                "Could not complete request: tag quota of per resource exceeded");
    }
}
