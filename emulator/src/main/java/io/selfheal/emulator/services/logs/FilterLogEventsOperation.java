package io.selfheal.emulator.services.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * FilterLogEvents (API reference, FilterLogEvents): the events of a group, or of some of its streams, in time order
 * across streams, that fall in [startTime, endTime] (both inclusive here, unlike GetLogEvents' exclusive endTime)
 * and match the filter pattern. The nextToken names the last event returned, so a reader can page through while
 * events keep arriving.
 */
final class FilterLogEventsOperation {
    private static final int MAX_LIMIT = 10_000;
    private static final int MAX_STREAM_NAMES = 100;

    private final RegionalStore<LogsRegion> states;

    FilterLogEventsOperation(RegionalStore<LogsRegion> states) {
        this.states = states;
    }

    JsonNode filterLogEvents(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, LogsErrors.PARAMS);
        String group = LogsNames.groupOf(params);
        List<String> names = params.strings("logStreamNames");
        String prefix = params.string("logStreamNamePrefix");
        if (!names.isEmpty() && prefix != null) {
            throw LogsErrors.invalid("logStreamNames and logStreamNamePrefix are mutually exclusive parameters.");
        }
        if (names.size() > MAX_STREAM_NAMES) {
            throw LogsErrors.PARAMS.invalid("logStreamNames", "[…" + names.size() + " names]",
                    "Member must have length less than or equal to " + MAX_STREAM_NAMES);
        }
        Long startTime = GetLogEventsOperation.optionalTime(params, "startTime");
        Long endTime = GetLogEventsOperation.optionalTime(params, "endTime");
        int limit = Pages.limit(params, MAX_LIMIT, MAX_LIMIT);
        String patternText = params.string("filterPattern");
        LogsNames.checkLength("filterPattern", patternText, 1024);
        FilterPattern pattern = FilterPattern.parse(patternText);
        EventKey after = after(params.string("nextToken"));
        Set<String> wanted = Set.copyOf(names);
        long now = ctx.receivedAt().toEpochMilli();
        List<StoredEvent> candidates = new ArrayList<>();
        LogsRegion region = states.get(ctx);
        synchronized (region) {
            LogGroup g = region.existingGroup(group);
            g.expire(now);
            for (LogStream s : g.streams()) {
                if ((wanted.isEmpty() || wanted.contains(s.name())) && (prefix == null || s.name().startsWith(prefix))) {
                    for (StoredEvent e : s.events()) {
                        if ((startTime == null || e.timestamp() >= startTime)
                                && (endTime == null || e.timestamp() <= endTime)
                                && (after == null || e.key().compareTo(after) > 0)) {
                            candidates.add(e);
                        }
                    }
                }
            }
        }
        // Matching runs outside the lock: JSON patterns parse every event.
        candidates.sort(Comparator.comparing(StoredEvent::key));
        ObjectNode out = Json.object();
        ArrayNode events = out.putArray("events");
        StoredEvent last = null;
        boolean more = false;
        for (StoredEvent e : candidates) {
            if (!pattern.matches(e.message())) {
                continue;
            }
            if (events.size() == limit) {
                more = true;
                break;
            }
            events.addObject().put("logStreamName", e.stream()).put("timestamp", e.timestamp())
                    .put("message", e.message()).put("ingestionTime", e.ingestionTime())
                    .put("eventId", e.eventId());
            last = e;
        }
        // Deprecated by AWS, which now leaves it empty.
        out.putArray("searchedLogStreams");
        if (more) {
            out.put("nextToken", token(last.key()));
        }
        return out;
    }

    private static String token(EventKey key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("e/" + key.timestamp() + "/" + key.seq()).getBytes(StandardCharsets.UTF_8));
    }

    private static EventKey after(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("/");
            if (parts.length != 3 || !parts[0].equals("e")) {
                throw LogsErrors.invalidToken();
            }
            return new EventKey(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        } catch (IllegalArgumentException e) {
            throw LogsErrors.invalidToken();
        }
    }
}
