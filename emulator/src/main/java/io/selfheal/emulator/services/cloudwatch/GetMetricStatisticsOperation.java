package io.selfheal.emulator.services.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.protocol.MapNode;
import io.selfheal.emulator.protocol.TimestampNode;
import io.selfheal.emulator.service.Operation;
import io.selfheal.emulator.service.Params;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * GetMetricStatistics: one Datapoint per period with data (and per unit, when the caller names none), with the
 * requested standard statistics and percentiles. Dimensions must match the published set exactly. At most 1,440
 * datapoints may be requested. Datapoints are listed oldest first (AWS promises no order).
 */
final class GetMetricStatisticsOperation implements Operation {
    static final int MAX_DATAPOINTS = 1440;

    private final RegionalStore<MetricStore> store;

    GetMetricStatisticsOperation(RegionalStore<MetricStore> store) {
        this.store = store;
    }

    @Override
    public JsonNode handle(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.QUERY);
        String namespace = MetricInput.namespace(p, "Namespace", "Namespace");
        String metricName = MetricInput.metricName(p, "MetricName", "MetricName");
        List<Dimension> dimensions = MetricInput.dimensions(p, "Dimensions", "Dimensions");
        TimeRange range = TimeRange.of(p);
        int period = MetricInput.period(p, "Period", "Period");
        List<Stat> stats = statistics(p);
        String unit = MetricInput.unit(p, "Unit", "Unit");
        Instant now = ctx.receivedAt();
        long requested = range.periods(period, now);
        if (requested > MAX_DATAPOINTS) {
            throw CloudWatchErrors.combination("You have requested up to " + requested + " datapoints, which exceeds "
                    + "the limit of 1,440. You may reduce the datapoints requested by increasing Period, or "
                    + "decreasing the time range.");
        }
        List<Bucket> buckets = store.get(ctx).buckets(new MetricKey(namespace, metricName, dimensions),
                range.alignedStart(period, now), range.end(), period, unit, true, now);
        ObjectNode result = Json.object().put("Label", metricName);
        ArrayNode datapoints = result.putArray("Datapoints");
        buckets.forEach(b -> datapoints.add(datapoint(b, stats)));
        return result;
    }

    private static ObjectNode datapoint(Bucket bucket, List<Stat> stats) {
        ObjectNode d = Json.object();
        d.set("Timestamp", TimestampNode.of(bucket.timestamp()));
        MapNode extended = new MapNode();
        for (Stat stat : stats) {
            Double value = bucket.aggregate().value(stat);
            if (value == null) {
                continue;
            }
            if (stat.kind() == Stat.Kind.PERCENTILE) {
                extended.put(stat.name(), value);
            } else {
                d.put(stat.name(), value);
            }
        }
        d.put("Unit", bucket.unit());
        if (!extended.isEmpty()) {
            d.set("ExtendedStatistics", extended);
        }
        return d;
    }

    /** "You must specify either Statistics or ExtendedStatistics, but not both." */
    private static List<Stat> statistics(Params p) {
        List<String> standard = list(p, "Statistics");
        List<String> extended = list(p, "ExtendedStatistics");
        if (standard.isEmpty() && extended.isEmpty()) {
            throw CloudWatchErrors.combination("You must specify either Statistics or ExtendedStatistics.");
        }
        if (!standard.isEmpty() && !extended.isEmpty()) {
            throw CloudWatchErrors.combination(
                    "You must specify either Statistics or ExtendedStatistics, but not both.");
        }
        if (standard.size() > 5) {
            throw p.errors().invalid("Statistics", Integer.toString(standard.size()),
                    "Member must have length less than or equal to 5");
        }
        if (extended.size() > 10) {
            throw p.errors().invalid("ExtendedStatistics", Integer.toString(extended.size()),
                    "Member must have length less than or equal to 10");
        }
        List<Stat> stats = new ArrayList<>();
        for (String s : standard) {
            stats.add(Stat.parse(AlarmDefinitionParser.oneOf(p, "Statistics", s, AlarmDefinitionParser.STATISTICS)));
        }
        for (String s : extended) {
            stats.add(percentile(s));
        }
        return stats;
    }

    private static Stat percentile(String name) {
        Stat stat = Stat.percentile(name);
        if (stat != null) {
            return stat;
        }
        if (Stat.isUnsupportedExtended(name)) {
            throw CloudWatchErrors.invalidValue("The extended statistic " + name + " is not supported by the selfheal "
                    + "emulator yet: it computes percentiles (p0 to p100) only.");
        }
        throw CloudWatchErrors.invalidValue("The value " + name
                + " for parameter ExtendedStatistics is invalid. Specify percentiles between p0.0 and p100.");
    }

    private static List<String> list(Params p, String name) {
        return AlarmDefinitionParser.isEmptyList(p.node(name)) ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(p.strings(name)));
    }
}
