package io.selfheal.emulator.services.events;

import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.core.BoundedHistory;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.Retention;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every event that reached a bus, in arrival order, with its deliveries. Bounded by {@link Retention#EVENTS} (entries
 * and bytes): the oldest records are forgotten, and counted, so a long soak cannot exhaust memory; the harness reads
 * what it needs as it goes.
 */
final class EventLog {

    /** A record and the bus it reached, so it can be delivered again. */
    record Entry(EventRecord record, EventBus bus) {
    }

    private final BoundedHistory<Entry> entries;
    /** The latest entry of each event id (a redelivered event appears more than once). */
    private final Map<String, Entry> latestById = new ConcurrentHashMap<>();

    /** A log of at most {@code capacity} records (tests). */
    EventLog(int capacity) {
        this(new BoundedHistory<>(Retention.EVENTS, new Retention.Limit(capacity, Long.MAX_VALUE),
                EventLog::estimatedBytes));
    }

    EventLog(Retention retention) {
        this(retention.history(Retention.EVENTS, EventLog::estimatedBytes));
    }

    private EventLog(BoundedHistory<Entry> entries) {
        this.entries = entries;
        entries.onEvict(gone -> latestById.remove(gone.record().eventId(), gone));
    }

    /** The envelope, and about as much again for what its deliveries will hold (each target's input). */
    private static long estimatedBytes(Entry entry) {
        return 160 + 2 * Json.estimatedBytes(entry.record().event());
    }

    void add(EventRecord record, EventBus bus) {
        Entry entry = new Entry(record, bus);
        latestById.put(record.eventId(), entry);
        entries.add(entry);
    }

    List<EventRecord> records() {
        return entries.all().stream().map(Entry::record).toList();
    }

    Entry latest(String eventId) {
        return latestById.get(eventId);
    }

    void clear() {
        entries.clear();
        latestById.clear();
    }
}
