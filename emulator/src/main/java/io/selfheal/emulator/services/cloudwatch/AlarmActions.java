package io.selfheal.emulator.services.cloudwatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.messages.Delivery;
import io.selfheal.emulator.messages.InvokeFunction;
import io.selfheal.emulator.messages.PublishToTopic;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the actions of an alarm's new state when its actions are enabled, asking SNS and Lambda over the bus as the
 * CloudWatch service principals do (SNS: {@code cloudwatch.amazonaws.com}; Lambda:
 * {@code lambda.alarms.cloudwatch.amazonaws.com}, "Lambda alarm actions" in the User Guide). Every attempt becomes an
 * {@code Action} history item, successful or not; nothing here throws, since it runs on the clock's timers.
 * EC2 ({@code arn:aws:automate:…}) and Systems Manager actions are kept and shown but not run: recorded as failed.
 */
final class AlarmActions {
    static final String SNS_PRINCIPAL = "cloudwatch.amazonaws.com";
    static final String LAMBDA_PRINCIPAL = "lambda.alarms.cloudwatch.amazonaws.com";
    private static final Logger LOG = Logger.getLogger(AlarmActions.class.getName());

    private final EmulatorContext context;

    AlarmActions(EmulatorContext context) {
        this.context = context;
    }

    void run(CloudWatchRegion region, AlarmTransition t) {
        if (!t.definition().actionsEnabled()) {
            return;
        }
        for (String arn : t.definition().actionsFor(t.current().value())) {
            ObjectNode data = Json.object();
            String failure;
            try {
                failure = execute(arn, t, data);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "alarm action " + arn + " failed", e);
                failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            ObjectNode history = Json.object().put("actionState", failure == null ? "Succeeded" : "Failed")
                    .put("stateUpdateTimestamp", t.current().timestamp().toEpochMilli());
            history.setAll(data);
            String summary;
            if (failure == null) {
                summary = "Successfully executed action " + arn;
            } else {
                history.put("error", failure);
                summary = "Failed to execute action " + arn + ". Received error: \"" + failure + "\"";
            }
            region.record(new AlarmHistoryItem(t.definition().name(), "MetricAlarm",
                    context.clock().now().truncatedTo(ChronoUnit.MILLIS), AlarmHistoryItem.ACTION, summary,
                    history.toString()));
        }
    }

    /** @return null on success, else the error to record */
    private String execute(String arn, AlarmTransition t, ObjectNode data) {
        String[] parts = arn.split(":", 7);
        String service = parts.length > 2 ? parts[2] : "";
        if (service.equals("sns")) {
            String message = AlarmNotification.snsMessage(t);
            Delivery d = context.bus().ask(new PublishToTopic(arn, message, AlarmNotification.subject(t), Map.of(),
                    SNS_PRINCIPAL, t.arn()), Delivery.class);
            data.put("notificationResource", arn).put("publishedMessage", message);
            return d.accepted() ? null : d.errorCode() + ": " + d.errorMessage();
        }
        if (service.equals("lambda")) {
            InvokeFunction.Result r = context.bus().ask(new InvokeFunction(t.accountId(), t.region(), arn,
                    AlarmNotification.lambdaPayload(t), LAMBDA_PRINCIPAL, t.arn(), t.accountId()),
                    InvokeFunction.Result.class);
            data.put("notificationResource", arn);
            if (r.accepted()) {
                data.put("requestId", r.requestId());
                return null;
            }
            return r.errorCode() + ": " + r.errorMessage();
        }
        return "The selfheal emulator does not run " + service + " alarm actions yet; the action was not run";
    }
}
