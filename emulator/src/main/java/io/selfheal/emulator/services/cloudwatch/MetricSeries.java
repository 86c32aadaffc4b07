package io.selfheal.emulator.services.cloudwatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data points of one metric by timestamp (they may arrive out of order: PutMetricData accepts timestamps up to
 * two weeks old), bounded to {@code maxPoints}: beyond it the oldest go first. Not thread-safe; {@link MetricStore}
 * guards it.
 */
final class MetricSeries {
    private final MetricKey key;
    private final int maxPoints;
    private final TreeMap<Instant, List<MetricPoint>> points = new TreeMap<>();
    private int size;
    private Instant lastPublished;

    MetricSeries(MetricKey key, int maxPoints) {
        this.key = key;
        this.maxPoints = maxPoints;
    }

    MetricKey key() {
        return key;
    }

    /** When data was last published to the metric (the emulator clock at arrival), for RecentlyActive. */
    Instant lastPublished() {
        return lastPublished;
    }

    int size() {
        return size;
    }

    void add(MetricPoint point, Instant receivedAt) {
        points.computeIfAbsent(point.timestamp, t -> new ArrayList<>(1)).add(point);
        size++;
        if (lastPublished == null || receivedAt.isAfter(lastPublished)) {
            lastPublished = receivedAt;
        }
        while (size > maxPoints) {
            Map.Entry<Instant, List<MetricPoint>> oldest = points.firstEntry();
            oldest.getValue().remove(0);
            size--;
            if (oldest.getValue().isEmpty()) {
                points.remove(oldest.getKey());
            }
        }
    }

    /** Forgets points timestamped before {@code oldest}. */
    void dropBefore(Instant oldest) {
        Map<Instant, List<MetricPoint>> expired = points.headMap(oldest, false);
        for (List<MetricPoint> atTime : expired.values()) {
            size -= atTime.size();
        }
        expired.clear();
    }

    /** Points with {@code from <= timestamp < to}, oldest first. */
    List<MetricPoint> between(Instant from, Instant to) {
        List<MetricPoint> out = new ArrayList<>();
        if (from.isBefore(to)) {
            points.subMap(from, true, to, false).values().forEach(out::addAll);
        }
        return out;
    }
}
