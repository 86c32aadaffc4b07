package io.selfheal.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.RequestContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The condition keys a request brings to IAM beyond the global ones the front door adds (the "Condition keys" column
 * of the Service Authorization Reference), e.g. {@code aws:TagKeys} and {@code aws:RequestTag/…} of a tagging call.
 */
@FunctionalInterface
public interface ConditionKeys {
    Map<String, List<String>> keys(RequestContext ctx, ObjectNode input);

    /**
     * {@code aws:TagKeys} and {@code aws:RequestTag/<key>} from a list of {@code {Key, Value}} objects in
     * {@code member} (EC2's {@code Tag}), as https://docs.aws.amazon.com/IAM/latest/UserGuide/access_tags.html says.
     */
    static ConditionKeys requestTags(String member) {
        return (ctx, input) -> {
            Map<String, List<String>> keys = new LinkedHashMap<>();
            List<String> tagKeys = new ArrayList<>();
            JsonNode tags = input.get(member);
            for (JsonNode tag : tags == null ? List.<JsonNode>of() : tags.isArray() ? tags : List.of(tags)) {
                String key = tag.path("Key").asText();
                tagKeys.add(key);
                keys.put("aws:RequestTag/" + key, List.of(tag.path("Value").asText("")));
            }
            if (!tagKeys.isEmpty()) {
                keys.put("aws:TagKeys", tagKeys);
            }
            return keys;
        };
    }
}
