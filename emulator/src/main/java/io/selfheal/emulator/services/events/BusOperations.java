package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CreateEventBus, DescribeEventBus, ListEventBuses, UpdateEventBus and DeleteEventBus. Custom buses only: partner
 * event buses need a SaaS partner event source, which selfheal does not emulate.
 */
final class BusOperations {
    private static final Pattern NAME = Pattern.compile("[/\\.\\-_A-Za-z0-9]+");
    private static final String NAME_PATTERN = "[/\\.\\-_A-Za-z0-9]+";

    private final RegionalStore<EventsState> states;
    private final EmulatorClock clock;

    BusOperations(RegionalStore<EventsState> states, EmulatorClock clock) {
        this.states = states;
        this.clock = clock;
    }

    JsonNode createEventBus(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        String name = name(params);
        String eventSource = params.string("EventSourceName");
        if (eventSource != null || name.startsWith("aws.partner/")) {
            String source = eventSource != null ? eventSource : name;
            throw EventsErrors.notFound("Event source " + source + " does not exist. selfheal emulates no SaaS "
                    + "partner event sources, so it cannot create partner event buses; create a custom bus (a name "
                    + "without '/') instead.");
        }
        if (name.contains("/")) {
            // "Custom event bus names can't contain the / character" (API reference, CreateEventBus).
            throw EventsErrors.validation("Event bus name must not contain '/'.");
        }
        String description = description(params);
        Map<String, String> tags = TagOperations.tags(params, "Tags");
        EventsState state = states.get(ctx);
        // "default" already exists, so AWS answers it as any other existing name.
        EventBus bus = state.createBus(ctx.accountId(), ctx.region(), name, description);
        state.tags().tag(bus.arn(), tags);
        ObjectNode out = Json.object().put("EventBusArn", bus.arn());
        if (description != null) {
            out.put("Description", description);
        }
        return out;
    }

    JsonNode describeEventBus(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        String name = params.string("Name");
        EventsErrors.checkMaxLength("Name", name, 1600);
        return bus(ctx, name).toJson();
    }

    JsonNode updateEventBus(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        EventBus bus = bus(ctx, params.string("Name"));
        String description = params.has("Description") ? description(params) : bus.description();
        bus.describe(description, clock.now());
        ObjectNode out = Json.object().put("Arn", bus.arn()).put("Name", bus.name());
        if (description != null) {
            out.put("Description", description);
        }
        return out;
    }

    JsonNode listEventBuses(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        String prefix = params.string("NamePrefix");
        return Page.of(states.get(ctx).buses(ctx.accountId(), ctx.region(), prefix), params, "EventBuses",
                EventBus::toJson);
    }

    JsonNode deleteEventBus(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        String name = name(params);
        if (name.equals(EventsState.DEFAULT_BUS)) {
            throw EventsErrors.validation("Cannot delete event bus default.");
        }
        states.get(ctx).deleteBus(name);
        return null;
    }

    /** The bus by name or ARN, the default bus when omitted. */
    private EventBus bus(RequestContext ctx, String nameOrArn) throws AwsException {
        return states.get(ctx).bus(ctx.accountId(), ctx.region(), nameOrArn);
    }

    private static String name(Params params) {
        String name = params.required("Name");
        EventsErrors.checkPattern("Name", name, NAME, NAME_PATTERN);
        return EventsErrors.checkMaxLength("Name", name, 256);
    }

    private static String description(Params params) {
        return EventsErrors.checkMaxLength("Description", params.string("Description"), 512);
    }
}
