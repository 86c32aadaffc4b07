package io.selfheal.emulator.services.cloudtrail;

import io.selfheal.emulator.service.EpochSeconds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

/**
 * LookupEvents (CloudTrail API Reference): the management events of the caller's account and region, newest first,
 * filtered by at most one lookup attribute and a time range, up to 50 a page.
 */
final class LookupEventsOperation {
    private static final int MAX_RESULTS = 50;

    private final RegionalStore<EventHistory> histories;

    LookupEventsOperation(RegionalStore<EventHistory> histories) {
        this.histories = histories;
    }

    JsonNode lookupEvents(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.VALIDATION_EXCEPTION);
        int max = p.integer("MaxResults", MAX_RESULTS);
        if (max < 1 || max > MAX_RESULTS) {
            throw AwsException.badRequest("InvalidMaxResultsException", "MaxResults must be between 1 and 50.");
        }
        Instant start = instant(p, "StartTime");
        Instant end = instant(p, "EndTime");
        if (start != null && end != null && start.isAfter(end)) {
            throw AwsException.badRequest("InvalidTimeRangeException",
                    "Start time must be less than or equal to end time.");
        }
        Predicate<TrailEvent> filter = LookupAttribute.parse(p.objects("LookupAttributes"))
                .and(e -> start == null || !e.eventTime().isBefore(start))
                .and(e -> end == null || !e.eventTime().isAfter(end));
        if ("insight".equals(p.string("EventCategory"))) {
            filter = e -> false;
        }
        List<TrailEvent> all = histories.get(ctx).matching(filter);
        int from = p.has("NextToken") ? resume(all, p.string("NextToken")) : 0;
        int to = Math.min(all.size(), from + max);
        ObjectNode out = Json.object();
        ArrayNode events = out.putArray("Events");
        all.subList(from, to).forEach(e -> events.add(json(e)));
        if (to < all.size()) {
            out.put("NextToken", token(all.get(to - 1)));
        }
        return out;
    }

    private static ObjectNode json(TrailEvent e) {
        ObjectNode o = Json.object().put("EventId", e.eventId()).put("EventName", e.eventName())
                .put("ReadOnly", Boolean.toString(e.readOnly())).put("AccessKeyId", e.accessKeyId())
                .put("EventTime", seconds(e.eventTime())).put("EventSource", e.eventSource())
                .put("Username", e.username());
        ArrayNode resources = o.putArray("Resources");
        e.resources().forEach(r -> resources.addObject().put("ResourceType", r.type()).put("ResourceName", r.name()));
        return o.put("CloudTrailEvent", e.record());
    }

    /** AWS JSON timestamps are epoch seconds. */
    private static BigDecimal seconds(Instant t) {
        return BigDecimal.valueOf(t.getEpochSecond()).add(BigDecimal.valueOf(t.getNano(), 9)).stripTrailingZeros();
    }

    private static Instant instant(Params p, String member) {
        JsonNode n = p.node(member);
        if (n == null) {
            return null;
        }
        try {
            return EpochSeconds.looksNumeric(n) ? EpochSeconds.toInstant(n) : Instant.parse(n.asText());
        } catch (DateTimeException e) {
            throw p.errors().invalid(member, n.asText(), "Member must be a timestamp");
        }
    }

    /** The token names the last event returned; the next page starts after it in newest-first order. */
    private static String token(TrailEvent last) {
        String raw = last.eventTime().getEpochSecond() + ":" + last.eventTime().getNano() + ":" + last.sequence();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static int resume(List<TrailEvent> all, String token) {
        TrailEvent marker;
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
            marker = new TrailEvent(Long.parseLong(parts[2]), "", "", false, "",
                    Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])), "", "", List.of(), "");
        } catch (RuntimeException e) {
            throw AwsException.badRequest("InvalidNextTokenException", "Invalid NextToken.");
        }
        int i = 0;
        while (i < all.size() && EventHistory.NEWEST_FIRST.compare(all.get(i), marker) <= 0) {
            i++;
        }
        return i;
    }
}
