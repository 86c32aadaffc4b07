package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.List;

/**
 * TestEventPattern: whether a pattern matches an event, by the same Event Ruler machine rules use. The event must be
 * a full envelope; the API reference lists {@code id}, {@code account}, {@code source}, {@code time},
 * {@code region}, {@code resources} and {@code detail-type} as mandatory, but AWS accepts an event without
 * {@code resources}, so it is not required here either. AWS answers a missing field with the bare
 * "Parameter Event is not valid.".
 */
final class PatternTestOperation {
    private static final List<String> REQUIRED = List.of("id", "account", "source", "time", "region", "detail-type");

    JsonNode testEventPattern(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        String pattern = EventsErrors.checkMaxLength("EventPattern", params.required("EventPattern"), 4096);
        String eventText = params.required("Event");
        PatternMatcher matcher = PatternMatcher.compiled(pattern);
        JsonNode event;
        try {
            event = Json.parse(eventText);
        } catch (JsonProcessingException e) {
            throw EventsErrors.validation("Parameter Event is not valid.");
        }
        if (!event.isObject() || !REQUIRED.stream().allMatch(event::has)) {
            throw EventsErrors.validation("Parameter Event is not valid.");
        }
        return Json.object().put("Result", matcher.matches(event));
    }
}
