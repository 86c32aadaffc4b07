package io.selfheal.emulator.services.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Operation;
import io.selfheal.emulator.service.PageToken;
import io.selfheal.emulator.service.Params;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * ListMetrics: metrics with data published in the last two weeks ("ListMetrics doesn't return information about
 * metrics if those metrics haven't reported data in the past two weeks"), filtered by Namespace, MetricName,
 * Dimensions (each filter names a dimension the metric must have, with that value when one is given) and
 * RecentlyActive {@code PT3H}; 500 a page, ordered by namespace, name and dimensions. Unlike AWS, a new metric is
 * listed at once rather than "up to fifteen minutes" later: tests need no waiting.
 */
final class ListMetricsOperation implements Operation {
    static final int PAGE_SIZE = 500;
    static final int MAX_DIMENSION_FILTERS = 10;
    private static final Duration LISTED_FOR = Duration.ofDays(14);
    private static final Duration RECENTLY_ACTIVE = Duration.ofHours(3);
    private static final PageToken PAGES = new PageToken("selfheal-lm:");

    private final RegionalStore<MetricStore> store;

    ListMetricsOperation(RegionalStore<MetricStore> store) {
        this.store = store;
    }

    /** A DimensionFilter: a name, and optionally a value. */
    private record Filter(String name, String value) {
    }

    @Override
    public JsonNode handle(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.QUERY);
        String namespace = p.has("Namespace") ? MetricInput.namespace(p, "Namespace", "Namespace") : null;
        String metricName = p.has("MetricName") ? MetricInput.metricName(p, "MetricName", "MetricName") : null;
        List<Filter> filters = filters(p);
        String recentlyActive = p.string("RecentlyActive");
        if (recentlyActive != null) {
            AlarmDefinitionParser.oneOf(p, "RecentlyActive", recentlyActive, List.of("PT3H"));
        }
        String after = PAGES.decode(p.string("NextToken"), CloudWatchErrors::invalidNextToken);
        Instant now = ctx.receivedAt();
        Instant activeSince = now.minus(recentlyActive != null ? RECENTLY_ACTIVE : LISTED_FOR);
        List<MetricKey> matching = new ArrayList<>();
        for (Map.Entry<MetricKey, Instant> e : store.get(ctx).metrics(now).entrySet()) {
            MetricKey key = e.getKey();
            if ((namespace == null || namespace.equals(key.namespace()))
                    && (metricName == null || metricName.equals(key.metricName()))
                    && filters.stream().allMatch(f -> key.hasDimension(f.name(), f.value()))
                    && !e.getValue().isBefore(activeSince)
                    && (after == null || key.sortKey().compareTo(after) > 0)) {
                matching.add(key);
            }
        }
        matching.sort(Comparator.comparing(MetricKey::sortKey));
        ObjectNode result = Json.object();
        ArrayNode metrics = result.putArray("Metrics");
        matching.stream().limit(PAGE_SIZE).forEach(k -> metrics.add(metric(k)));
        if (matching.size() > PAGE_SIZE) {
            result.put("NextToken", PAGES.encode(matching.get(PAGE_SIZE - 1).sortKey()));
        }
        return result;
    }

    static ObjectNode metric(MetricKey key) {
        ObjectNode m = Json.object().put("Namespace", key.namespace()).put("MetricName", key.metricName());
        ArrayNode dimensions = m.putArray("Dimensions");
        key.dimensions().forEach(d -> dimensions.addObject().put("Name", d.name()).put("Value", d.value()));
        return m;
    }

    private static List<Filter> filters(Params p) {
        List<Filter> filters = new ArrayList<>();
        if (AlarmDefinitionParser.isEmptyList(p.node("Dimensions"))) {
            return filters;
        }
        List<ObjectNode> nodes = p.objects("Dimensions");
        if (nodes.size() > MAX_DIMENSION_FILTERS) {
            throw CloudWatchErrors.invalidValue("The collection Dimensions must not have a size greater than "
                    + MAX_DIMENSION_FILTERS + ".");
        }
        for (int i = 0; i < nodes.size(); i++) {
            Params f = new Params(nodes.get(i), p.errors());
            String path = "Dimensions.member." + (i + 1);
            String name = f.string("Name");
            if (name == null) {
                throw p.errors().missing(path + ".Name");
            }
            AlarmDefinitionParser.length(p, path + ".Name", name, 1, 255);
            String value = f.string("Value");
            if (value != null) {
                AlarmDefinitionParser.length(p, path + ".Value", value, 1, 1024);
            }
            filters.add(new Filter(name, value));
        }
        return filters;
    }


}
