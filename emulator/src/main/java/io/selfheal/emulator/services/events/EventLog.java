package io.selfheal.emulator.services.events;

import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.core.BoundedHistory;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.Retention;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every event that reached a bus, with its deliveries, in the order of the emulator clock and, within an instant, of
 * creation: AWS services' events by the number they were given where they happened (two instances settling at one
 * virtual instant are enveloped on concurrent threads, so arrival order alone would differ from run to run), then
 * the others (PutEvents, schedules, redeliveries) in arrival order. Bounded by {@link Retention#EVENTS} (entries
 * and bytes): the oldest records are forgotten, and counted, so a long soak cannot exhaust memory; the harness reads
 * what it needs as it goes.
 */
final class EventLog {

    /** Within an instant, after every numbered event: an event whose creation order is its arrival order. */
    static final long IN_ARRIVAL_ORDER = Long.MAX_VALUE;

    private static final Comparator<Entry> LOG_ORDER =
            Comparator.comparing((Entry e) -> e.record().received()).thenComparingLong(Entry::order);

    /**
     * A record and the bus it reached, so it can be delivered again.
     *
     * @param order where it was created among the events of its instant, or {@link #IN_ARRIVAL_ORDER}
     */
    record Entry(EventRecord record, EventBus bus, long order) {
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

    void add(EventRecord record, EventBus bus, long order) {
        Entry entry = new Entry(record, bus, order);
        latestById.put(record.eventId(), entry);
        entries.add(entry);
    }

    List<EventRecord> records() {
        // A stable sort: events of one instant and one order keep their arrival order.
        return entries.all().stream().sorted(LOG_ORDER).map(Entry::record).toList();
    }

    Entry latest(String eventId) {
        return latestById.get(eventId);
    }

    void clear() {
        entries.clear();
        latestById.clear();
    }
}
