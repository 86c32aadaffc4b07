package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.ResourceArns;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The ARNs IAM matches EventBridge requests against: {@code rule/[<bus>/]<name>} and {@code event-bus/<name>}
 * ("Resource types defined by Amazon EventBridge",
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoneventbridge.html).
 */
final class EventsArns {
    /** PutRule and DeleteRule name the rule {@code Name}; PutTargets and RemoveTargets {@code Rule}. */
    static final ResourceArns RULE = (ctx, input) -> {
        JsonNode name = input.hasNonNull("Name") ? input.get("Name") : input.get("Rule");
        if (name == null || name.isNull()) {
            return List.of();
        }
        String bus = busName(input.get("EventBusName"));
        return List.of(ctx.arn("events", "rule/" + (bus.equals("default") ? "" : bus + "/") + name.asText()));
    };

    /** Each entry's bus, the default bus when it names none. */
    static final ResourceArns PUT_EVENTS = (ctx, input) -> {
        Set<String> buses = new LinkedHashSet<>();
        for (JsonNode entry : input.path("Entries")) {
            JsonNode bus = entry.get("EventBusName");
            buses.add(bus != null && bus.asText().startsWith("arn:") ? bus.asText()
                    : ctx.arn("events", "event-bus/" + busName(bus)));
        }
        return new ArrayList<>(buses);
    };

    static final ResourceArns BUS = named("Name", "event-bus/");
    /** PutPermission and RemovePermission: {@code EventBusName}, the default bus when omitted. */
    static final ResourceArns BUS_NAMED = (ctx, input) -> {
        JsonNode bus = input.get("EventBusName");
        return List.of(bus != null && bus.asText().startsWith("arn:") ? bus.asText()
                : ctx.arn("events", "event-bus/" + busName(bus)));
    };
    static final ResourceArns ARCHIVE = named("ArchiveName", "archive/");
    static final ResourceArns REPLAY = named("ReplayName", "replay/");
    static final ResourceArns CONNECTION = named("Name", "connection/");
    static final ResourceArns API_DESTINATION = named("Name", "api-destination/");
    static final ResourceArns TAGGED = ResourceArns.arnIn("ResourceARN");

    private EventsArns() {
    }

    /** The ARN of the resource {@code member} names, {@code <type>/<name>}. */
    private static ResourceArns named(String member, String type) {
        return ResourceArns.each(member, (ctx, name) -> ctx.arn("events", type + name));
    }

    /** A bus given by name or ARN; "default" when not given. */
    private static String busName(JsonNode bus) {
        if (bus == null || bus.isNull() || bus.asText().isEmpty()) {
            return "default";
        }
        String text = bus.asText();
        int slash = text.startsWith("arn:") ? text.indexOf("event-bus/") : -1;
        return slash < 0 ? text : text.substring(slash + "event-bus/".length());
    }
}
