package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * An event archive on one bus ("Archiving and replaying events"): keeps the events that reached the bus and match
 * its pattern (all of them without one), for {@code RetentionDays} on the emulator clock (0 keeps them forever).
 * Replayed events, which carry {@code replay-name}, are never archived again: AWS's archive rule excludes them the
 * same way ({@code "replay-name": [{"exists": false}]}).
 */
final class Archive {
    static final String STATE = "ENABLED";

    /** One archived event and when it reached the bus. */
    record Stored(ObjectNode event, Instant received, Instant eventTime, long size, long sequence) {
    }

    private final String name;
    private final String arn;
    private final String sourceArn;
    private final Instant creationTime;
    private String description;
    private String eventPattern;
    private PatternMatcher matcher;
    private int retentionDays;
    /** In arrival order, so the oldest expire from the head. */
    private final Deque<Stored> events = new ArrayDeque<>();
    private long sequence;
    private long sizeBytes;

    Archive(String name, String arn, String sourceArn, String description, String eventPattern, int retentionDays,
            Instant creationTime) {
        this.name = name;
        this.arn = arn;
        this.sourceArn = sourceArn;
        this.creationTime = creationTime;
        update(description, eventPattern, retentionDays);
    }

    static String arn(String region, String accountId, String name) {
        return "arn:aws:events:" + region + ":" + accountId + ":archive/" + name;
    }

    String name() {
        return name;
    }

    String arn() {
        return arn;
    }

    String sourceArn() {
        return sourceArn;
    }

    /** UpdateArchive: a new pattern applies to events that arrive from now on. */
    synchronized void update(String newDescription, String newPattern, int newRetentionDays) {
        description = newDescription;
        eventPattern = newPattern;
        retentionDays = newRetentionDays;
        PatternMatcher m = null;
        if (newPattern != null) {
            m = new PatternMatcher();
            m.add(name, newPattern);
        }
        matcher = m;
    }

    synchronized String description() {
        return description;
    }

    synchronized String eventPattern() {
        return eventPattern;
    }

    synchronized int retentionDays() {
        return retentionDays;
    }

    synchronized void offer(ObjectNode event, Instant received) {
        if (event.has("replay-name") || (matcher != null && matcher.matchingRules(event).isEmpty())) {
            return;
        }
        expire(received);
        long size = Json.bytes(event).length;
        events.add(new Stored(event, received, eventTime(event, received), size, sequence++));
        sizeBytes += size;
    }

    /** The event's own {@code time}, by which replays select and order events. */
    private static Instant eventTime(ObjectNode event, Instant received) {
        try {
            return Instant.parse(event.path("time").asText());
        } catch (DateTimeParseException e) {
            return received;
        }
    }

    /** The events whose {@code time} is in [{@code from}, {@code to}), ordered by that time then arrival. */
    synchronized List<Stored> eventsBetween(Instant from, Instant to, Instant now) {
        expire(now);
        return events.stream()
                .filter(e -> !e.eventTime().isBefore(from) && e.eventTime().isBefore(to))
                .sorted(Comparator.comparing(Stored::eventTime).thenComparingLong(Stored::sequence))
                .toList();
    }

    synchronized long eventCount(Instant now) {
        expire(now);
        return events.size();
    }

    synchronized long sizeBytes(Instant now) {
        expire(now);
        return sizeBytes;
    }

    /** Forgets the events older than the retention; cheap when none are, as it runs on every offer. */
    private void expire(Instant now) {
        if (retentionDays <= 0) {
            return;
        }
        Instant oldest = now.minus(Duration.ofDays(retentionDays));
        while (!events.isEmpty() && events.peekFirst().received().isBefore(oldest)) {
            sizeBytes -= events.pollFirst().size();
        }
    }

    /** As ListArchives shows it; DescribeArchive adds {@link #toDetailedJson}'s members. */
    synchronized ObjectNode toJson(Instant now) {
        ObjectNode node = Json.object().put("ArchiveName", name).put("EventSourceArn", sourceArn)
                .put("State", STATE).put("RetentionDays", retentionDays)
                .put("SizeBytes", sizeBytes(now)).put("EventCount", eventCount(now));
        node.put("CreationTime", Timestamps.epochSeconds(creationTime));
        return node;
    }

    synchronized ObjectNode toDetailedJson(Instant now) {
        ObjectNode node = Json.object().put("ArchiveArn", arn);
        node.setAll(toJson(now));
        if (description != null) {
            node.put("Description", description);
        }
        if (eventPattern != null) {
            node.put("EventPattern", eventPattern);
        }
        return node;
    }

    /** CreateArchive and UpdateArchive answer with these. */
    ObjectNode toSummaryJson() {
        ObjectNode node = Json.object().put("ArchiveArn", arn).put("State", STATE);
        node.put("CreationTime", Timestamps.epochSeconds(creationTime));
        return node;
    }
}
