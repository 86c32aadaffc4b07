package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compliance queries (https://docs.aws.amazon.com/config/latest/APIReference/API_DescribeComplianceByConfigRule.html
 * and its siblings). A rule or resource is NON_COMPLIANT when any result says so, COMPLIANT when some result is and
 * none is NON_COMPLIANT, else INSUFFICIENT_DATA; counts are capped as the API reference says: 25 for rules
 * (GetComplianceSummaryByConfigRule), 100 for resources (GetComplianceSummaryByResourceType).
 */
final class ComplianceOperations {
    static final int RULE_CAP = 25;
    static final int RESOURCE_CAP = 100;
    private static final Set<String> RESULT_TYPES = Set.of("COMPLIANT", "NON_COMPLIANT", "NOT_APPLICABLE");
    private static final Set<String> SUMMARY_TYPES = Set.of("COMPLIANT", "NON_COMPLIANT", "INSUFFICIENT_DATA");

    private final RegionalStore<RulesRegion> store;
    private final EmulatorClock clock;

    ComplianceOperations(RegionalStore<RulesRegion> store, EmulatorClock clock) {
        this.store = store;
        this.clock = clock;
    }

    JsonNode byConfigRule(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, ConfigErrors.PARAMS);
        Set<String> wanted = types(p, SUMMARY_TYPES);
        RulesRegion region = store.get(ctx);
        List<ObjectNode> out = new ArrayList<>();
        synchronized (region) {
            for (ConfigRule rule : ConfigRuleOperations.named(region, p.strings("ConfigRuleNames"))) {
                ObjectNode compliance = compliance(rule.results.values(), RESOURCE_CAP);
                if (wanted.isEmpty() || wanted.contains(compliance.path("ComplianceType").asText())) {
                    out.add(entry(Json.object().put("ConfigRuleName", rule.name()), compliance));
                }
            }
        }
        return ConfigPages.page("DescribeComplianceByConfigRule", "ComplianceByConfigRules", out, p, 25);
    }

    JsonNode byResource(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, ConfigErrors.PARAMS);
        String type = p.string("ResourceType");
        String id = p.string("ResourceId");
        if (id != null && type == null) {
            throw ConfigErrors.invalidParameter("The ResourceType is required when a ResourceId is specified.");
        }
        Set<String> wanted = types(p, SUMMARY_TYPES);
        Map<EvaluationResult.Key, List<EvaluationResult>> byResource = new LinkedHashMap<>();
        RulesRegion region = store.get(ctx);
        synchronized (region) {
            for (ConfigRule rule : region.rules.values()) {
                for (EvaluationResult r : rule.results.values()) {
                    if ((type == null || type.equals(r.resourceType())) && (id == null || id.equals(r.resourceId()))) {
                        byResource.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
                    }
                }
            }
        }
        if (id != null && byResource.isEmpty()) {
            byResource.put(new EvaluationResult.Key(type, id), List.of());
        }
        List<ObjectNode> out = new ArrayList<>();
        byResource.forEach((key, results) -> {
            // A resource whose results are all NOT_APPLICABLE (deleted, or out of the rules' scope) is listed as
            // INSUFFICIENT_DATA, as AWS documents: "If Config has no current evaluation results for the resource, it
            // returns INSUFFICIENT_DATA … The rule's Lambda function has returned NOT_APPLICABLE for all evaluation
            // results" (https://docs.aws.amazon.com/config/latest/APIReference/API_DescribeComplianceByResource.html).
            ObjectNode compliance = compliance(results, RULE_CAP);
            String c = compliance.path("ComplianceType").asText();
            if (wanted.isEmpty() || wanted.contains(c)) {
                out.add(entry(Json.object().put("ResourceType", key.resourceType())
                        .put("ResourceId", key.resourceId()), compliance));
            }
        });
        return ConfigPages.page("DescribeComplianceByResource", "ComplianceByResources", out, p, 100);
    }

    JsonNode detailsByConfigRule(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, ConfigErrors.PARAMS);
        String name = p.required("ConfigRuleName");
        Set<String> wanted = types(p, RESULT_TYPES);
        RulesRegion region = store.get(ctx);
        List<ObjectNode> out = new ArrayList<>();
        synchronized (region) {
            for (EvaluationResult r : region.rule(name).results.values()) {
                if (wanted.isEmpty() || wanted.contains(r.complianceType())) {
                    out.add(r.toApi());
                }
            }
        }
        return ConfigPages.page("GetComplianceDetailsByConfigRule", "EvaluationResults", out, p, 100);
    }

    JsonNode detailsByResource(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, ConfigErrors.PARAMS);
        String type = p.required("ResourceType");
        String id = p.required("ResourceId");
        Set<String> wanted = types(p, RESULT_TYPES);
        EvaluationResult.Key key = new EvaluationResult.Key(type, id);
        RulesRegion region = store.get(ctx);
        List<ObjectNode> out = new ArrayList<>();
        synchronized (region) {
            for (ConfigRule rule : region.rules.values()) {
                EvaluationResult r = rule.results.get(key);
                if (r != null && (wanted.isEmpty() || wanted.contains(r.complianceType()))) {
                    out.add(r.toApi());
                }
            }
        }
        return ConfigPages.page("GetComplianceDetailsByResource", "EvaluationResults", out, p, 100);
    }

    JsonNode summaryByConfigRule(RequestContext ctx, ObjectNode input) {
        RulesRegion region = store.get(ctx);
        int compliant = 0;
        int nonCompliant = 0;
        synchronized (region) {
            for (ConfigRule rule : region.rules.values()) {
                String c = compliance(rule.results.values(), RESOURCE_CAP).path("ComplianceType").asText();
                compliant += c.equals("COMPLIANT") ? 1 : 0;
                nonCompliant += c.equals("NON_COMPLIANT") ? 1 : 0;
            }
        }
        ObjectNode out = Json.object();
        out.set("ComplianceSummary", summary(compliant, nonCompliant, RULE_CAP));
        return out;
    }

    JsonNode summaryByResourceType(RequestContext ctx, ObjectNode input) {
        List<String> types = new Params(input, ConfigErrors.PARAMS).strings("ResourceTypes");
        if (types.size() > 100) {
            throw ConfigErrors.PARAMS.invalid("resourceTypes", "[…]", "Member must have length less than or equal to 100");
        }
        Map<EvaluationResult.Key, List<EvaluationResult>> byResource = new LinkedHashMap<>();
        RulesRegion region = store.get(ctx);
        synchronized (region) {
            region.rules.values().forEach(rule -> rule.results.values().forEach(r ->
                    byResource.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r)));
        }
        ObjectNode out = Json.object();
        var list = out.putArray("ComplianceSummariesByResourceType");
        for (String type : types.isEmpty() ? java.util.Collections.<String>singletonList(null) : types) {
            int compliant = 0;
            int nonCompliant = 0;
            for (Map.Entry<EvaluationResult.Key, List<EvaluationResult>> e : byResource.entrySet()) {
                if (type == null || type.equals(e.getKey().resourceType())) {
                    String c = compliance(e.getValue(), RULE_CAP).path("ComplianceType").asText();
                    compliant += c.equals("COMPLIANT") ? 1 : 0;
                    nonCompliant += c.equals("NON_COMPLIANT") ? 1 : 0;
                }
            }
            ObjectNode entry = list.addObject();
            if (type != null) {
                entry.put("ResourceType", type);
            }
            entry.set("ComplianceSummary", summary(compliant, nonCompliant, RESOURCE_CAP));
        }
        return out;
    }

    private static ObjectNode entry(ObjectNode subject, ObjectNode compliance) {
        subject.set("Compliance", compliance);
        return subject;
    }

    /** https://docs.aws.amazon.com/config/latest/APIReference/API_Compliance.html */
    private static ObjectNode compliance(Collection<EvaluationResult> results, int cap) {
        long nonCompliant = results.stream().filter(r -> r.complianceType().equals("NON_COMPLIANT")).count();
        boolean compliant = results.stream().anyMatch(r -> r.complianceType().equals("COMPLIANT"));
        ObjectNode out = Json.object();
        if (nonCompliant > 0) {
            out.put("ComplianceType", "NON_COMPLIANT");
            out.set("ComplianceContributorCount", count(nonCompliant, cap));
        } else {
            out.put("ComplianceType", compliant ? "COMPLIANT" : "INSUFFICIENT_DATA");
        }
        return out;
    }

    private ObjectNode summary(int compliant, int nonCompliant, int cap) {
        ObjectNode out = Json.object();
        out.set("CompliantResourceCount", count(compliant, cap));
        out.set("NonCompliantResourceCount", count(nonCompliant, cap));
        out.put("ComplianceSummaryTimestamp", EvaluationResult.seconds(clock.now()));
        return out;
    }

    /** https://docs.aws.amazon.com/config/latest/APIReference/API_ComplianceContributorCount.html */
    private static ObjectNode count(long n, int cap) {
        return Json.object().put("CappedCount", (int) Math.min(n, cap)).put("CapExceeded", n > cap);
    }

    private static Set<String> types(Params p, Set<String> allowed) {
        List<String> given = p.strings("ComplianceTypes");
        for (String t : given) {
            if (!allowed.contains(t)) {
                throw ConfigErrors.invalidParameter("The ComplianceType " + t + " is not valid here; use one of "
                        + new java.util.TreeSet<>(allowed) + ".");
            }
        }
        return Set.copyOf(given);
    }
}
