package io.selfheal.emulator.control;

import java.util.List;

/** EventBridge's side door: what reached the buses, and at-least-once redelivery. */
public interface EventsControl {
    /** Every event that reached any bus, in arrival order, with its deliveries (filled in as they happen). */
    List<EventRecord> events();

    /**
     * Delivers an event that already reached a bus once more, unchanged (same {@code id}), to the rules that match
     * it now, as EventBridge's at-least-once delivery may. The new deliveries are a new {@link EventRecord}.
     *
     * @throws IllegalArgumentException when no event has that id
     */
    EventRecord redeliver(String eventId);
}
