package io.selfheal.emulator.services.guardduty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.PageToken;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CreateSampleFindings, ListFindings, GetFindings, GetFindingsStatistics, ArchiveFindings, UnarchiveFindings,
 * UpdateFindingsFeedback (https://docs.aws.amazon.com/guardduty/latest/APIReference/API_ListFindings.html …).
 */
final class FindingOperations {
    private static final PageToken PAGES = new PageToken("findings");

    private final RegionalStore<GuardDutyRegion> store;
    private final Occurrences occurrences;

    FindingOperations(RegionalStore<GuardDutyRegion> store, Occurrences occurrences) {
        this.store = store;
        this.occurrences = occurrences;
    }

    /**
     * One sample per type asked for (every supported type when none is): placeholder resources and
     * {@code additionalInfo.sample: true} (https://docs.aws.amazon.com/guardduty/latest/ug/sample_findings.html).
     * Asking again for a type makes the same sample recur.
     */
    JsonNode createSamples(RequestContext ctx, ObjectNode input) {
        Detector d = detector(ctx, input);
        List<FindingType> types = new ArrayList<>();
        for (String name : strings(input, "findingTypes", 50)) {
            FindingType type = FindingTypes.find(name);
            if (type == null) {
                throw GuardDutyErrors.invalidValue("findingTypes");
            }
            types.add(type);
        }
        if (types.isEmpty()) {
            types.addAll(FindingTypes.all());
        }
        for (FindingType type : types) {
            occurrences.observe(d, SampleFindings.observation(type, ctx.accountId()));
        }
        return Json.object();
    }

    JsonNode list(RequestContext ctx, ObjectNode input) {
        Detector d = detector(ctx, input);
        FindingCriteria criteria = FindingCriteria.parse(input.get("findingCriteria"));
        Comparator<ObjectNode> order = order(input.get("sortCriteria"));
        int max = maxResults(input.get("maxResults"));
        String token = input.path("nextToken").asText(null);
        int offset = offset(token);
        List<ObjectNode> matching = new ArrayList<>();
        synchronized (d) {
            for (Finding f : d.findings.values()) {
                ObjectNode detail = f.detail();
                if (criteria.matches(detail)) {
                    matching.add(detail);
                }
            }
        }
        if (order != null) {
            matching.sort(order);
        }
        ObjectNode out = Json.object();
        ArrayNode ids = out.putArray("findingIds");
        int end = Math.min(matching.size(), offset + max);
        for (int i = offset; i < end; i++) {
            ids.add(matching.get(i).path("id").asText());
        }
        if (end < matching.size()) {
            out.put("nextToken", PAGES.encode(end));
        }
        return out;
    }

    JsonNode get(RequestContext ctx, ObjectNode input) {
        Detector d = detector(ctx, input);
        List<String> ids = requiredIds(input);
        Comparator<ObjectNode> order = order(input.get("sortCriteria"));
        List<ObjectNode> found = new ArrayList<>();
        synchronized (d) {
            for (String id : ids) {
                Finding f = d.findings.get(id);
                if (f != null) {
                    found.add(f.api());
                }
            }
        }
        if (order != null) {
            found.sort(order);
        }
        ObjectNode out = Json.object();
        out.putArray("findings").addAll(found);
        return out;
    }

    /** COUNT_BY_SEVERITY, and the GroupBy views by SEVERITY and FINDING_TYPE. */
    JsonNode statistics(RequestContext ctx, ObjectNode input) {
        Detector d = detector(ctx, input);
        FindingCriteria criteria = FindingCriteria.parse(input.get("findingCriteria"));
        List<String> types = strings(input, "findingStatisticTypes", 10);
        String groupBy = input.path("groupBy").asText(null);
        if (types.stream().anyMatch(t -> !t.equals("COUNT_BY_SEVERITY"))) {
            throw GuardDutyErrors.invalidValue("findingStatisticTypes");
        }
        if (groupBy != null && !groupBy.equals("SEVERITY") && !groupBy.equals("FINDING_TYPE")) {
            throw GuardDutyErrors.badRequest("The request is rejected because groupBy " + groupBy
                    + " is not supported by this emulator; use SEVERITY or FINDING_TYPE.");
        }
        Map<String, Integer> bySeverity = new TreeMap<>();
        Map<String, long[]> grouped = new TreeMap<>(); // key → {count, last generated epoch ms}
        synchronized (d) {
            for (Finding f : d.findings.values()) {
                if (!criteria.matches(f.detail())) {
                    continue;
                }
                bySeverity.merge(String.valueOf(f.severity), 1, Integer::sum);
                String key = "FINDING_TYPE".equals(groupBy) ? f.type.name() : String.valueOf(f.severity);
                long[] g = grouped.computeIfAbsent(key, k -> new long[2]);
                g[0]++;
                g[1] = Math.max(g[1], f.updatedAt.toEpochMilli());
            }
        }
        ObjectNode out = Json.object();
        ObjectNode stats = out.putObject("findingStatistics");
        if (!types.isEmpty() || groupBy == null) {
            ObjectNode counts = stats.putObject("countBySeverity");
            bySeverity.forEach(counts::put);
        }
        if (groupBy != null) {
            ArrayNode list = stats.putArray("FINDING_TYPE".equals(groupBy) ? "groupedByFindingType"
                    : "groupedBySeverity");
            grouped.forEach((key, g) -> {
                ObjectNode row = list.addObject();
                if ("FINDING_TYPE".equals(groupBy)) {
                    row.put("findingType", key);
                } else {
                    row.put("severity", Double.parseDouble(key));
                }
                row.put("lastGeneratedAt", g[1] / 1000.0).put("totalFindings", (int) g[0]);
            });
        }
        return out;
    }

    JsonNode archive(RequestContext ctx, ObjectNode input) {
        return setArchived(ctx, input, true);
    }

    JsonNode unarchive(RequestContext ctx, ObjectNode input) {
        return setArchived(ctx, input, false);
    }

    private JsonNode setArchived(RequestContext ctx, ObjectNode input, boolean archived) {
        Detector d = detector(ctx, input);
        List<String> ids = requiredIds(input);
        synchronized (d) {
            for (String id : ids) {
                Finding f = d.findings.get(id);
                if (f != null) {
                    f.archived = archived;
                }
            }
        }
        return Json.object();
    }

    JsonNode feedback(RequestContext ctx, ObjectNode input) {
        Detector d = detector(ctx, input);
        List<String> ids = requiredIds(input);
        String feedback = input.path("feedback").asText(null);
        if (feedback == null) {
            throw GuardDutyErrors.PARAMS.missing("feedback");
        }
        if (!feedback.equals("USEFUL") && !feedback.equals("NOT_USEFUL")) {
            throw GuardDutyErrors.invalidValue("feedback");
        }
        synchronized (d) {
            for (String id : ids) {
                Finding f = d.findings.get(id);
                if (f != null) {
                    f.feedback = feedback;
                }
            }
        }
        return Json.object();
    }

    private Detector detector(RequestContext ctx, ObjectNode input) {
        return store.get(ctx).require(input.path("DetectorId").asText(null));
    }

    private static List<String> requiredIds(ObjectNode input) {
        if (!input.has("findingIds")) {
            throw GuardDutyErrors.PARAMS.missing("findingIds");
        }
        return strings(input, "findingIds", 50);
    }

    private static List<String> strings(ObjectNode input, String name, int max) {
        JsonNode node = input.get(name);
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray() || node.size() > max) {
            throw GuardDutyErrors.invalidValue(name);
        }
        node.forEach(v -> out.add(v.asText()));
        return out;
    }

    static int maxResults(JsonNode node) {
        if (node == null || node.isNull()) {
            return 50;
        }
        int max = node.asInt(-1);
        if (!node.canConvertToInt() && !node.isTextual() || max < 1 || max > 50) {
            throw GuardDutyErrors.invalidValue("maxResults");
        }
        return max;
    }

    private static int offset(String token) {
        String payload = PAGES.decode(token, t -> GuardDutyErrors.invalidValue("nextToken"));
        if (payload == null) {
            return 0;
        }
        try {
            return Integer.parseInt(payload);
        } catch (NumberFormatException e) {
            throw GuardDutyErrors.invalidValue("nextToken");
        }
    }

    /** SortCriteria: an attribute path and ASC (the default) or DESC; numbers and times sort as such. */
    private static Comparator<ObjectNode> order(JsonNode sort) {
        if (sort == null || sort.isNull()) {
            return null;
        }
        String attribute = sort.path("attributeName").asText(null);
        String orderBy = sort.path("orderBy").asText("ASC");
        if (attribute == null || attribute.isBlank() || !(orderBy.equals("ASC") || orderBy.equals("DESC"))) {
            throw GuardDutyErrors.invalidValue("sortCriteria");
        }
        String[] path = attribute.split("\\.");
        Comparator<ObjectNode> c = (a, b) -> compare(at(a, path), at(b, path));
        return orderBy.equals("DESC") ? c.reversed() : c;
    }

    private static JsonNode at(JsonNode node, String[] path) {
        JsonNode n = node;
        for (String step : path) {
            n = n.path(step);
        }
        return n;
    }

    private static int compare(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return Double.compare(a.asDouble(), b.asDouble());
        }
        return a.asText("").compareTo(b.asText(""));
    }
}
