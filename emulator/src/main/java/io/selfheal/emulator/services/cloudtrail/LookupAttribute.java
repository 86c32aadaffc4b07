package io.selfheal.emulator.services.cloudtrail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import java.util.List;
import java.util.function.Predicate;

/** LookupEvents' LookupAttributes: at most one key/value pair, matched exactly (AWS: "can contain only one item"). */
final class LookupAttribute {
    private LookupAttribute() {
    }

    static Predicate<TrailEvent> parse(List<ObjectNode> attributes) {
        if (attributes.isEmpty()) {
            return e -> true;
        }
        if (attributes.size() > 1) {
            throw AwsException.badRequest("InvalidLookupAttributesException",
                    "You cannot specify more than one lookup attribute.");
        }
        String key = attributes.get(0).path("AttributeKey").asText("");
        String value = attributes.get(0).path("AttributeValue").asText("");
        return switch (key) {
            case "EventId" -> e -> e.eventId().equals(value);
            case "EventName" -> e -> e.eventName().equals(value);
            case "ReadOnly" -> e -> Boolean.toString(e.readOnly()).equals(value);
            case "Username" -> e -> e.username().equals(value);
            case "EventSource" -> e -> e.eventSource().equals(value);
            case "AccessKeyId" -> e -> e.accessKeyId().equals(value);
            case "ResourceType" -> e -> e.resources().stream().anyMatch(r -> r.type().equals(value));
            case "ResourceName" -> e -> e.resources().stream().anyMatch(r -> r.name().equals(value));
            default -> throw AwsException.badRequest("InvalidLookupAttributesException",
                    "Invalid attribute key: " + key);
        };
    }
}
