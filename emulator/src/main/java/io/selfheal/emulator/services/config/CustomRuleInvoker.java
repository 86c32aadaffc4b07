package io.selfheal.emulator.services.config;

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
    private final EmulatorContext context;
    private final RecorderRole recorders;

    CustomRuleInvoker(EmulatorContext context, RecorderRole recorders) {
        this.context = context;
        this.recorders = recorders;
    }

    /**
     * A configuration change: its notification as the recorder made it — the full item, or the oversized summary
     * (sent as an {@code OversizedConfigurationItemChangeNotification}, delivery failed or not) only to a rule that
     * subscribed to that message type.
     */
    void changed(RulesRegion region, ConfigRule rule, ObjectNode notification, boolean leftScope) {
        ObjectNode invoking = notification;
        if (ChangeNotifications.oversized(notification)) {
            if (!rule.definition.oversizedTriggered()) {
                return;
            }
            invoking = notification.deepCopy().put("messageType", SourceDetail.OVERSIZED);
        }
        invoke(region, rule, invoking, leftScope, context.clock().now());
    }

    /**
     * A periodic run, a rule just put or {@code StartConfigRulesEvaluation}: one item as it is now, no diff; an item
     * too large for that goes as the oversized notification made when it was recorded (its summary and S3 copy).
     */
    void current(RulesRegion region, ConfigRule rule, ObjectNode item, ObjectNode oversized) {
        Instant now = context.clock().now();
        if (oversized != null) {
            if (rule.definition.oversizedTriggered()) {
                invoke(region, rule, oversized.deepCopy().put("notificationCreationTime", EvaluationResult.iso(now))
                        .put("messageType", SourceDetail.OVERSIZED), false, now);
            }
            return;
        }
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
        InvokeFunction invocation = new InvokeFunction(rule.accountId, rule.region, d.sourceIdentifier(),
                Json.write(event).getBytes(StandardCharsets.UTF_8), PRINCIPAL, rule.arn, rule.accountId);
        // Handed over off the caller's thread: callers hold the region's rules monitor, and handing an event to
        // Lambda may start a sandbox (its Runtime API server binds on the emulator's I/O threads), while an I/O thread
        // may be serving a rule request that waits for that monitor. Tracked, so the emulator is not idle before.
        context.workers().execute(context.activity().track(() -> {
            InvokeFunction.Result result;
            try {
                result = context.bus().ask(invocation);
            } catch (NoHandlerException e) {
                result = InvokeFunction.Result.refused("ResourceNotFoundException", "Lambda is not running");
            }
            synchronized (region) {
                if (result.accepted()) {
                    rule.lastSuccessfulInvocationTime = now;
                } else {
                    rule.lastFailedInvocationTime = now;
                    rule.lastErrorCode = result.errorCode();
                    rule.lastErrorMessage = result.errorMessage();
                }
            }
        }));
    }
}
