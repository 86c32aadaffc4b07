package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.EpochSeconds;
import io.selfheal.emulator.service.Params;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code PutEvaluations}: a custom rule's function reports its results with the {@code resultToken} of the event it
 * was invoked with (https://docs.aws.amazon.com/config/latest/APIReference/API_PutEvaluations.html).
 */
final class EvaluationOperations {
    static final int MAX_EVALUATIONS = 100;
    private static final Set<String> REPORTABLE = Set.of("COMPLIANT", "NON_COMPLIANT", "NOT_APPLICABLE");

    private final RegionalStore<RulesRegion> store;
    private final ComplianceLedger ledger;
    private final EmulatorClock clock;

    EvaluationOperations(RegionalStore<RulesRegion> store, ComplianceLedger ledger, EmulatorClock clock) {
        this.store = store;
        this.ledger = ledger;
        this.clock = clock;
    }

    JsonNode put(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, ConfigErrors.PARAMS);
        String token = p.required("ResultToken");
        JsonNode given = p.node("Evaluations");
        if (given != null && given.size() > MAX_EVALUATIONS) {
            throw ConfigErrors.PARAMS.invalid("evaluations", "[…]",
                    "Member must have length less than or equal to " + MAX_EVALUATIONS);
        }
        boolean testMode = p.bool("TestMode", false);
        RulesRegion region = store.get(ctx);
        synchronized (region) {
            RulesRegion.Grant grant = region.tokens.get(token);
            ConfigRule rule = grant == null ? null : region.rules.get(grant.ruleName());
            if (rule == null || !rule.id.equals(grant.ruleId())) {
                throw ConfigErrors.invalidResultToken();
            }
            Instant now = clock.now();
            List<EvaluationResult> results = new ArrayList<>();
            if (given != null) {
                for (JsonNode e : given) {
                    results.add(result(rule, e, grant.invokedTime(), now));
                }
            }
            if (!testMode) {
                ledger.recordAll(rule, results);
                rule.lastSuccessfulEvaluationTime = now;
            }
        }
        ObjectNode out = Json.object();
        out.putArray("FailedEvaluations");
        return out;
    }

    /**
     * {@code PutExternalEvaluation}: the result of a process check, a rule with the managed identifier
     * {@code AWS_CONFIG_PROCESS_CHECK} that Config never evaluates itself, for the account
     * (https://docs.aws.amazon.com/config/latest/APIReference/API_PutExternalEvaluation.html,
     * https://docs.aws.amazon.com/config/latest/APIReference/API_ExternalEvaluation.html: resource type
     * {@code AWS::::Account}, resource id the account's; any other rule is {@code NoSuchConfigRuleException}).
     */
    JsonNode putExternal(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, ConfigErrors.PARAMS);
        String name = p.required("ConfigRuleName");
        JsonNode given = p.requiredNode("ExternalEvaluation");
        RulesRegion region = store.get(ctx);
        synchronized (region) {
            ConfigRule rule = region.rules.get(name);
            if (rule == null || rule.definition.managed() == null
                    || !rule.definition.managed().identifier().equals(ProcessCheck.IDENTIFIER)) {
                throw io.selfheal.emulator.core.AwsException.badRequest("NoSuchConfigRuleException", "The AWS Config rule in the request is not valid. Verify that the rule "
                        + "is an AWS Config Process Check rule, that the rule name is correct, and that valid Amazon "
                        + "Resouce Names (ARNs) are used before trying again.");
            }
            Instant now = clock.now();
            EvaluationResult result = result(rule, given, now, now);
            if (!result.resourceType().equals(ProcessCheck.ACCOUNT_TYPE)
                    || !result.resourceId().equals(ctx.accountId())) {
                throw ConfigErrors.invalidParameter("The external evaluation must be for resource type "
                        + ProcessCheck.ACCOUNT_TYPE + " and this account's id " + ctx.accountId() + ".");
            }
            ledger.record(rule, result);
            rule.lastSuccessfulEvaluationTime = now;
        }
        return null;
    }

    /** https://docs.aws.amazon.com/config/latest/APIReference/API_Evaluation.html */
    private static EvaluationResult result(ConfigRule rule, JsonNode e, Instant invoked, Instant now) {
        String type = member(e, "ComplianceResourceType", 256);
        String id = member(e, "ComplianceResourceId", 768);
        String compliance = member(e, "ComplianceType", 64);
        if (!REPORTABLE.contains(compliance)) {
            throw ConfigErrors.invalidParameter("The ComplianceType " + compliance + " is not valid in an "
                    + "evaluation: use COMPLIANT, NON_COMPLIANT or NOT_APPLICABLE (INSUFFICIENT_DATA cannot be "
                    + "reported).");
        }
        String annotation = e.path("Annotation").asText(null);
        if (annotation != null && (annotation.isEmpty() || annotation.length() > 256)) {
            throw ConfigErrors.PARAMS.invalid("evaluations.member.annotation", annotation,
                    "Member must have length less than or equal to 256");
        }
        JsonNode ordering = e.get("OrderingTimestamp");
        if (ordering == null || ordering.isNull()) {
            throw ConfigErrors.PARAMS.missing("evaluations.member.orderingTimestamp");
        }
        Instant orderedAt;
        try {
            orderedAt = EpochSeconds.looksNumeric(ordering) ? EpochSeconds.toInstant(ordering)
                    : Instant.parse(ordering.asText());
        } catch (DateTimeException ex) {
            throw ConfigErrors.invalidParameter("The OrderingTimestamp " + ordering.asText() + " is not valid.");
        }
        return new EvaluationResult(rule.name(), type, id, compliance, annotation, orderedAt, invoked, now);
    }

    private static String member(JsonNode e, String name, int max) {
        String value = e.path(name).asText(null);
        if (value == null) {
            throw ConfigErrors.PARAMS.missing("evaluations.member." + Character.toLowerCase(name.charAt(0))
                    + name.substring(1));
        }
        if (value.isEmpty() || value.length() > max) {
            throw ConfigErrors.PARAMS.invalid("evaluations.member." + name, value,
                    "Member must have length between 1 and " + max);
        }
        return value;
    }
}
