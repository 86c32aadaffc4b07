package io.selfheal.emulator.services.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * DescribeInstanceStatus (API reference): running instances only unless {@code IncludeAllInstances}; {@code
 * InstanceId.N} (every id must exist), {@code Filter.N} on states and check results (values OR'd with wildcards,
 * filters AND'd), and {@code MaxResults} (5–1000, not with instance ids) / {@code NextToken} in launch order.
 * Scheduled events are not modelled: {@code eventsSet} is empty, and event filters match nothing.
 */
final class InstanceStatusHandler {
    private static final int MIN_RESULTS = 5;
    private static final int MAX_RESULTS = 1000;
    private static final InstancePageToken PAGES = new InstancePageToken("DescribeInstanceStatus");
    private static final Set<String> FILTERS = Set.of("availability-zone", "instance-state-name",
            "instance-state-code", "instance-status.status", "instance-status.reachability", "system-status.status",
            "system-status.reachability", "event.code", "event.description", "event.instance-event-id",
            "event.not-after", "event.not-before", "event.not-before-deadline");

    private final RegionalStore<Ec2Region> store;
    private final InstanceMetrics metrics;

    InstanceStatusHandler(RegionalStore<Ec2Region> store, InstanceMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    JsonNode describeInstanceStatus(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        List<String> ids = InstanceIds.optional(p);
        Map<String, List<Pattern>> filters = filters(p);
        boolean all = p.bool("IncludeAllInstances", false);
        Integer maxResults = p.integer("MaxResults");
        if (maxResults != null && !ids.isEmpty()) {
            throw Ec2Errors.invalidCombination("The parameter instancesSet cannot be used with the parameter maxResults");
        }
        if (maxResults != null && (maxResults < MIN_RESULTS || maxResults > MAX_RESULTS)) {
            throw p.errors().invalid("MaxResults", maxResults.toString(),
                    "Expecting a value between " + MIN_RESULTS + " and " + MAX_RESULTS + ".");
        }
        String nextToken = p.string("NextToken");
        Ec2Region region = store.get(ctx);
        synchronized (region) {
            List<Instance> candidates = ids.isEmpty() ? region.all() : InstanceIds.resolve(region, ids);
            int from = nextToken == null || nextToken.isEmpty() ? 0 : PAGES.positionAfter(candidates, nextToken);
            List<Instance> matching = new ArrayList<>();
            for (Instance i : candidates.subList(from, candidates.size())) {
                InstanceStatus status = InstanceStatus.of(i, metrics);
                if ((all || i.state == InstanceState.RUNNING) && matches(filters, i, status)) {
                    matching.add(i);
                }
            }
            int to = maxResults == null ? matching.size() : Math.min(matching.size(), maxResults);
            ObjectNode result = Json.object();
            ArrayNode set = result.putArray("instanceStatusSet");
            matching.subList(0, to).forEach(i -> set.add(InstanceStatus.of(i, metrics).toXmlTree(i)));
            if (to < matching.size()) {
                result.put("nextToken", PAGES.after(matching.get(to - 1).instanceId));
            }
            return result;
        }
    }

    private static Map<String, List<Pattern>> filters(Params p) {
        Map<String, List<Pattern>> filters = new LinkedHashMap<>();
        for (ObjectNode f : p.objects("Filter")) {
            Params filter = new Params(f, p.errors());
            String name = filter.string("Name");
            if (name == null || name.isEmpty()) {
                throw p.errors().missing("Filter.Name");
            }
            if (!FILTERS.contains(name)) {
                throw Ec2Errors.invalidParameter("The filter '" + name + "' is invalid");
            }
            filters.computeIfAbsent(name, n -> new ArrayList<>())
                    .addAll(filter.strings("Value").stream().map(InstanceFilter::glob).toList());
        }
        return filters;
    }

    private static boolean matches(Map<String, List<Pattern>> filters, Instance i, InstanceStatus status) {
        for (Map.Entry<String, List<Pattern>> f : filters.entrySet()) {
            String value = status.filterValue(i, f.getKey());
            if (value == null || f.getValue().stream().noneMatch(v -> v.matcher(value).matches())) {
                return false;
            }
        }
        return true;
    }


}
