package io.selfheal.harness.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.harness.patterns.Check;
import io.selfheal.harness.patterns.Explanation;
import io.selfheal.harness.patterns.PatternExplainer;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Why an event did not match a rule: {@link PatternExplainer} cuts the pattern into one sub-pattern per leaf field
 * ({@code detail.state.value}, or a {@code $or} where it stands), and each is tried on the event with the cloud's
 * EventBridge TestEventPattern — the backend's own matcher (Event Ruler, in the emulator), never a second one written
 * here. The leaves that fail, with what the event had there, are the miss; the rule with the fewest is the nearest.
 */
final class NearestMiss {

    /** @param path the field path, dotted; {@code expected} the pattern's value there; {@code had} the event's */
    record FieldMiss(String path, String expected, String had) {
        @Override
        public String toString() {
            return path + " expected " + expected + ", event had " + had;
        }
    }

    private final EventBridgeClient events;

    NearestMiss(EventBridgeClient events) {
        this.events = events;
    }

    /**
     * The leaves of {@code pattern} that {@code event} fails; empty when every leaf matches on its own (then only
     * their combination fails, or the whole pattern matches).
     */
    List<FieldMiss> misses(String pattern, JsonNode event) {
        Explanation explanation;
        try {
            explanation = PatternExplainer.explain(pattern, event, this::matches);
        } catch (RuntimeException e) {
            return List.of(new FieldMiss("(pattern)", "a pattern TestEventPattern accepts", e.getMessage()));
        }
        List<FieldMiss> misses = new ArrayList<>();
        for (Check check : explanation.failures()) {
            if (check instanceof Check.Field f) {
                misses.add(new FieldMiss(f.path(), f.allowed().toString(), f.foundText()));
            } else if (check instanceof Check.AnyOf any) {
                misses.add(new FieldMiss(any.path().isEmpty() ? "$or" : any.path() + " ($or)",
                        any.alternatives().size() + " alternatives", "none of them"));
            }
        }
        return misses;
    }

    /** A (sub-)pattern against the event, as the cloud's EventBridge decides it. */
    private boolean matches(String pattern, JsonNode event) {
        return Boolean.TRUE.equals(events.testEventPattern(r -> r.eventPattern(pattern).event(event.toString()))
                .result());
    }
}
