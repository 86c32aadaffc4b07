package io.selfheal.emulator.services.cloudwatch;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data of one metric as statistic sets per storage period and unit, as CloudWatch stores it: data of the last
 * {@link #FINE_RETENTION} in one-second periods (the finest a query may ask: "Data points with a period of less than
 * 60 seconds are available for 3 hours"), older data in one-minute periods ("Data points with a period of 60 seconds
 * (1 minute) are available for 15 days", GetMetricStatistics). Every datum published in a period is merged into its
 * point, so a metric is exact at any volume and costs memory by the time it spans, not by how much was published.
 * Data may arrive out of order (PutMetricData accepts timestamps up to two weeks old). Bounded to {@code maxPoints}
 * points: beyond it the oldest go first. Not thread-safe; {@link MetricStore} guards it.
 */
final class MetricSeries {
    static final Duration FINE_RETENTION = Duration.ofHours(3);

    private final MetricKey key;
    private final int maxPoints;
    /** Period start → one point per unit published in that period. */
    private final TreeMap<Instant, List<MetricPoint>> points = new TreeMap<>();
    private int size;
    private Instant lastPublished;
    /** Periods before this are one minute long; from it on, one second. */
    private Instant minutePeriodsBefore = Instant.MIN;

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

    /** The stored points (periods × units). */
    int size() {
        return size;
    }

    void add(MetricPoint datum, Instant receivedAt) {
        if (lastPublished == null || receivedAt.isAfter(lastPublished)) {
            lastPublished = receivedAt;
        }
        coarsenBefore(receivedAt.minus(FINE_RETENTION).truncatedTo(ChronoUnit.MINUTES));
        mergeInto(periodStart(datum.timestamp), datum);
        while (size > maxPoints) {
            Map.Entry<Instant, List<MetricPoint>> oldest = points.firstEntry();
            oldest.getValue().remove(0);
            size--;
            if (oldest.getValue().isEmpty()) {
                points.remove(oldest.getKey());
            }
        }
    }

    private Instant periodStart(Instant timestamp) {
        return timestamp.truncatedTo(timestamp.isBefore(minutePeriodsBefore) ? ChronoUnit.MINUTES : ChronoUnit.SECONDS);
    }

    private void mergeInto(Instant periodStart, MetricPoint datum) {
        List<MetricPoint> atPeriod = points.computeIfAbsent(periodStart, t -> new ArrayList<>(1));
        for (MetricPoint point : atPeriod) {
            if (point.unit.equals(datum.unit)) {
                point.merge(datum);
                return;
            }
        }
        MetricPoint point = MetricPoint.empty(periodStart, datum.unit);
        point.merge(datum);
        atPeriod.add(point);
        size++;
    }

    /** Merges the one-second points before {@code boundary} (a minute) into one-minute points. */
    private void coarsenBefore(Instant boundary) {
        if (!boundary.isAfter(minutePeriodsBefore)) {
            return;
        }
        Instant from = minutePeriodsBefore;
        minutePeriodsBefore = boundary;
        Map<Instant, List<MetricPoint>> fine = from == Instant.MIN ? points.headMap(boundary, false)
                : points.subMap(from, true, boundary, false);
        List<MetricPoint> moved = new ArrayList<>();
        for (Iterator<Map.Entry<Instant, List<MetricPoint>>> it = fine.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Instant, List<MetricPoint>> e = it.next();
            if (!e.getKey().equals(e.getKey().truncatedTo(ChronoUnit.MINUTES))) {
                moved.addAll(e.getValue());
                size -= e.getValue().size();
                it.remove();
            }
        }
        for (MetricPoint point : moved) {
            mergeInto(point.timestamp.truncatedTo(ChronoUnit.MINUTES), point);
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
