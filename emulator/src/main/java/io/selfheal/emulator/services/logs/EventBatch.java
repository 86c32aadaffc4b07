package io.selfheal.emulator.services.logs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.time.Duration;
import java.util.List;

/**
 * The rules of one PutLogEvents batch (API reference, PutLogEvents): events older than 14 days, or than the group's
 * retention, and events more than 2 hours in the future are rejected while the rest are stored, and reported by
 * index in {@code rejectedLogEventsInfo}. Because a batch must be in chronological order, the too-old events are a
 * prefix and the too-new ones a suffix.
 */
final class EventBatch {
    static final int MAX_EVENTS = 10_000;
    static final long MAX_BATCH_BYTES = 1_048_576;
    /** Each event counts its UTF-8 message plus this much toward the batch size. */
    static final int EVENT_OVERHEAD_BYTES = 26;
    static final long TOO_OLD_MILLIS = Duration.ofDays(14).toMillis();
    static final long TOO_NEW_MILLIS = Duration.ofHours(2).toMillis();
    static final long MAX_SPAN_MILLIS = Duration.ofHours(24).toMillis();

    /** One event as a client (or a service on the bus) sends it. */
    record Input(long timestamp, String message) {
    }

    private final List<Input> events;
    private final int tooOldEnd;
    private final int expiredEnd;
    private final int tooNewStart;

    private EventBatch(List<Input> events, int tooOldEnd, int expiredEnd, int tooNewStart) {
        this.events = events;
        this.tooOldEnd = tooOldEnd;
        this.expiredEnd = expiredEnd;
        this.tooNewStart = tooNewStart;
    }

    /**
     * Splits a batch already in chronological order into rejected and accepted events.
     *
     * @param retentionCutoff events before this are expired by the group's retention ({@link Long#MIN_VALUE}: never)
     */
    static EventBatch partition(List<Input> events, long nowMillis, long retentionCutoff) {
        long tooOld = nowMillis - TOO_OLD_MILLIS;
        long tooNew = nowMillis + TOO_NEW_MILLIS;
        int oldEnd = 0;
        while (oldEnd < events.size() && events.get(oldEnd).timestamp() < tooOld) {
            oldEnd++;
        }
        int expired = oldEnd;
        while (expired < events.size() && events.get(expired).timestamp() < retentionCutoff) {
            expired++;
        }
        int newStart = events.size();
        while (newStart > expired && events.get(newStart - 1).timestamp() > tooNew) {
            newStart--;
        }
        return new EventBatch(events, oldEnd, expired, newStart);
    }

    /** Fails unless timestamps never decrease: "the operation fails" for an unordered batch. */
    static void requireChronological(List<Input> events) {
        for (int i = 1; i < events.size(); i++) {
            if (events.get(i).timestamp() < events.get(i - 1).timestamp()) {
                throw LogsErrors.invalid("Log events in a single PutLogEvents request must be in chronological "
                        + "order.");
            }
        }
    }

    /** The batch size limit: messages in UTF-8 plus 26 bytes per event. */
    static void requireSize(List<Input> events) {
        long size = 0;
        for (Input e : events) {
            size += utf8Length(e.message()) + EVENT_OVERHEAD_BYTES;
        }
        if (size > MAX_BATCH_BYTES) {
            throw LogsErrors.invalid("Upload too large: " + size + " bytes exceeds limit of " + MAX_BATCH_BYTES);
        }
    }

    /** Of the events that are not rejected, the first and last may be at most 24 hours apart. */
    void requireSpan() {
        List<Input> kept = accepted();
        if (!kept.isEmpty() && kept.get(kept.size() - 1).timestamp() - kept.get(0).timestamp() > MAX_SPAN_MILLIS) {
            throw LogsErrors.invalid("The batch of log events in a single PutLogEvents request cannot span more "
                    + "than 24 hours.");
        }
    }

    List<Input> accepted() {
        return events.subList(expiredEnd, tooNewStart);
    }

    /** {@code rejectedLogEventsInfo} (RejectedLogEventsInfo: end indexes exclusive, start index inclusive), or null. */
    ObjectNode rejectedInfo() {
        if (tooOldEnd == 0 && expiredEnd == tooOldEnd && tooNewStart == events.size()) {
            return null;
        }
        ObjectNode info = Json.object();
        if (tooNewStart < events.size()) {
            info.put("tooNewLogEventStartIndex", tooNewStart);
        }
        if (tooOldEnd > 0) {
            info.put("tooOldLogEventEndIndex", tooOldEnd);
        }
        if (expiredEnd > tooOldEnd) {
            info.put("expiredLogEventEndIndex", expiredEnd);
        }
        return info;
    }

    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
