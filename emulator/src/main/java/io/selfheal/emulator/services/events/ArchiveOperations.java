package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** CreateArchive, DescribeArchive, ListArchives, UpdateArchive and DeleteArchive (EventBridge API reference). */
final class ArchiveOperations {
    static final Pattern NAME = Pattern.compile("[\\.\\-_A-Za-z0-9]+");
    static final String NAME_PATTERN = "[\\.\\-_A-Za-z0-9]+";
    private static final List<String> STATES = List.of("ENABLED", "DISABLED", "CREATING", "UPDATING",
            "CREATE_FAILED", "UPDATE_FAILED");

    private final RegionalStore<EventsState> states;
    private final EmulatorClock clock;

    ArchiveOperations(RegionalStore<EventsState> states, EmulatorClock clock) {
        this.states = states;
        this.clock = clock;
    }

    JsonNode createArchive(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        String name = name(params);
        String sourceArn = EventsErrors.checkMaxLength("EventSourceArn", params.required("EventSourceArn"), 1600);
        String description = EventsErrors.checkMaxLength("Description", params.string("Description"), 512);
        String pattern = pattern(params);
        int retention = retention(params);
        EventsState state = states.get(ctx);
        EventBus source = state.bus(ctx.accountId(), ctx.region(), sourceArn);
        Archive archive = new Archive(name, Archive.arn(ctx.region(), ctx.accountId(), name), source.arn(),
                description, pattern, retention, clock.now());
        state.addArchive(archive, source);
        return archive.toSummaryJson();
    }

    JsonNode describeArchive(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        return states.get(ctx).archive(name(params)).toDetailedJson(clock.now());
    }

    JsonNode listArchives(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        String prefix = params.string("NamePrefix");
        String sourceArn = params.string("EventSourceArn");
        String state = params.string("State");
        if (Stream.of(prefix, sourceArn, state).filter(s -> s != null).count() > 1) {
            throw EventsErrors.validation("At most one filter is allowed for ListArchives. "
                    + "Use either : State, EventSourceArn, or NamePrefix.");
        }
        if (state != null && !STATES.contains(state)) {
            throw EventsErrors.PARAMS.invalid("State", state, "Member must satisfy enum value set: " + STATES);
        }
        Instant now = clock.now();
        List<Archive> archives = states.get(ctx).archives(prefix).stream()
                .filter(a -> sourceArn == null || a.sourceArn().equals(sourceArn))
                .filter(a -> state == null || state.equals(Archive.STATE))
                .toList();
        return Page.of(archives, params, "Archives", a -> a.toJson(now));
    }

    JsonNode updateArchive(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        Archive archive = states.get(ctx).archive(name(params));
        String description = params.has("Description")
                ? EventsErrors.checkMaxLength("Description", params.string("Description"), 512)
                : archive.description();
        String pattern = params.has("EventPattern") ? pattern(params) : archive.eventPattern();
        int retention = params.has("RetentionDays") ? retention(params) : archive.retentionDays();
        archive.update(description, pattern, retention);
        return archive.toSummaryJson();
    }

    JsonNode deleteArchive(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        states.get(ctx).removeArchive(name(params));
        return null;
    }

    /** ArchiveName: {@code [\.\-_A-Za-z0-9]+}, at most 48 characters. */
    private static String name(Params params) {
        String name = params.required("ArchiveName");
        EventsErrors.checkPattern("ArchiveName", name, NAME, NAME_PATTERN);
        return EventsErrors.checkMaxLength("ArchiveName", name, 48);
    }

    /** Optional; an empty pattern is no pattern (every event is archived). */
    private static String pattern(Params params) {
        String pattern = params.string("EventPattern");
        if (pattern == null || pattern.isEmpty()) {
            return null;
        }
        EventsErrors.checkMaxLength("EventPattern", pattern, 4096);
        return PatternMatcher.validate(pattern);
    }

    /** RetentionDays: 0 (the default) keeps events indefinitely. */
    private static int retention(Params params) {
        Integer days = params.integer("RetentionDays");
        if (days != null && days < 0) {
            throw EventsErrors.PARAMS.invalid("RetentionDays", String.valueOf(days),
                    "Member must have value greater than or equal to 0");
        }
        return days == null ? 0 : days;
    }
}
