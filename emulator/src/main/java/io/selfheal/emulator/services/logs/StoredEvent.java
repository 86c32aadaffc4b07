package io.selfheal.emulator.services.logs;

/**
 * One ingested log event. Events sort by time and then by {@code seq}, the order of ingestion within the group, so
 * every event has a unique position that paging tokens can name even while new events arrive.
 *
 * @param stream        the log stream's name
 * @param timestamp     the event's own time, ms since the epoch
 * @param message       the message as written
 * @param ingestionTime when CloudWatch Logs received it (emulator clock), ms since the epoch
 * @param seq           unique within the log group, increasing with ingestion
 */
record StoredEvent(String stream, long timestamp, String message, long ingestionTime, long seq) {

    EventKey key() {
        return new EventKey(timestamp, seq);
    }

    /** AWS's event ids are long digit strings; ours encode the position, which is unique within the group. */
    String eventId() {
        return String.format("%020d%020d", timestamp, seq);
    }

    /** What storedBytes counts for it: the message in UTF-8, as PutLogEvents sizes it without the overhead. */
    long bytes() {
        return EventBatch.utf8Length(message);
    }
}
