package io.selfheal.emulator.services.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.LowerCamel;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * EC2's requestParameters and responseElements as CloudTrail records them: the names of EC2's XML API (lower-camel,
 * {@code instancesSet}, {@code tagSet}), every list wrapped as {@code {"items": […]}} and empty lists as {@code {}}
 * (e.g. RebootInstances: {@code {"instancesSet": {"items": [{"instanceId": "i-…"}]}}}), numbers and booleans typed,
 * {@code requestId} and {@code _return} in the response. See the reference AuthorizeSecurityGroupIngress event.
 */
final class Ec2Shapes {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> NUMBERS = Set.of("minCount", "maxCount", "fromPort", "toPort", "maxResults",
            "code", "amiLaunchIndex");

    /** Query list parameters whose XML API name and item member differ from the query name. */
    private record ListName(String set, String item) {
    }

    private static final Map<String, ListName> LISTS = Map.of(
            "InstanceId", new ListName("instancesSet", "instanceId"),
            "ResourceId", new ListName("resourcesSet", "resourceId"),
            "SecurityGroupId", new ListName("groupSet", "groupId"),
            "SecurityGroup", new ListName("groupSet", "groupName"),
            "Tag", new ListName("tagSet", null),
            "Filter", new ListName("filterSet", null),
            "TagSpecification", new ListName("tagSpecificationSet", null),
            "Value", new ListName("valueSet", "value"));

    private Ec2Shapes() {
    }

    static ObjectNode request(String operation, JsonNode input) {
        ObjectNode out = Json.object();
        if (input != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = input.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("DryRun")) {
                    put(out, e.getKey(), e.getValue());
                }
            }
        }
        if (operation.equals("RunInstances")) {
            // RunInstances carries image and counts inside instancesSet, as its XML request did.
            ObjectNode item = Json.object();
            moveTo(item, out, "imageId");
            moveTo(item, out, "minCount");
            moveTo(item, out, "maxCount");
            out.set("instancesSet", items(Json.array().add(item)));
        } else if (operation.equals("DescribeInstances")) {
            out.putIfAbsent("instancesSet", Json.object());
            out.putIfAbsent("filterSet", Json.object());
        }
        return out;
    }

    static ObjectNode response(String requestId, JsonNode result) {
        ObjectNode out = Json.object().put("requestId", requestId);
        if (result != null) {
            result.fields().forEachRemaining(e -> out.set(
                    e.getKey().equals("return") ? "_return" : e.getKey(), responseValue(e.getKey(), e.getValue())));
        }
        return out;
    }

    private static void put(ObjectNode out, String queryName, JsonNode value) {
        ListName list = LISTS.get(queryName);
        if (value.isArray() && list != null) {
            ArrayNode items = Json.array();
            for (JsonNode v : value) {
                items.add(v.isObject() || list.item() == null ? requestValue(v) : Json.object().set(list.item(), v));
            }
            out.set(list.set(), items(items));
        } else {
            out.set(LowerCamel.name(queryName), requestValue(LowerCamel.name(queryName), value));
        }
    }

    private static JsonNode requestValue(JsonNode value) {
        return requestValue("", value);
    }

    private static JsonNode requestValue(String name, JsonNode value) {
        if (value.isObject()) {
            ObjectNode out = Json.object();
            value.fields().forEachRemaining(e -> {
                // Inside TagSpecification, tags are a plain list of {key, value}, as CloudTrail shows them.
                if (e.getKey().equals("Tag") && e.getValue().isArray()) {
                    out.set("tags", plainList(e.getValue()));
                } else {
                    put(out, e.getKey(), e.getValue());
                }
            });
            if (name.isEmpty() && out.has("ipProtocol")) {
                for (String empty : new String[] {"groups", "ipRanges", "ipv6Ranges", "prefixListIds"}) {
                    out.putIfAbsent(empty, Json.object());
                }
            }
            return out;
        }
        if (value.isArray()) {
            ArrayNode out = Json.array();
            value.forEach(v -> out.add(requestValue(v)));
            return items(out);
        }
        return scalar(name, value);
    }

    private static ArrayNode plainList(JsonNode list) {
        ArrayNode out = Json.array();
        list.forEach(v -> out.add(requestValue(v)));
        return out;
    }

    private static JsonNode responseValue(String name, JsonNode value) {
        if (value.isObject()) {
            ObjectNode out = Json.object();
            value.fields().forEachRemaining(e -> out.set(e.getKey(), responseValue(e.getKey(), e.getValue())));
            return out;
        }
        if (value.isArray()) {
            ArrayNode out = Json.array();
            value.forEach(v -> out.add(responseValue("", v)));
            return items(out);
        }
        return scalar(name, value);
    }

    /** Lists are {@code {"items": […]}}; an empty list is {@code {}}. */
    private static ObjectNode items(ArrayNode list) {
        ObjectNode out = Json.object();
        if (!list.isEmpty()) {
            out.set("items", list);
        }
        return out;
    }

    /** The query protocol carries every scalar as a string; CloudTrail shows booleans and counts typed. */
    private static JsonNode scalar(String name, JsonNode value) {
        if (!value.isTextual()) {
            return value;
        }
        String s = value.asText();
        if (s.equals("true") || s.equals("false")) {
            return NODES.booleanNode(Boolean.parseBoolean(s));
        }
        if (NUMBERS.contains(name) && s.matches("-?\\d{1,9}")) {
            return NODES.numberNode(Integer.parseInt(s));
        }
        return value;
    }

    private static void moveTo(ObjectNode target, ObjectNode source, String name) {
        JsonNode v = source.remove(name);
        if (v != null) {
            target.set(name, v);
        }
    }
}
