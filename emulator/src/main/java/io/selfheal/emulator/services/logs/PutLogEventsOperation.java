package io.selfheal.emulator.services.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.ArrayList;
import java.util.List;

/**
 * PutLogEvents (API reference, PutLogEvents). The sequence token is ignored, as AWS now ignores it: parallel writers
 * to one stream are fine, and {@code InvalidSequenceTokenException} never happens. An unordered batch, one too
 * large or one whose accepted events span more than 24 hours fails whole; events too old, expired by retention or too
 * far in the future are left out and reported in {@code rejectedLogEventsInfo}.
 */
final class PutLogEventsOperation {
    private final RegionalStore<LogsRegion> states;

    PutLogEventsOperation(RegionalStore<LogsRegion> states) {
        this.states = states;
    }

    JsonNode putLogEvents(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, LogsErrors.PARAMS);
        String group = LogsNames.groupName(params, "logGroupName");
        String stream = LogsNames.streamName(params, "logStreamName");
        List<EventBatch.Input> events = events(params);
        EventBatch.requireSize(events);
        EventBatch.requireChronological(events);
        long now = ctx.receivedAt().toEpochMilli();
        LogsRegion region = states.get(ctx);
        synchronized (region) {
            LogGroup g = region.existingGroup(group);
            LogStream s = g.stream(stream);
            if (s == null) {
                throw LogsErrors.streamNotFound();
            }
            g.expire(now);
            EventBatch batch = EventBatch.partition(events, now, g.retentionCutoff(now));
            batch.requireSpan();
            g.append(s, batch.accepted(), now);
            ObjectNode out = Json.object().put("nextSequenceToken", s.uploadSequenceToken());
            ObjectNode rejected = batch.rejectedInfo();
            if (rejected != null) {
                out.set("rejectedLogEventsInfo", rejected);
            }
            return out;
        }
    }

    /** {@code logEvents}: 1 to 10,000 InputLogEvents, each a timestamp (≥ 0) and a non-empty message. */
    private static List<EventBatch.Input> events(Params params) {
        params.requiredNode("logEvents");
        List<ObjectNode> items = params.objects("logEvents");
        if (items.isEmpty()) {
            throw LogsErrors.PARAMS.invalid("logEvents", "[]", "Member must have length greater than or equal to 1");
        }
        if (items.size() > EventBatch.MAX_EVENTS) {
            throw LogsErrors.PARAMS.invalid("logEvents", "[…" + items.size() + " events]",
                    "Member must have length less than or equal to " + EventBatch.MAX_EVENTS);
        }
        List<EventBatch.Input> events = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            ObjectNode item = items.get(i);
            String at = "logEvents." + (i + 1);
            long timestamp = timestamp(item.get("timestamp"), at + ".member.timestamp");
            JsonNode message = item.get("message");
            if (message == null || message.isNull()) {
                throw LogsErrors.PARAMS.missing(at + ".member.message");
            }
            if (message.asText().isEmpty()) {
                throw LogsErrors.PARAMS.invalid(at + ".member.message", "",
                        "Member must have length greater than or equal to 1");
            }
            events.add(new EventBatch.Input(timestamp, message.asText()));
        }
        return events;
    }

    static long timestamp(JsonNode node, String member) {
        if (node == null || node.isNull()) {
            throw LogsErrors.PARAMS.missing(member);
        }
        long value;
        if (node.isIntegralNumber()) {
            value = node.longValue();
        } else {
            try {
                value = Long.parseLong(node.asText().trim());
            } catch (NumberFormatException e) {
                throw LogsErrors.PARAMS.invalid(member, node.asText(), "Member must be a long");
            }
        }
        if (value < 0) {
            throw LogsErrors.PARAMS.invalid(member, String.valueOf(value),
                    "Member must have value greater than or equal to 0");
        }
        return value;
    }
}
