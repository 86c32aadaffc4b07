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

    /**
     * Emits an event as the AWS service named by its {@code source} would ({@code aws.guardduty} …, sources that
     * PutEvents refuses with NotAuthorizedForSourceException): it reaches the default bus of its account and region
     * asynchronously, in the envelope PutEvents gives.
     */
    default void emit(io.selfheal.emulator.messages.ServiceEvent event) {
        throw new UnsupportedOperationException("emitting service events is not supported");
    }
}
