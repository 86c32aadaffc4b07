package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.messages.ServiceEvent;
import java.util.List;

/**
 * Keeps each rule's latest result per resource and sends a {@code Config Rules Compliance Change} event to the
 * default bus when, and only when, a resource's compliance type changes (or it is first evaluated), in the shape of
 * https://docs.aws.amazon.com/config/latest/developerguide/example-config-rule-compliance-notification.html inside
 * the envelope of https://docs.aws.amazon.com/config/latest/developerguide/monitor-config-with-cloudwatchevents.html.
 * Callers hold the rule's region monitor.
 */
final class ComplianceLedger {
    static final String SOURCE = "aws.config";
    static final String DETAIL_TYPE = "Config Rules Compliance Change";

    private final EmulatorContext context;

    ComplianceLedger(EmulatorContext context) {
        this.context = context;
    }

    /**
     * Stores a result unless the rule holds a newer one for the resource (by {@code OrderingTimestamp}, as AWS orders
     * results), and announces a change of compliance.
     */
    void record(ConfigRule rule, EvaluationResult result) {
        EvaluationResult old = rule.results.get(result.key());
        if (old != null && result.orderingTimestamp().isBefore(old.orderingTimestamp())) {
            return;
        }
        rule.results.put(result.key(), result);
        if (old == null || !old.complianceType().equals(result.complianceType())) {
            publish(rule, old, result);
        }
    }

    void recordAll(ConfigRule rule, List<EvaluationResult> results) {
        results.forEach(r -> record(rule, r));
    }

    /** Forgets a resource's result: the rule no longer reaches it. */
    void forget(ConfigRule rule, EvaluationResult.Key key) {
        rule.results.remove(key);
    }

    private void publish(ConfigRule rule, EvaluationResult old, EvaluationResult result) {
        ObjectNode detail = Json.object();
        detail.put("resourceId", result.resourceId());
        detail.put("awsRegion", rule.region);
        detail.put("awsAccountId", rule.accountId);
        detail.put("configRuleName", rule.name());
        detail.put("recordVersion", "1.0");
        detail.put("configRuleARN", rule.arn);
        detail.put("messageType", "ComplianceChangeNotification");
        detail.set("newEvaluationResult", result.toNotification());
        if (old != null) {
            detail.set("oldEvaluationResult", old.toNotification());
        }
        detail.put("notificationCreationTime", EvaluationResult.iso(context.clock().now()));
        detail.put("resourceType", result.resourceType());
        context.bus().publish(new ServiceEvent(rule.accountId, rule.region, SOURCE, DETAIL_TYPE, List.of(), detail,
                context.clock().now()));
    }
}
