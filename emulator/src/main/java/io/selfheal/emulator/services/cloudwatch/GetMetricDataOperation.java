package io.selfheal.emulator.services.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.protocol.TimestampNode;
import io.selfheal.emulator.service.Operation;
import io.selfheal.emulator.service.PageToken;
import io.selfheal.emulator.service.Params;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * GetMetricData for MetricStat queries: each returned query answers its periods with data, newest first unless
 * {@code ScanBy} is {@code TimestampAscending}. Paging: the results of all returned queries, in request order, form
 * one sequence cut every {@code MaxDatapoints} (default 100,800); a query with points left after a page says
 * {@code PartialData}, and {@code NextToken} continues the sequence.
 */
final class GetMetricDataOperation implements Operation {
    static final int MAX_QUERIES = 500;
    static final int DEFAULT_MAX_DATAPOINTS = 100_800;
    private static final PageToken PAGES = new PageToken("selfheal-gmd:");

    private final RegionalStore<MetricStore> store;

    GetMetricDataOperation(RegionalStore<MetricStore> store) {
        this.store = store;
    }

    /** One returned query's values, in the order they are answered. */
    private record Series(MetricDataQuery query, List<Instant> timestamps, List<Double> values) {
    }

    @Override
    public JsonNode handle(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.QUERY);
        List<MetricDataQuery> queries = queries(p, ctx);
        TimeRange range = TimeRange.of(p);
        String scanBy = p.string("ScanBy", "TimestampDescending");
        AlarmDefinitionParser.oneOf(p, "ScanBy", scanBy, List.of("TimestampDescending", "TimestampAscending"));
        int max = p.integer("MaxDatapoints", DEFAULT_MAX_DATAPOINTS);
        if (max < 1) {
            throw CloudWatchErrors.invalidValue("The value " + max
                    + " for parameter MaxDatapoints is invalid. It must be at least 1.");
        }
        long offset = PAGES.decodeOffset(p.string("NextToken"), CloudWatchErrors::invalidNextToken);
        MetricStore metrics = store.get(ctx);
        List<Series> series = new ArrayList<>();
        for (MetricDataQuery q : queries) {
            if (q.returnData()) {
                series.add(series(metrics, q, range, ctx.receivedAt(), scanBy.equals("TimestampDescending")));
            }
        }
        ObjectNode result = Json.object();
        ArrayNode results = result.putArray("MetricDataResults");
        long position = 0;
        long end = offset + max;
        for (Series s : series) {
            int size = s.values().size();
            int from = (int) Math.min(Math.max(offset - position, 0), size);
            int to = (int) Math.min(Math.max(end - position, 0), size);
            results.add(result(s, from, to));
            position += size;
        }
        if (position > end) {
            result.put("NextToken", PAGES.encode(end));
        }
        result.putArray("Messages");
        return result;
    }

    private static ObjectNode result(Series s, int from, int to) {
        ObjectNode r = Json.object().put("Id", s.query().id()).put("Label", s.query().label());
        ArrayNode timestamps = r.putArray("Timestamps");
        ArrayNode values = r.putArray("Values");
        for (int i = from; i < to; i++) {
            timestamps.add(TimestampNode.of(s.timestamps().get(i)));
            values.add(s.values().get(i));
        }
        r.put("StatusCode", to < s.values().size() ? "PartialData" : "Complete");
        r.putArray("Messages");
        return r;
    }

    private static Series series(MetricStore metrics, MetricDataQuery q, TimeRange range, Instant now,
                                 boolean newestFirst) {
        List<Bucket> buckets = metrics.buckets(q.metric(), range.alignedStart(q.period(), now), range.end(),
                q.period(), q.unit(), false, now);
        List<Instant> timestamps = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Bucket b : buckets) {
            Double value = b.aggregate().value(q.stat());
            if (value != null) {
                timestamps.add(b.timestamp());
                values.add(value);
            }
        }
        if (newestFirst) {
            Collections.reverse(timestamps);
            Collections.reverse(values);
        }
        return new Series(q, timestamps, values);
    }

    private static List<MetricDataQuery> queries(Params p, RequestContext ctx) {
        if (AlarmDefinitionParser.isEmptyList(p.node("MetricDataQueries"))) {
            throw p.errors().missing("MetricDataQueries");
        }
        List<ObjectNode> nodes = p.objects("MetricDataQueries");
        if (nodes.size() > MAX_QUERIES) {
            throw CloudWatchErrors.invalidValue("The collection MetricDataQueries must not have a size greater than "
                    + MAX_QUERIES + ".");
        }
        List<MetricDataQuery> queries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            String path = "MetricDataQueries.member." + (i + 1);
            MetricDataQuery q = MetricDataQuery.parse(nodes.get(i), p, path, ctx);
            if (!ids.add(q.id())) {
                throw CloudWatchErrors.invalidValue("The value " + q.id() + " for parameter " + path
                        + ".Id is invalid. Ids must be unique within a GetMetricData request.");
            }
            queries.add(q);
        }
        return queries;
    }
}
