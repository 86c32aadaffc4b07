package io.selfheal.emulator.services.events;

import io.selfheal.emulator.control.EventRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every event that reached a bus, in arrival order, with its deliveries. Bounded: the oldest records are forgotten
 * past {@link #CAPACITY}, so a long soak cannot exhaust memory; the harness reads what it needs as it goes.
 */
final class EventLog {
    static final int CAPACITY = 10_000;

    /** A record and the bus it reached, so it can be delivered again. */
    record Entry(EventRecord record, EventBus bus) {
    }

    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();
    /** The latest entry of each event id (a redelivered event appears more than once). */
    private final Map<String, Entry> latestById = new HashMap<>();

    EventLog() {
        this(CAPACITY);
    }

    EventLog(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(EventRecord record, EventBus bus) {
        Entry entry = new Entry(record, bus);
        entries.addLast(entry);
        latestById.put(record.eventId(), entry);
        while (entries.size() > capacity) {
            Entry gone = entries.removeFirst();
            latestById.remove(gone.record().eventId(), gone);
        }
    }

    synchronized List<EventRecord> records() {
        List<EventRecord> out = new ArrayList<>(entries.size());
        entries.forEach(e -> out.add(e.record()));
        return out;
    }

    synchronized Entry latest(String eventId) {
        return latestById.get(eventId);
    }

    synchronized void clear() {
        entries.clear();
        latestById.clear();
    }
}
