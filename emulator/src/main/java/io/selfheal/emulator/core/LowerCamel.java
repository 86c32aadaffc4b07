package io.selfheal.emulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The request and response shapes CloudTrail shows for JSON and query services: the API's member names with a
 * lower-case first letter ({@code PutRule} → {@code {"name": …, "eventPattern": …}}), lists as JSON arrays. AWS
 * Config's configuration items use the same names for a service's Describe shape.
 */
public final class LowerCamel {
    private LowerCamel() {
    }

    public static String name(String member) {
        if (member.isEmpty() || Character.isLowerCase(member.charAt(0))) {
            return member;
        }
        // Leading acronyms go lower-case as a whole in the SDK's member names: "ARN" → "aRN" would be wrong.
        int upper = 0;
        while (upper < member.length() && Character.isUpperCase(member.charAt(upper))) {
            upper++;
        }
        int cut = upper == member.length() ? upper : Math.max(1, upper - 1);
        return member.substring(0, cut).toLowerCase() + member.substring(cut);
    }

    public static JsonNode tree(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            ObjectNode out = Json.object();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(name(e.getKey()), tree(e.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = Json.array();
            node.forEach(e -> out.add(tree(e)));
            return out;
        }
        return node;
    }
}
