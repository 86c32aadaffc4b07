package io.selfheal.emulator.services.logs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One log stream: its events kept in time order. Guarded by the {@link LogsRegion} lock. */
final class LogStream {
    private final String name;
    private final String arn;
    private final long creationTime;
    private final List<StoredEvent> events = new ArrayList<>();
    private long lastIngestionTime = -1;
    private long sequence;

    LogStream(String name, String groupArn, long creationTime) {
        this.name = name;
        this.arn = groupArn + ":log-stream:" + name;
        this.creationTime = creationTime;
    }

    String name() {
        return name;
    }

    String arn() {
        return arn;
    }

    /** Inserts in time order; events usually arrive in order, so this is an append. */
    void add(StoredEvent event) {
        int at = events.size();
        while (at > 0 && events.get(at - 1).key().compareTo(event.key()) > 0) {
            at--;
        }
        events.add(at, event);
        lastIngestionTime = Math.max(lastIngestionTime, event.ingestionTime());
        sequence++;
    }

    /** Drops every event older than {@code cutoff} (retention). */
    void expireBefore(long cutoff) {
        int n = 0;
        while (n < events.size() && events.get(n).timestamp() < cutoff) {
            n++;
        }
        if (n > 0) {
            events.subList(0, n).clear();
        }
    }

    List<StoredEvent> events() {
        return Collections.unmodifiableList(events);
    }

    /** The time of the last event, or -1 for an empty stream (DescribeLogStreams' orderBy LastEventTime). */
    long lastEventTimestamp() {
        return events.isEmpty() ? -1 : events.get(events.size() - 1).timestamp();
    }

    long storedBytes() {
        long total = 0;
        for (StoredEvent e : events) {
            total += e.bytes();
        }
        return total;
    }

    /**
     * The deprecated sequence token AWS still returns: it changes with every accepted batch, and PutLogEvents no
     * longer checks it.
     */
    String uploadSequenceToken() {
        return String.format("%056d", sequence + 1);
    }

    /** DescribeLogStreams' LogStream shape. */
    ObjectNode toJson() {
        ObjectNode out = Json.object().put("logStreamName", name).put("creationTime", creationTime);
        if (!events.isEmpty()) {
            out.put("firstEventTimestamp", events.get(0).timestamp());
            out.put("lastEventTimestamp", lastEventTimestamp());
        }
        if (lastIngestionTime >= 0) {
            out.put("lastIngestionTime", lastIngestionTime);
        }
        out.put("uploadSequenceToken", uploadSequenceToken());
        out.put("arn", arn);
        // Deprecated by AWS and always 0 there: the group's storedBytes is the one that counts.
        out.put("storedBytes", 0);
        return out;
    }
}
