package io.selfheal.emulator.services.cloudwatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.messages.ArnTargets;
import io.selfheal.emulator.messages.Delivery;
import io.selfheal.emulator.messages.InstanceAlarmAction;
import io.selfheal.emulator.messages.InvokeFunction;
import io.selfheal.emulator.messages.PublishToTopic;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the actions of an alarm's new state when its actions are enabled, asking SNS and Lambda over the bus as the
 * CloudWatch service principals do (SNS: {@code cloudwatch.amazonaws.com}; Lambda:
 * {@code lambda.alarms.cloudwatch.amazonaws.com}, "Lambda alarm actions" in the User Guide). Every attempt becomes an
 * {@code Action} history item, successful or not; nothing here throws, since it runs on the clock's timers.
 * EC2 actions ({@code arn:aws:automate:<region>:ec2:stop|terminate|reboot|recover}) are asked of EC2 over the bus
 * ({@link InstanceAlarmAction}) for the metric's {@code InstanceId}; Systems Manager actions are kept and shown but
 * not run: recorded as failed.
 */
final class AlarmActions {
    static final String SNS_PRINCIPAL = "cloudwatch.amazonaws.com";
    static final String LAMBDA_PRINCIPAL = "lambda.alarms.cloudwatch.amazonaws.com";
    private static final Logger LOG = Logger.getLogger(AlarmActions.class.getName());

    private final EmulatorContext context;

    AlarmActions(EmulatorContext context) {
        this.context = context;
    }

    /**
     * What an action needs to know of the alarm whose state changed, metric or composite alike.
     *
     * @param instanceId the metric's {@code InstanceId} dimension, for EC2 actions; null when there is none
     */
    record Request(String alarmName, String alarmType, String alarmArn, String accountId, String region,
                   AlarmState current, boolean actionsEnabled, List<String> actions, String subject,
                   String snsMessage, byte[] lambdaPayload, String instanceId) {
        static Request of(AlarmTransition t) {
            String instance = t.definition().dimensions().stream().filter(d -> d.name().equals("InstanceId"))
                    .map(Dimension::value).findFirst().orElse(null);
            return new Request(t.definition().name(), "MetricAlarm", t.arn(), t.accountId(), t.region(), t.current(),
                    t.definition().actionsEnabled(), t.definition().actionsFor(t.current().value()),
                    AlarmNotification.subject(t), AlarmNotification.snsMessage(t), AlarmNotification.lambdaPayload(t),
                    instance);
        }
    }

    void run(CloudWatchRegion region, AlarmTransition t) {
        if (t.definition().actionsEnabled()) {
            run(region, Request.of(t));
        }
    }

    void run(CloudWatchRegion region, Request t) {
        if (!t.actionsEnabled()) {
            return;
        }
        for (String arn : t.actions()) {
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
            region.record(new AlarmHistoryItem(t.alarmName(), t.alarmType(),
                    context.clock().now().truncatedTo(ChronoUnit.MILLIS), AlarmHistoryItem.ACTION, summary,
                    history.toString()));
        }
    }

    /** An EC2 action on the instance of the alarm's InstanceId dimension, asked of EC2 over the bus. */
    private String ec2(String action, Request t) {
        if (t.instanceId() == null) {
            return "The alarm's metric has no InstanceId dimension, so EC2 action " + action + " has no instance";
        }
        InstanceAlarmAction.Result r = context.bus().ask(new InstanceAlarmAction(t.accountId(), t.region(),
                t.instanceId(), action, t.alarmArn()));
        return r.accepted() ? null : r.error();
    }

    /** @return null on success, else the error to record */
    private String execute(String arn, Request t, ObjectNode data) {
        ArnTargets.Target target = ArnTargets.parse(arn);
        ArnTargets.Kind kind = target == null ? null : target.kind();
        if (kind == ArnTargets.Kind.TOPIC) {
            String message = t.snsMessage();
            Delivery d = context.bus().ask(new PublishToTopic(arn, message, t.subject(), Map.of(),
                    SNS_PRINCIPAL, t.alarmArn()));
            data.put("notificationResource", arn).put("publishedMessage", message);
            return d.accepted() ? null : d.errorCode() + ": " + d.errorMessage();
        }
        if (kind == ArnTargets.Kind.FUNCTION) {
            InvokeFunction.Result r = context.bus().ask(new InvokeFunction(t.accountId(), t.region(), arn,
                    t.lambdaPayload(), LAMBDA_PRINCIPAL, t.alarmArn(), t.accountId()));
            data.put("notificationResource", arn);
            if (r.accepted()) {
                data.put("requestId", r.requestId());
                return null;
            }
            return r.errorCode() + ": " + r.errorMessage();
        }
        if (kind == ArnTargets.Kind.EC2_ACTION) {
            return ec2(target.name(), t);
        }
        String[] parts = arn.split(":", 4);
        String service = parts.length > 2 ? parts[2] : "";
        return "The selfheal emulator does not run " + service + " alarm actions yet; the action was not run";
    }
}
