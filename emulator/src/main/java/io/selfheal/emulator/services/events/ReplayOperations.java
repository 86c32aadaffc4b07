package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * StartReplay, DescribeReplay, ListReplays and CancelReplay. A replay runs on a worker thread, counted as in-flight
 * work: it sends the archived events whose {@code time} falls in [EventStartTime, EventEndTime), ordered by that
 * time, each with a top-level {@code replay-name}, to the rules of the archive's bus (only those in FilterArns when
 * given). Unlike AWS, which works through the range a minute at a time, it goes as fast as delivery allows.
 */
final class ReplayOperations {
    private static final Logger LOG = Logger.getLogger(ReplayOperations.class.getName());
    /** "You can have a maximum of 10 active concurrent replays per account per AWS Region." */
    static final int MAX_ACTIVE = 10;

    private final RegionalStore<EventsState> states;
    private final EventDispatcher dispatcher;
    private final EmulatorContext context;

    ReplayOperations(RegionalStore<EventsState> states, EventDispatcher dispatcher, EmulatorContext context) {
        this.states = states;
        this.dispatcher = dispatcher;
        this.context = context;
    }

    JsonNode startReplay(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        String name = name(params);
        String description = EventsErrors.checkMaxLength("Description", params.string("Description"), 512);
        String archiveArn = EventsErrors.checkMaxLength("EventSourceArn", params.required("EventSourceArn"), 1600);
        Instant start = Timestamps.parse(params.requiredNode("EventStartTime"), "EventStartTime");
        Instant end = Timestamps.parse(params.requiredNode("EventEndTime"), "EventEndTime");
        Params destination = params.child("Destination");
        if (destination == null) {
            throw EventsErrors.PARAMS.missing("Destination");
        }
        String busArn = destination.string("Arn");
        if (busArn == null) {
            throw EventsErrors.PARAMS.missing("Destination.Arn");
        }
        List<String> filterArns = destination.strings("FilterArns");
        EventsState state = states.get(ctx);
        if (!busArn.contains(":event-bus/")) {
            throw EventsErrors.validation("Parameter Destination.Arn is not valid. Reason: Must contain an event bus "
                    + "ARN.");
        }
        EventBus bus = state.bus(ctx.accountId(), ctx.region(), busArn);
        Archive archive = archiveOf(state, archiveArn, ctx);
        if (!bus.arn().equals(archive.sourceArn())) {
            throw EventsErrors.validation("Parameter Destination.Arn is not valid. Reason: Cross event bus replay is "
                    + "not permitted.");
        }
        if (!start.isBefore(end)) {
            throw EventsErrors.validation("Parameter EventEndTime is not valid. Reason: EventStartTime must be before "
                    + "EventEndTime.");
        }
        if (state.replays(null).stream().filter(Replay::active).count() >= MAX_ACTIVE) {
            throw EventsErrors.limitExceeded();
        }
        Replay replay = new Replay(name, Replay.arn(ctx.region(), ctx.accountId(), name), description, archive.arn(),
                start, end, busArn, filterArns, context.clock().now());
        state.addReplay(replay);
        launch(replay, archive, bus);
        ObjectNode out = Json.object().put("ReplayArn", replay.arn()).put("State", Replay.State.STARTING.name());
        out.set("ReplayStartTime", replay.toJson().get("ReplayStartTime"));
        return out;
    }

    private static Archive archiveOf(EventsState state, String archiveArn, RequestContext ctx) {
        String prefix = "arn:aws:events:" + ctx.region() + ":" + ctx.accountId() + ":archive/";
        String archiveName = archiveArn.startsWith(prefix) ? archiveArn.substring(prefix.length())
                : archiveArn.substring(archiveArn.lastIndexOf('/') + 1);
        try {
            Archive archive = state.archive(archiveName);
            if (archive.arn().equals(archiveArn)) {
                return archive;
            }
        } catch (io.selfheal.emulator.core.AwsException notFound) {
            // answered below, in StartReplay's words
        }
        throw EventsErrors.validation("Parameter EventSourceArn is not valid. Reason: Archive " + archiveName
                + " does not exist.");
    }

    /** Runs the replay on a worker thread, counted as in-flight work until it has finished. */
    private void launch(Replay replay, Archive archive, EventBus bus) {
        Runnable run = context.activity().track(() -> run(replay, archive, bus));
        try {
            context.workers().execute(run);
        } catch (RejectedExecutionException shuttingDown) {
            replay.failed("The emulator is shutting down.", context.clock().now());
            context.activity().end();
        }
    }

    private void run(Replay replay, Archive archive, EventBus bus) {
        try {
            if (!replay.running()) {
                return;
            }
            Set<String> filter = Set.copyOf(replay.filterArns());
            for (Archive.Stored stored : archive.eventsBetween(replay.eventStartTime(), replay.eventEndTime(),
                    context.clock().now())) {
                if (!replay.proceeding()) {
                    break;
                }
                // The original event, id included, plus replay-name as the last member (user guide, "Replaying
                // archived events": rules can tell replayed events apart by it).
                ObjectNode event = stored.event().deepCopy().put("replay-name", replay.name());
                dispatcher.replayNow(bus, event, rule -> filter.isEmpty() || filter.contains(rule.arn()));
                replay.replayed(stored.eventTime());
            }
            replay.finished(context.clock().now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "replay " + replay.name() + " failed", e);
            replay.failed(String.valueOf(e.getMessage()), context.clock().now());
        }
    }

    JsonNode describeReplay(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        return states.get(ctx).replay(name(params)).toDetailedJson();
    }

    JsonNode listReplays(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        String prefix = params.string("NamePrefix");
        String sourceArn = params.string("EventSourceArn");
        String state = params.string("State");
        if (Stream.of(prefix, sourceArn, state).filter(s -> s != null).count() > 1) {
            throw EventsErrors.validation("At most one filter is allowed for ListReplays. "
                    + "Use either : State, EventSourceArn, or NamePrefix.");
        }
        if (state != null && Arrays.stream(Replay.State.values()).noneMatch(s -> s.name().equals(state))) {
            throw EventsErrors.PARAMS.invalid("State", state, "Member must satisfy enum value set: "
                    + Arrays.toString(Replay.State.values()));
        }
        List<Replay> replays = states.get(ctx).replays(prefix).stream()
                .filter(r -> sourceArn == null || r.archiveArn().equals(sourceArn))
                .filter(r -> state == null || r.state().name().equals(state))
                .toList();
        return Page.of(replays, params, "Replays", Replay::toJson);
    }

    JsonNode cancelReplay(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        String name = name(params);
        Replay replay = states.get(ctx).replay(name);
        if (!replay.cancel()) {
            throw EventsErrors.illegalStatus("Replay " + name + " is not in a valid state for this operation.");
        }
        return Json.object().put("ReplayArn", replay.arn()).put("State", Replay.State.CANCELLING.name());
    }

    /** ReplayName: {@code [\.\-_A-Za-z0-9]+}, at most 64 characters. */
    private static String name(Params params) {
        String name = params.required("ReplayName");
        EventsErrors.checkPattern("ReplayName", name, ArchiveOperations.NAME, ArchiveOperations.NAME_PATTERN);
        return EventsErrors.checkMaxLength("ReplayName", name, 64);
    }
}
