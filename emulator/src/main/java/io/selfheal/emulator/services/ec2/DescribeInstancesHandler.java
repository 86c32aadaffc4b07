package io.selfheal.emulator.services.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.List;
import java.util.function.Predicate;

/**
 * DescribeInstances: {@code InstanceId.N} (every id must exist), {@code Filter.N}, and {@code MaxResults}/{@code
 * NextToken} paging over instances in launch order (5 to 1000 a page, and not together with instance ids, as the
 * reference says). A page's instances are grouped into their reservations.
 */
final class DescribeInstancesHandler {
    private static final int MIN_RESULTS = 5;
    private static final int MAX_RESULTS = 1000;
    private static final InstancePageToken PAGES = new InstancePageToken("DescribeInstances");

    private final RegionalStore<Ec2Region> store;

    DescribeInstancesHandler(RegionalStore<Ec2Region> store) {
        this.store = store;
    }

    JsonNode describeInstances(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        List<String> ids = InstanceIds.optional(p);
        Predicate<Instance> filter = InstanceFilter.parse(p);
        Integer maxResults = p.integer("MaxResults");
        if (maxResults != null && !ids.isEmpty()) {
            throw Ec2Errors.invalidCombination("The parameter instancesSet cannot be used with the parameter maxResults");
        }
        if (maxResults != null && (maxResults < MIN_RESULTS || maxResults > MAX_RESULTS)) {
            throw p.errors().invalid("MaxResults", maxResults.toString(),
                    "Expecting a value between " + MIN_RESULTS + " and " + MAX_RESULTS + ".");
        }
        String nextToken = p.string("NextToken");
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            List<Instance> candidates = ids.isEmpty() ? region.all() : InstanceIds.resolve(region, ids);
            int from = nextToken == null || nextToken.isEmpty() ? 0 : PAGES.positionAfter(candidates, nextToken);
            List<Instance> matching = candidates.subList(from, candidates.size()).stream()
                    .filter(filter).toList();
            int to = maxResults == null ? matching.size() : Math.min(matching.size(), maxResults);
            List<Instance> page = matching.subList(0, to);
            ObjectNode result = Json.object();
            result.set("reservationSet", InstanceXml.reservationSet(page));
            if (to < matching.size()) {
                result.put("nextToken", PAGES.after(page.get(page.size() - 1).instanceId));
            }
            return result;
        }
    }


}
