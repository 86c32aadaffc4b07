package io.selfheal.emulator.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * A history kept oldest to newest and bounded both by count and by (estimated) bytes: past either bound the oldest
 * entries are forgotten and counted in {@link #dropped()}, so a soak or a fuzzer cannot grow it without limit and a
 * reader can tell that it is looking at a truncated history. Thread-safe.
 *
 * @param <T> the entry type
 */
public final class BoundedHistory<T> {
    private final String name;
    private final Retention.Limit limit;
    private final ToLongFunction<T> sizer;
    private final ArrayDeque<T> entries = new ArrayDeque<>();
    private final ArrayDeque<Long> sizes = new ArrayDeque<>();
    private long bytes;
    private long dropped;
    private Consumer<T> onEvict = e -> { };

    /**
     * @param name  the history's name in {@link Retention} (and in the control API's retention report)
     * @param sizer an estimate of an entry's heap bytes
     */
    public BoundedHistory(String name, Retention.Limit limit, ToLongFunction<T> sizer) {
        this.name = name;
        this.limit = limit;
        this.sizer = sizer;
    }

    public String name() {
        return name;
    }

    public Retention.Limit limit() {
        return limit;
    }

    /** Called, under this history's lock, for each entry forgotten to make room (indexes kept beside it). */
    public synchronized BoundedHistory<T> onEvict(Consumer<T> callback) {
        this.onEvict = callback;
        return this;
    }

    public synchronized void add(T entry) {
        long size = Math.max(1, sizer.applyAsLong(entry));
        entries.addLast(entry);
        sizes.addLast(size);
        bytes += size;
        while (entries.size() > limit.entries() || (bytes > limit.bytes() && entries.size() > 1)) {
            T gone = entries.removeFirst();
            bytes -= sizes.removeFirst();
            dropped++;
            onEvict.accept(gone);
        }
    }

    /** The retained entries, oldest first. */
    public synchronized List<T> all() {
        return new ArrayList<>(entries);
    }

    public synchronized List<T> matching(Predicate<? super T> filter) {
        List<T> out = new ArrayList<>();
        for (T entry : entries) {
            if (filter.test(entry)) {
                out.add(entry);
            }
        }
        return out;
    }

    /** The retained entries, newest first. */
    public synchronized List<T> newestFirst() {
        List<T> out = new ArrayList<>(entries.size());
        for (Iterator<T> it = entries.descendingIterator(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    public synchronized int size() {
        return entries.size();
    }

    /** How many entries were forgotten to stay within the bounds since the emulator started (or was reset). */
    public synchronized long dropped() {
        return dropped;
    }

    public synchronized Retention.Usage usage() {
        return new Retention.Usage(name, entries.size(), bytes, dropped, limit);
    }

    public synchronized void clear() {
        entries.clear();
        sizes.clear();
        bytes = 0;
        dropped = 0;
    }
}
