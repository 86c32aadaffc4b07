package io.selfheal.emulator.core;

/**
 * How much EventBridge work may wait: PutEvents acknowledges events before they are matched and delivered, so
 * without a bound a client faster than the deliveries would grow the queue without limit. When {@code events} accepted
 * events are still waiting, PutEvents answers AWS's {@code ThrottlingException} (400; the AWS SDKs and CLI back off
 * and retry it) until the backlog drains. Configure with {@link io.selfheal.emulator.Emulator.Builder#eventsBacklog},
 * {@code selfheal serve --events-backlog}, or {@code -Dselfheal.events.backlog}.
 *
 * @param events at most this many accepted events wait for delivery
 * @param lanes  delivery threads; each rule delivers on one of them, so its targets see events in order
 */
public record EventsBacklog(int events, int lanes) {
    /** About a second or two of deliveries at full speed: enough to absorb bursts, small next to the heap. */
    public static final int DEFAULT_EVENTS = 10_000;
    public static final EventsBacklog DEFAULT = new EventsBacklog(
            Integer.getInteger("selfheal.events.backlog", DEFAULT_EVENTS),
            Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors())));

    public EventsBacklog {
        if (events < 1 || lanes < 1) {
            throw new IllegalArgumentException("the events backlog and its lanes must be positive");
        }
    }

    public EventsBacklog withEvents(int events) {
        return new EventsBacklog(events, lanes);
    }
}
