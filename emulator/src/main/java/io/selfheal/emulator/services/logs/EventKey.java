package io.selfheal.emulator.services.logs;

/** A position among a group's events: (timestamp, seq), ordered by time first. */
record EventKey(long timestamp, long seq) implements Comparable<EventKey> {
    /** Before every event (timestamps are never negative, seq starts at 1). */
    static final EventKey ORIGIN = new EventKey(0, 0);

    @Override
    public int compareTo(EventKey o) {
        int byTime = Long.compare(timestamp, o.timestamp);
        return byTime != 0 ? byTime : Long.compare(seq, o.seq);
    }

    /** Just before this position: nothing of the group lies between the two. */
    EventKey previous() {
        if (seq > 0) {
            return new EventKey(timestamp, seq - 1);
        }
        return timestamp > 0 ? new EventKey(timestamp - 1, Long.MAX_VALUE) : ORIGIN;
    }

    /** Just after this position. */
    EventKey next() {
        return new EventKey(timestamp, seq + 1);
    }
}
