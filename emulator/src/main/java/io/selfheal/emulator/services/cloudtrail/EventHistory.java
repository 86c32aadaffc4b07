package io.selfheal.emulator.services.cloudtrail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The event history of one account and region. AWS keeps 90 days; the emulator keeps the newest {@value #CAPACITY}
 * events so a long load test cannot exhaust memory.
 */
final class EventHistory {
    static final int CAPACITY = 10_000;
    /** Newest first: by event time, then by arrival at the history (records are built on worker threads). */
    static final Comparator<TrailEvent> NEWEST_FIRST = Comparator.comparing(TrailEvent::eventTime)
            .thenComparingLong(TrailEvent::sequence).reversed();

    private final ArrayDeque<TrailEvent> events = new ArrayDeque<>();
    private long nextSequence;

    synchronized long nextSequence() {
        return nextSequence++;
    }

    synchronized void add(TrailEvent event) {
        events.addFirst(event);
        if (events.size() > CAPACITY) {
            events.removeLast();
        }
    }

    /** Every matching event, newest first. */
    synchronized List<TrailEvent> matching(Predicate<TrailEvent> filter) {
        List<TrailEvent> out = new ArrayList<>();
        for (TrailEvent e : events) {
            if (filter.test(e)) {
                out.add(e);
            }
        }
        out.sort(NEWEST_FIRST);
        return out;
    }
}
