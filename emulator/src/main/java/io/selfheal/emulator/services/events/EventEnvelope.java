package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Ids;
import io.selfheal.emulator.core.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The envelope every event on a bus wears, fields in AWS's order ("Amazon EventBridge events", event structure
 * reference): {@code version}, {@code id}, {@code detail-type}, {@code source}, {@code account}, {@code time},
 * {@code region}, {@code resources}, {@code detail}.
 */
final class EventEnvelope {
    /** Envelope {@code time}: whole seconds, {@code Z}. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    /** {@code aws.events.event.ingestion-time}: "an ISO 8601 timestamp", here with milliseconds. */
    private static final DateTimeFormatter INGESTION =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private EventEnvelope() {
    }

    static ObjectNode of(Ids ids, String source, String detailType, String account, Instant time, String region,
                         List<String> resources, ObjectNode detail) {
        return of(ids.uuid("event"), source, detailType, account, time, region, resources, detail);
    }

    static ObjectNode of(String id, String source, String detailType, String account, Instant time, String region,
                         List<String> resources, ObjectNode detail) {
        ObjectNode event = Json.object();
        event.put("version", "0");
        event.put("id", id);
        event.put("detail-type", detailType);
        event.put("source", source);
        event.put("account", account);
        event.put("time", formatTime(time));
        event.put("region", region);
        ArrayNode res = event.putArray("resources");
        resources.forEach(res::add);
        event.set("detail", detail == null ? Json.object() : detail);
        return event;
    }

    static String formatTime(Instant time) {
        return TIME.format(time.truncatedTo(ChronoUnit.SECONDS));
    }

    static String formatIngestionTime(Instant time) {
        return INGESTION.format(time);
    }

    static String id(JsonNode event) {
        return event.path("id").asText();
    }

    /**
     * {@code <aws.events.event>}: the envelope without {@code detail}, {@code detail-type} spelled {@code detailType}
     * and {@code time} the ingestion time, in the order AWS delivers it (observed AWS behaviour; the user guide only
     * says "a copy of the original event").
     */
    static ObjectNode withoutDetail(ObjectNode event, String ingestionTime) {
        ObjectNode copy = Json.object();
        copy.set("id", event.get("id"));
        copy.set("account", event.get("account"));
        copy.set("detailType", event.get("detail-type"));
        copy.put("time", ingestionTime);
        copy.set("source", event.get("source"));
        copy.set("region", event.get("region"));
        copy.set("resources", event.get("resources"));
        copy.set("version", event.get("version"));
        return copy;
    }
}
