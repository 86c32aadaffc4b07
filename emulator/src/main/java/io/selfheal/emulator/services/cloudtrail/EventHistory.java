package io.selfheal.emulator.services.cloudtrail;

import io.selfheal.emulator.core.BoundedHistory;
import io.selfheal.emulator.core.Retention;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The event history of one account and region. AWS keeps 90 days; the emulator keeps the newest events within
 * {@link Retention#TRAIL} (entries and bytes) so a long load test cannot exhaust memory.
 */
final class EventHistory {
    /** Newest first: by event time, then by arrival at the history (records are built on worker threads). */
    static final Comparator<TrailEvent> NEWEST_FIRST = Comparator.comparing(TrailEvent::eventTime)
            .thenComparingLong(TrailEvent::sequence).reversed();

    private final BoundedHistory<TrailEvent> events;
    private long nextSequence;

    EventHistory(Retention retention) {
        events = retention.history(Retention.TRAIL, e -> 400 + 2L * e.record().length());
    }

    synchronized long nextSequence() {
        return nextSequence++;
    }

    void add(TrailEvent event) {
        events.add(event);
    }

    /** Every matching event, newest first. */
    List<TrailEvent> matching(Predicate<TrailEvent> filter) {
        List<TrailEvent> out = events.matching(filter);
        out.sort(NEWEST_FIRST);
        return out;
    }
}
