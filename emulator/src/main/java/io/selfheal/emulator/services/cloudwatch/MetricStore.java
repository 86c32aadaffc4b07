package io.selfheal.emulator.services.cloudwatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one account and region. Memory stays bounded: each metric keeps one statistic set per period and
 * unit ({@link MetricSeries}: one-second periods for three hours, one-minute periods after), however much is
 * published; points older than {@link #RETENTION} (relative to the emulator clock) are dropped, since CloudWatch keeps
 * 1-minute data for 15 days and selfheal keeps no coarser roll-ups; and each metric keeps at most
 * {@link #MAX_POINTS_PER_METRIC} points. A metric left without points is forgotten. Queries take (metric, time range, period, unit) and answer period buckets from which any
 * {@link Stat} can be read: the shape alarm evaluation will need.
 */
final class MetricStore {
    static final Duration RETENTION = Duration.ofDays(15);
    /** Three hours of one-second periods and fifteen days of one-minute periods, with headroom for several units. */
    static final int MAX_POINTS_PER_METRIC = 40_000;

    private final Map<MetricKey, MetricSeries> series = new HashMap<>();

    synchronized void add(MetricKey key, MetricPoint point, Instant now) {
        MetricSeries s = series.computeIfAbsent(key, k -> new MetricSeries(k, MAX_POINTS_PER_METRIC));
        s.add(point, now);
        s.dropBefore(now.minus(RETENTION));
    }

    /** Every metric with retained data, with when it was last published to. */
    synchronized Map<MetricKey, Instant> metrics(Instant now) {
        Instant oldest = now.minus(RETENTION);
        Map<MetricKey, Instant> out = new LinkedHashMap<>();
        for (Iterator<MetricSeries> it = series.values().iterator(); it.hasNext(); ) {
            MetricSeries s = it.next();
            s.dropBefore(oldest);
            if (s.size() == 0) {
                it.remove();
            } else {
                out.put(s.key(), s.lastPublished());
            }
        }
        return out;
    }

    /**
     * The metric's points in {@code [start, end)}, aggregated into periods aligned on {@code start}: bucket k covers
     * {@code [start + k·period, start + (k+1)·period)}, and only periods with data appear, oldest first.
     *
     * @param unit         only points published with this unit, or any unit when null
     * @param splitByUnit  one bucket per unit and period (GetMetricStatistics: "Metric data points that specify a
     *                     unit of measure ... are aggregated separately"), or one per period whatever the units
     *                     (the bucket's unit is then {@code unit})
     */
    synchronized List<Bucket> buckets(MetricKey key, Instant start, Instant end, int periodSeconds, String unit,
                                      boolean splitByUnit, Instant now) {
        MetricSeries s = series.get(key);
        if (s == null) {
            return List.of();
        }
        Instant oldest = now.minus(RETENTION);
        Instant from = start.isBefore(oldest) ? oldest : start;
        Map<String, Bucket> buckets = new LinkedHashMap<>();
        long periodMillis = periodSeconds * 1000L;
        for (MetricPoint p : s.between(from, end)) {
            if (unit != null && !unit.equals(p.unit)) {
                continue;
            }
            long index = Duration.between(start, p.timestamp).toMillis() / periodMillis;
            Instant bucketStart = start.plusMillis(index * periodMillis);
            String bucketUnit = splitByUnit ? p.unit : unit;
            buckets.computeIfAbsent(bucketStart + "|" + bucketUnit,
                    k -> new Bucket(bucketStart, bucketUnit, new Aggregate())).aggregate().add(p);
        }
        return new ArrayList<>(buckets.values());
    }
}
