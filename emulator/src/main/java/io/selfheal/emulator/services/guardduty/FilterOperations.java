package io.selfheal.emulator.services.guardduty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.PageToken;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CreateFilter, GetFilter, ListFilters, UpdateFilter, DeleteFilter. A filter with action ARCHIVE is a suppression
 * rule: findings it matches are archived as they arrive and never sent to EventBridge; findings that existed before
 * the rule are left as they were (https://docs.aws.amazon.com/guardduty/latest/ug/findings_suppression-rule.html).
 */
final class FilterOperations {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{3,64}");
    private static final PageToken PAGES = new PageToken("filters");

    private final RegionalStore<GuardDutyRegion> store;

    FilterOperations(RegionalStore<GuardDutyRegion> store) {
        this.store = store;
    }

    JsonNode create(RequestContext ctx, ObjectNode input) {
        Detector d = store.get(ctx).require(input.path("DetectorId").asText(null));
        String name = input.path("name").asText(null);
        if (name == null) {
            throw GuardDutyErrors.PARAMS.missing("name");
        }
        if (!NAME.matcher(name).matches()) {
            throw GuardDutyErrors.invalidValue("name");
        }
        if (!input.has("findingCriteria")) {
            throw GuardDutyErrors.PARAMS.missing("findingCriteria");
        }
        FindingCriteria criteria = FindingCriteria.parse(input.get("findingCriteria"));
        String action = action(input, "NOOP");
        synchronized (d) {
            if (d.filters.containsKey(name)) {
                throw GuardDutyErrors.badRequest("The request is rejected because a filter with the name " + name
                        + " already exists.");
            }
            Filter f = new Filter(name);
            f.description = input.path("description").asText(null);
            f.action = action;
            f.rank = rank(input, d.filters.size() + 1);
            f.findingCriteria = (ObjectNode) input.get("findingCriteria").deepCopy();
            f.criteria = criteria;
            f.tags.putAll(DetectorOperations.tags(input.get("tags")));
            d.filters.put(name, f);
        }
        return Json.object().put("name", name);
    }

    JsonNode get(RequestContext ctx, ObjectNode input) {
        Detector d = store.get(ctx).require(input.path("DetectorId").asText(null));
        synchronized (d) {
            Filter f = filter(d, input);
            ObjectNode out = Json.object().put("name", f.name).put("description", f.description)
                    .put("action", f.action).put("rank", f.rank);
            out.set("findingCriteria", f.findingCriteria.deepCopy());
            ObjectNode tags = out.putObject("tags");
            f.tags.forEach(tags::put);
            return out;
        }
    }

    JsonNode list(RequestContext ctx, ObjectNode input) {
        Detector d = store.get(ctx).require(input.path("DetectorId").asText(null));
        int max = DetectorOperations.maxResults(input);
        String payload = PAGES.decode(input.path("nextToken").asText(null),
                t -> GuardDutyErrors.invalidValue("nextToken"));
        List<String> names;
        synchronized (d) {
            names = new ArrayList<>(d.filters.keySet());
        }
        int from = 0;
        if (payload != null) {
            from = names.indexOf(payload) + 1;
        }
        ObjectNode out = Json.object();
        ArrayNode page = out.putArray("filterNames");
        int end = Math.min(names.size(), from + max);
        for (int i = from; i < end; i++) {
            page.add(names.get(i));
        }
        if (end < names.size()) {
            out.put("nextToken", PAGES.encode(names.get(end - 1)));
        }
        return out;
    }

    JsonNode update(RequestContext ctx, ObjectNode input) {
        Detector d = store.get(ctx).require(input.path("DetectorId").asText(null));
        FindingCriteria criteria = input.has("findingCriteria")
                ? FindingCriteria.parse(input.get("findingCriteria")) : null;
        synchronized (d) {
            Filter f = filter(d, input);
            if (input.has("description")) {
                f.description = input.path("description").asText(null);
            }
            f.action = action(input, f.action);
            f.rank = rank(input, f.rank);
            if (criteria != null) {
                f.findingCriteria = (ObjectNode) input.get("findingCriteria").deepCopy();
                f.criteria = criteria;
            }
            return Json.object().put("name", f.name);
        }
    }

    JsonNode delete(RequestContext ctx, ObjectNode input) {
        Detector d = store.get(ctx).require(input.path("DetectorId").asText(null));
        synchronized (d) {
            d.filters.remove(filter(d, input).name);
        }
        return Json.object();
    }

    private static Filter filter(Detector d, ObjectNode input) {
        Filter f = d.filters.get(input.path("FilterName").asText(""));
        if (f == null) {
            throw GuardDutyErrors.badRequest("The request is rejected since no such resource found.");
        }
        return f;
    }

    private static String action(ObjectNode input, String fallback) {
        if (!input.hasNonNull("action")) {
            return fallback;
        }
        String action = input.get("action").asText();
        if (!action.equals("NOOP") && !action.equals("ARCHIVE")) {
            throw GuardDutyErrors.invalidValue("action");
        }
        return action;
    }

    private static int rank(ObjectNode input, int fallback) {
        if (!input.hasNonNull("rank")) {
            return fallback;
        }
        int rank = input.get("rank").asInt(0);
        if (!input.get("rank").canConvertToInt() || rank < 1 || rank > 100) {
            throw GuardDutyErrors.invalidValue("rank");
        }
        return rank;
    }
}
