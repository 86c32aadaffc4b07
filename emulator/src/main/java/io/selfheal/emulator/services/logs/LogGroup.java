package io.selfheal.emulator.services.logs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One log group: its streams, retention and tags. Guarded by the {@link LogsRegion} lock. */
final class LogGroup {
    private final String name;
    private final String arn;
    private final long creationTime;
    private final String logGroupClass;
    private final String kmsKeyId;
    private final Map<String, String> tags = new TreeMap<>();
    private final TreeMap<String, LogStream> streams = new TreeMap<>();
    private Integer retentionInDays;
    private long nextSeq = 1;

    LogGroup(String name, String arn, long creationTime, String logGroupClass, String kmsKeyId,
             Map<String, String> tags) {
        this.name = name;
        this.arn = arn;
        this.creationTime = creationTime;
        this.logGroupClass = logGroupClass;
        this.kmsKeyId = kmsKeyId;
        this.tags.putAll(tags);
    }

    String name() {
        return name;
    }

    /** {@code arn:aws:logs:<region>:<account>:log-group:<name>}, the form tagging APIs take. */
    String arn() {
        return arn;
    }

    Integer retentionInDays() {
        return retentionInDays;
    }

    void retentionInDays(Integer days) {
        retentionInDays = days;
    }

    Map<String, String> tags() {
        return tags;
    }

    LogStream stream(String streamName) {
        return streams.get(streamName);
    }

    LogStream createStream(String streamName, long now) {
        LogStream s = new LogStream(streamName, arn, now);
        streams.put(streamName, s);
        return s;
    }

    LogStream removeStream(String streamName) {
        return streams.remove(streamName);
    }

    List<LogStream> streams() {
        return new ArrayList<>(streams.values());
    }

    /** Stores accepted events in {@code stream}, each with the next position of this group. */
    void append(LogStream stream, List<EventBatch.Input> events, long ingestionTime) {
        for (EventBatch.Input e : events) {
            stream.add(new StoredEvent(stream.name(), e.timestamp(), e.message(), ingestionTime, nextSeq++));
        }
    }

    /**
     * The time before which events are gone by retention, or {@link Long#MIN_VALUE} when they never expire. AWS
     * deletes expired events in the background; here they vanish as soon as the emulator clock passes them.
     */
    long retentionCutoff(long nowMillis) {
        return retentionInDays == null ? Long.MIN_VALUE : nowMillis - Duration.ofDays(retentionInDays).toMillis();
    }

    /** Applies retention at {@code nowMillis}: called before every read and write. */
    void expire(long nowMillis) {
        long cutoff = retentionCutoff(nowMillis);
        if (cutoff != Long.MIN_VALUE) {
            streams.values().forEach(s -> s.expireBefore(cutoff));
        }
    }

    /** DescribeLogGroups' LogGroup shape. */
    ObjectNode toJson() {
        ObjectNode out = Json.object().put("logGroupName", name).put("creationTime", creationTime);
        if (retentionInDays != null) {
            out.put("retentionInDays", retentionInDays);
        }
        out.put("metricFilterCount", 0);
        out.put("arn", arn + ":*");
        long bytes = 0;
        for (LogStream s : streams.values()) {
            bytes += s.storedBytes();
        }
        out.put("storedBytes", bytes);
        if (kmsKeyId != null) {
            out.put("kmsKeyId", kmsKeyId);
        }
        out.put("logGroupClass", logGroupClass);
        out.put("logGroupArn", arn);
        return out;
    }
}
