package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.NoHandlerException;
import io.selfheal.emulator.messages.InvokeFunction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Invokes a custom Lambda rule's function as AWS Config does: asynchronously ({@code InvocationType=Event}) as
 * {@code config.amazonaws.com}, with the event of
 * https://docs.aws.amazon.com/config/latest/developerguide/evaluate-config_develop-rules_example-events.html —
 * {@code invokingEvent} and {@code ruleParameters} as JSON strings, a {@code resultToken} the function passes back to
 * {@code PutEvaluations}. Callers hold the rule's region monitor.
 */
final class CustomRuleInvoker {
    static final String PRINCIPAL = "config.amazonaws.com";
    /**
     * Above this an item travels as an {@code OversizedConfigurationItemChangeNotification}: an asynchronous
     * invocation's payload may not exceed 256 KB (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html).
     */
    static final int MAX_ITEM_BYTES = 256 * 1024;

    private final EmulatorContext context;
    private final RecorderRole recorders;

    CustomRuleInvoker(EmulatorContext context, RecorderRole recorders) {
        this.context = context;
        this.recorders = recorders;
    }

    /** A configuration change: the full item, or its summary when the item is too large to send. */
    void changed(RulesRegion region, ConfigRule rule, ObjectNode current, ObjectNode previous, boolean leftScope) {
        Instant now = context.clock().now();
        ObjectNode invoking = Json.object();
        if (Json.estimatedBytes(current) > MAX_ITEM_BYTES) {
            if (!rule.definition.oversizedTriggered()) {
                return;
            }
            invoking.set("configurationItemSummary", summary(current, previous));
            invoking.put("notificationCreationTime", EvaluationResult.iso(now));
            invoking.put("messageType", SourceDetail.OVERSIZED);
            invoking.put("recordVersion", "1.0");
        } else {
            invoking.set("configurationItemDiff", ItemDiff.of(previous, current));
            invoking.set("configurationItem", current);
            invoking.put("notificationCreationTime", EvaluationResult.iso(now));
            invoking.put("messageType", SourceDetail.CHANGE);
            invoking.put("recordVersion", "1.3");
        }
        invoke(region, rule, invoking, leftScope, now);
    }

    /** A periodic run, a rule just put or {@code StartConfigRulesEvaluation}: one item as it is now, no diff. */
    void current(RulesRegion region, ConfigRule rule, ObjectNode item) {
        Instant now = context.clock().now();
        ObjectNode invoking = Json.object();
        invoking.putNull("configurationItemDiff");
        invoking.set("configurationItem", item);
        invoking.put("notificationCreationTime", EvaluationResult.iso(now));
        invoking.put("messageType", SourceDetail.CHANGE);
        invoking.put("recordVersion", "1.3");
        invoke(region, rule, invoking, false, now);
    }

    /** A periodic trigger: no item, the rule looks for itself. */
    void scheduled(RulesRegion region, ConfigRule rule) {
        Instant now = context.clock().now();
        ObjectNode invoking = Json.object().put("awsAccountId", rule.accountId)
                .put("notificationCreationTime", EvaluationResult.iso(now))
                .put("messageType", SourceDetail.SCHEDULED).put("recordVersion", "1.0");
        invoke(region, rule, invoking, false, now);
    }

    private void invoke(RulesRegion region, ConfigRule rule, ObjectNode invoking, boolean leftScope, Instant now) {
        ConfigRule.Definition d = rule.definition;
        String token = context.ids().secret(64);
        region.tokens.put(token, new RulesRegion.Grant(rule.name(), rule.id, now));
        ObjectNode event = Json.object();
        event.put("version", "1.0");
        event.put("invokingEvent", Json.write(invoking));
        event.put("ruleParameters", d.inputParameters() != null ? d.inputParameters() : "{}");
        event.put("resultToken", token);
        event.put("eventLeftScope", leftScope);
        event.put("executionRoleArn", recorders.roleArn(rule.accountId, rule.region));
        event.put("configRuleArn", rule.arn);
        event.put("configRuleName", rule.name());
        event.put("configRuleId", rule.id);
        event.put("accountId", rule.accountId);
        event.put("evaluationMode", "DETECTIVE");
        rule.firstEvaluationStarted = true;
        InvokeFunction.Result result;
        try {
            result = context.bus().ask(new InvokeFunction(rule.accountId, rule.region, d.sourceIdentifier(),
                    Json.write(event).getBytes(StandardCharsets.UTF_8), PRINCIPAL, rule.arn, rule.accountId));
        } catch (NoHandlerException e) {
            result = InvokeFunction.Result.refused("ResourceNotFoundException", "Lambda is not running");
        }
        if (result.accepted()) {
            rule.lastSuccessfulInvocationTime = now;
        } else {
            rule.lastFailedInvocationTime = now;
            rule.lastErrorCode = result.errorCode();
            rule.lastErrorMessage = result.errorMessage();
        }
    }

    /** https://docs.aws.amazon.com/config/latest/developerguide/evaluate-config_develop-rules_example-events.html */
    private static ObjectNode summary(ObjectNode current, ObjectNode previous) {
        ObjectNode s = Json.object();
        s.put("changeType", ItemDiff.of(previous, current).path("changeType").asText());
        for (String field : new String[] {"configurationItemVersion", "configurationItemCaptureTime",
                "configurationStateId", "awsAccountId", "configurationItemStatus", "resourceType", "resourceId",
                "resourceName", "ARN", "awsRegion", "availabilityZone", "configurationStateMd5Hash",
                "resourceCreationTime"}) {
            JsonNode v = current.get(field);
            if (v != null) {
                s.set(field, v);
            }
        }
        return s;
    }
}
