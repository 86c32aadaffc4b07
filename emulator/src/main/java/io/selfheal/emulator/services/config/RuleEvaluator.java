package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.RegionalStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decides when rules evaluate and runs them (https://docs.aws.amazon.com/config/latest/developerguide/evaluate-config-rules.html):
 * on a configuration change of a resource in scope, periodically on the emulator clock, when a rule is put and on
 * {@code StartConfigRulesEvaluation}. Managed rules are evaluated here through {@link ManagedRule}; custom Lambda
 * rules are invoked through {@link CustomRuleInvoker} and answer later with {@code PutEvaluations}.
 */
final class RuleEvaluator {
    private static final Logger LOG = Logger.getLogger(RuleEvaluator.class.getName());

    private final EmulatorContext context;
    private final RegionalStore<RulesRegion> store;
    private final ConfigurationItems items;
    private final ComplianceLedger ledger;
    private final CustomRuleInvoker custom;

    RuleEvaluator(EmulatorContext context, RegionalStore<RulesRegion> store, ConfigurationItems items,
                  ComplianceLedger ledger, CustomRuleInvoker custom) {
        this.context = context;
        this.store = store;
        this.items = items;
        this.ledger = ledger;
        this.custom = custom;
    }

    /** A configuration-change trigger: every change-triggered rule whose scope held or holds the resource. */
    void changed(ConfigurationItemChange change) {
        RulesRegion region = store.find(change.accountId(), change.region());
        if (region == null || change.current() == null) {
            return;
        }
        synchronized (region) {
            for (ConfigRule rule : region.rules.values()) {
                ConfigRule.Definition d = rule.definition;
                if (!d.changeTriggered()) {
                    continue;
                }
                ObjectNode current = change.current();
                ObjectNode previous = change.previous();
                boolean deleted = ConfigItems.deleted(current);
                boolean wasIn = previous != null && d.inScope(previous);
                // A deleted resource's last item carries no tags: it is judged by the scope it was in.
                boolean isIn = d.inScope(current) || deleted && wasIn;
                if (isIn || wasIn) {
                    changed(region, rule, change, wasIn && !isIn);
                }
            }
        }
    }

    private void changed(RulesRegion region, ConfigRule rule, ConfigurationItemChange change, boolean leftScope) {
        if (rule.definition.managed() == null) {
            custom.changed(region, rule, change.notification(), leftScope);
            return;
        }
        ObjectNode current = change.current();
        Instant invoked = context.clock().now();
        Instant ordering = captureTime(current, invoked);
        if (leftScope) {
            // Out of the rule's scope now: AWS reports the resource NOT_APPLICABLE to the rule.
            ledger.record(rule, new EvaluationResult(rule.name(), current.path("resourceType").asText(),
                    current.path("resourceId").asText(), "NOT_APPLICABLE", null, ordering, invoked, invoked));
            succeeded(rule, invoked);
            return;
        }
        evaluateManaged(rule, current, invoked, ordering);
    }

    /** Evaluates every resource in a rule's scope as it is now (rule put, periodic run, on demand). */
    void evaluateAll(RulesRegion region, ConfigRule rule) {
        ConfigRule.Definition d = rule.definition;
        if (d.managed() == null && d.periodic() != null) {
            custom.scheduled(region, rule);
        }
        if (d.managed() == null && !d.changeTriggered()) {
            return;
        }
        Instant invoked = context.clock().now();
        List<String> types = d.resourceTypes() != null ? d.resourceTypes() : RecordingGroup.SUPPORTED;
        boolean any = false;
        for (String type : types) {
            for (ObjectNode item : items.current(rule.accountId, rule.region, type)) {
                if (!d.inScope(item)) {
                    continue;
                }
                any = true;
                if (d.managed() != null) {
                    evaluateManaged(rule, item, invoked, invoked);
                } else {
                    custom.current(region, rule, item, items.oversizedNotification(rule.accountId, rule.region, type,
                            item.path("resourceId").asText()));
                }
            }
        }
        if (!any && d.managed() != null) {
            succeeded(rule, invoked);
        }
    }

    private void evaluateManaged(ConfigRule rule, ObjectNode item, Instant invoked, Instant ordering) {
        ConfigRule.Definition d = rule.definition;
        rule.firstEvaluationStarted = true;
        List<RuleEvaluation> evaluations;
        try {
            evaluations = d.managed().evaluate(item, d.parameters(), items);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "managed rule " + d.sourceIdentifier() + " failed", e);
            rule.lastFailedEvaluationTime = invoked;
            rule.lastErrorCode = "InternalError";
            rule.lastErrorMessage = "The managed rule " + d.sourceIdentifier() + " could not evaluate "
                    + item.path("resourceId").asText();
            return;
        }
        if (evaluations.isEmpty()) {
            ledger.forget(rule, new EvaluationResult.Key(item.path("resourceType").asText(),
                    item.path("resourceId").asText()));
        }
        List<EvaluationResult> results = new ArrayList<>();
        for (RuleEvaluation e : evaluations) {
            results.add(new EvaluationResult(rule.name(), e.resourceType(), e.resourceId(), e.complianceType(),
                    trim(e.annotation()), ordering, invoked, context.clock().now()));
        }
        ledger.recordAll(rule, results);
        succeeded(rule, invoked);
    }

    /** An annotation holds at most 256 characters (API_Evaluation). */
    private static String trim(String annotation) {
        return annotation == null || annotation.length() <= 256 ? annotation : annotation.substring(0, 256);
    }

    private static void succeeded(ConfigRule rule, Instant at) {
        rule.firstEvaluationStarted = true;
        rule.lastSuccessfulInvocationTime = at;
        rule.lastSuccessfulEvaluationTime = at;
    }

    /** The item's capture time orders its results; the invocation time when the item has none. */
    private static Instant captureTime(ObjectNode item, Instant fallback) {
        String text = item.path("configurationItemCaptureTime").asText(null);
        try {
            return text == null ? fallback : Instant.parse(text);
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
