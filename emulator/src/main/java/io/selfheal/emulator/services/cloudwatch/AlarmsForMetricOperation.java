package io.selfheal.emulator.services.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Operation;
import io.selfheal.emulator.service.Params;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * DescribeAlarmsForMetric (API reference): the metric alarms on one metric, MetricName and Namespace required;
 * Statistic, ExtendedStatistic, Period and Unit narrow it. Dimensions identify the metric, so when given they must
 * equal the alarm's set (in any order).
 */
final class AlarmsForMetricOperation implements Operation {
    private final RegionalStore<CloudWatchRegion> store;

    AlarmsForMetricOperation(RegionalStore<CloudWatchRegion> store) {
        this.store = store;
    }

    @Override
    public JsonNode handle(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.QUERY);
        String metricName = AlarmDefinitionParser.length(p, "MetricName", p.required("MetricName"), 1, 255);
        String namespace = AlarmDefinitionParser.length(p, "Namespace", p.required("Namespace"), 1, 255);
        String statistic = p.string("Statistic");
        if (statistic != null) {
            AlarmDefinitionParser.oneOf(p, "Statistic", statistic, AlarmDefinitionParser.STATISTICS);
        }
        String extended = p.string("ExtendedStatistic");
        Integer period = p.integer("Period");
        String unit = p.string("Unit");
        if (unit != null) {
            AlarmDefinitionParser.oneOf(p, "Unit", unit, AlarmDefinitionParser.UNITS);
        }
        List<Dimension> dimensions = dimensions(p);
        ObjectNode result = Json.object();
        ArrayNode alarms = result.putArray("MetricAlarms");
        CloudWatchRegion region = store.get(ctx);
        synchronized (region) {
            region.all().stream().filter(a -> {
                AlarmDefinition d = a.definition;
                return d.metricName().equals(metricName) && d.namespace().equals(namespace)
                        && (statistic == null || statistic.equals(d.statistic()))
                        && (extended == null || extended.equals(d.extendedStatistic()))
                        && (period == null || period == d.period())
                        && (unit == null || Objects.equals(unit, d.unit()))
                        && (dimensions == null || new HashSet<>(dimensions).equals(new HashSet<>(d.dimensions())));
            }).forEach(a -> alarms.add(AlarmXml.metricAlarm(a)));
        }
        return result;
    }

    /** @return the dimensions asked for, or null when the request names none */
    private static List<Dimension> dimensions(Params p) {
        if (AlarmDefinitionParser.isEmptyList(p.node("Dimensions"))) {
            return null;
        }
        List<Dimension> out = new ArrayList<>();
        for (ObjectNode d : p.objects("Dimensions")) {
            Params dimension = new Params(d, p.errors());
            out.add(new Dimension(dimension.required("Name"), dimension.required("Value")));
        }
        return out;
    }
}
