package io.selfheal.emulator.services.events;

import java.time.DateTimeException;
import io.selfheal.emulator.service.EpochSeconds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.core.Ids;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.core.policy.ResourcePolicies;
import io.selfheal.emulator.service.Params;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PutEvents: validates each entry as AWS does (API reference PutEvents, PutEventsResultEntry), answers with an
 * EventId or an ErrorCode per entry in request order, and hands the accepted events to the dispatcher, which
 * delivers them asynchronously. An entry for a bus that does not exist (a name, or an ARN of this or another account
 * or region) is answered with an EventId and goes nowhere, as on AWS (aws/aws-cli#9186, aws/aws-sdk#186: "Putting an
 * event on an nonexistent EventBridge event bus returns a success").
 */
final class PutEventsOperation {
    /** "Calculating PutEvents event entry size": the request's entries together may not exceed 256 KB. */
    static final int MAX_TOTAL_ENTRY_BYTES = 256 * 1024;
    /** A Time member counts as 14 bytes in the entry size. */
    private static final int TIME_BYTES = 14;

    private final RegionalStore<EventsState> states;
    private final EventDispatcher dispatcher;
    private final EmulatorClock clock;

    private final Ids ids;

    PutEventsOperation(RegionalStore<EventsState> states, EventDispatcher dispatcher, EmulatorClock clock, Ids ids) {
        this.ids = ids;
        this.states = states;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    JsonNode putEvents(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        List<ObjectNode> entries = EventsErrors.requiredList(params, "Entries", 10);
        long size = 0;
        for (ObjectNode entry : entries) {
            size += entrySize(entry);
        }
        if (size > MAX_TOTAL_ENTRY_BYTES) {
            throw EventsErrors.validation("Total size of the entries in the request is over the limit.");
        }
        if (!dispatcher.admits(entries.size())) {
            throw EventsErrors.throttled();
        }
        EventsState state = states.get(ctx);
        ArrayNode results = Json.array();
        Map<EventBus, List<ObjectNode>> accepted = new LinkedHashMap<>();
        int failed = 0;
        for (ObjectNode entry : entries) {
            try {
                ObjectNode event = envelope(entry, ctx);
                EventBus bus = busFor(ctx, state, text(entry, "EventBusName"));
                if (bus != null) {
                    accepted.computeIfAbsent(bus, b -> new ArrayList<>()).add(event);
                }
                results.addObject().put("EventId", EventEnvelope.id(event));
            } catch (AwsException refused) {
                failed++;
                results.addObject().put("ErrorCode", refused.code()).put("ErrorMessage", refused.getMessage());
            }
        }
        accepted.forEach(dispatcher::dispatchAsync);
        ObjectNode out = Json.object().put("FailedEntryCount", failed);
        out.set("Entries", results);
        return out;
    }

    /**
     * The bus an entry names: the caller's, or one of another account in this region named by ARN. The front door
     * has already asked that bus's policy (EventsArns.PUT_EVENTS names it), so an entry only gets here when the
     * policy allows the caller's {@code events:PutEvents}
     * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-cross-account.html).
     */
    private EventBus busFor(RequestContext ctx, EventsState own, String nameOrArn) {
        String account = nameOrArn != null && nameOrArn.startsWith("arn:") ? ResourcePolicies.accountOf(nameOrArn)
                : null;
        if (account == null || account.equals(ctx.accountId())) {
            return own.findBus(ctx.accountId(), ctx.region(), nameOrArn);
        }
        return states.get(account, ctx.region()).findBus(account, ctx.region(), nameOrArn);
    }

    /** @throws AwsException carrying the per-entry ErrorCode and ErrorMessage */
    private ObjectNode envelope(ObjectNode entry, RequestContext ctx) {
        String source = required(entry, "Source");
        String detailType = required(entry, "DetailType");
        String detailText = required(entry, "Detail");
        if (source.startsWith("aws.")) {
            // Only AWS services may publish aws.* sources; they reach the bus over the internal bus instead.
            throw new AwsException("NotAuthorizedForSourceException", "Not authorized for the source.", 400);
        }
        JsonNode detail;
        try {
            detail = Json.parse(detailText);
        } catch (JsonProcessingException e) {
            detail = null;
        }
        if (detail == null || !detail.isObject()) {
            throw new AwsException("MalformedDetail", "Detail is malformed.", 400);
        }
        List<String> resources = new ArrayList<>();
        JsonNode res = entry.get("Resources");
        if (res != null && res.isArray()) {
            res.forEach(r -> resources.add(r.asText()));
        }
        return EventEnvelope.of(ids, source, detailType, ctx.accountId(), time(entry), ctx.region(), resources,
                (ObjectNode) detail);
    }

    /** Time as the SDKs send it (epoch seconds, possibly fractional) or an RFC 3339 string; else now. */
    private Instant time(ObjectNode entry) {
        JsonNode time = entry.get("Time");
        if (time == null || time.isNull()) {
            return clock.now();
        }
        try {
            if (EpochSeconds.looksNumeric(time)) {
                return EpochSeconds.toInstant(time);
            }
            return OffsetDateTime.parse(time.asText()).toInstant();
        } catch (DateTimeException e) {
            throw new AwsException("InvalidArgument", "Parameter Time is not valid.", 400);
        }
    }

    private static String required(ObjectNode entry, String member) {
        String value = text(entry, member);
        if (value == null || value.isEmpty()) {
            throw new AwsException("InvalidArgument",
                    "Parameter " + member + " is not valid. Reason: " + member + " is a required argument.", 400);
        }
        return value;
    }

    private static String text(ObjectNode entry, String member) {
        JsonNode node = entry.get(member);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static long entrySize(ObjectNode entry) {
        long size = entry.hasNonNull("Time") ? TIME_BYTES : 0;
        size += utf8(text(entry, "Source")) + utf8(text(entry, "DetailType")) + utf8(text(entry, "Detail"));
        JsonNode resources = entry.get("Resources");
        if (resources != null && resources.isArray()) {
            for (JsonNode r : resources) {
                size += utf8(r.asText());
            }
        }
        return size;
    }

    private static int utf8(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
