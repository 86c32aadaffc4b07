package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.time.Instant;
import java.util.List;

/**
 * One replay of archived events (StartReplay). Its state moves STARTING → RUNNING → COMPLETED, or → CANCELLING →
 * CANCELLED when CancelReplay asks while it runs, or → FAILED. The replaying thread and the API read and change it
 * concurrently, so every access is synchronised.
 */
final class Replay {
    enum State { STARTING, RUNNING, CANCELLING, COMPLETED, CANCELLED, FAILED }

    private final String name;
    private final String arn;
    private final String description;
    private final String archiveArn;
    private final Instant eventStartTime;
    private final Instant eventEndTime;
    private final String destinationArn;
    private final List<String> filterArns;
    private final Instant replayStartTime;
    private State state = State.STARTING;
    private String stateReason;
    private Instant eventLastReplayedTime;
    private Instant replayEndTime;

    Replay(String name, String arn, String description, String archiveArn, Instant eventStartTime,
           Instant eventEndTime, String destinationArn, List<String> filterArns, Instant replayStartTime) {
        this.name = name;
        this.arn = arn;
        this.description = description;
        this.archiveArn = archiveArn;
        this.eventStartTime = eventStartTime;
        this.eventEndTime = eventEndTime;
        this.destinationArn = destinationArn;
        this.filterArns = List.copyOf(filterArns);
        this.replayStartTime = replayStartTime;
    }

    static String arn(String region, String accountId, String name) {
        return "arn:aws:events:" + region + ":" + accountId + ":replay/" + name;
    }

    String name() {
        return name;
    }

    String arn() {
        return arn;
    }

    String archiveArn() {
        return archiveArn;
    }

    Instant eventStartTime() {
        return eventStartTime;
    }

    Instant eventEndTime() {
        return eventEndTime;
    }

    List<String> filterArns() {
        return filterArns;
    }

    synchronized State state() {
        return state;
    }

    synchronized boolean active() {
        return state == State.STARTING || state == State.RUNNING || state == State.CANCELLING;
    }

    /** @return false when the replay was cancelled before it began */
    synchronized boolean running() {
        if (state != State.STARTING) {
            return false;
        }
        state = State.RUNNING;
        return true;
    }

    /** Whether the replay should go on with the next event. */
    synchronized boolean proceeding() {
        return state == State.RUNNING;
    }

    synchronized void replayed(Instant eventTime) {
        eventLastReplayedTime = eventTime;
    }

    /** CancelReplay: @return false when the replay is not STARTING or RUNNING. */
    synchronized boolean cancel() {
        if (state == State.STARTING) {
            state = State.CANCELLED;
            replayEndTime = replayStartTime;
            return true;
        }
        if (state == State.RUNNING) {
            state = State.CANCELLING;
            return true;
        }
        return false;
    }

    /** The replaying thread has stopped: COMPLETED, or CANCELLED when a cancel arrived meanwhile. */
    synchronized void finished(Instant now) {
        state = state == State.CANCELLING ? State.CANCELLED : State.COMPLETED;
        replayEndTime = now;
    }

    synchronized void failed(String reason, Instant now) {
        state = State.FAILED;
        stateReason = reason;
        replayEndTime = now;
    }

    /** As ListReplays shows it; DescribeReplay adds ReplayArn, Description and Destination. */
    synchronized ObjectNode toJson() {
        ObjectNode node = Json.object().put("ReplayName", name).put("EventSourceArn", archiveArn)
                .put("State", state.name());
        if (stateReason != null) {
            node.put("StateReason", stateReason);
        }
        node.put("EventStartTime", Timestamps.epochSeconds(eventStartTime));
        node.put("EventEndTime", Timestamps.epochSeconds(eventEndTime));
        if (eventLastReplayedTime != null) {
            node.put("EventLastReplayedTime", Timestamps.epochSeconds(eventLastReplayedTime));
        }
        node.put("ReplayStartTime", Timestamps.epochSeconds(replayStartTime));
        if (replayEndTime != null) {
            node.put("ReplayEndTime", Timestamps.epochSeconds(replayEndTime));
        }
        return node;
    }

    synchronized ObjectNode toDetailedJson() {
        ObjectNode node = Json.object().put("ReplayName", name).put("ReplayArn", arn);
        if (description != null) {
            node.put("Description", description);
        }
        ObjectNode destination = node.putObject("Destination").put("Arn", destinationArn);
        if (!filterArns.isEmpty()) {
            ArrayNode filters = destination.putArray("FilterArns");
            filterArns.forEach(filters::add);
        }
        ObjectNode summary = toJson();
        summary.remove("ReplayName");
        node.setAll(summary);
        return node;
    }
}
