package io.selfheal.emulator.services.cloudwatch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.protocol.TimestampNode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How a composite alarm is shown: the {@code CompositeAlarm} of DescribeAlarms (API reference, "CompositeAlarm"), the
 * {@code detail} of its "CloudWatch Alarm State Change" event (CloudWatch User Guide, "Alarm events and EventBridge",
 * the composite sample: {@code alarmName}, {@code state}, {@code previousState},
 * {@code configuration{alarmRule, actionsSuppressor…}}, no {@code metrics}), the SNS notification, the Lambda
 * payload and the ConfigurationUpdate history data.
 */
final class CompositeAlarmShapes {
    private CompositeAlarmShapes() {
    }

    static ObjectNode describe(CompositeAlarm alarm) {
        CompositeDefinition d = alarm.definition;
        ObjectNode n = Json.object().put("ActionsEnabled", d.actionsEnabled());
        n.set("AlarmActions", strings(d.alarmActions()));
        n.put("AlarmArn", alarm.arn);
        n.set("AlarmConfigurationUpdatedTimestamp", TimestampNode.of(alarm.configurationUpdated));
        if (d.description() != null) {
            n.put("AlarmDescription", d.description());
        }
        n.put("AlarmName", d.name()).put("AlarmRule", d.rule().text());
        n.set("InsufficientDataActions", strings(d.insufficientDataActions()));
        n.set("OKActions", strings(d.okActions()));
        n.put("StateReason", alarm.state.reason());
        if (alarm.state.reasonData() != null) {
            n.put("StateReasonData", alarm.state.reasonData());
        }
        n.set("StateUpdatedTimestamp", TimestampNode.of(alarm.state.timestamp()));
        n.put("StateValue", alarm.state.value());
        n.set("StateTransitionedTimestamp", TimestampNode.of(alarm.state.timestamp()));
        if (alarm.actionsSuppressedBy != null) {
            n.put("ActionsSuppressedBy", alarm.actionsSuppressedBy)
                    .put("ActionsSuppressedReason", suppressedReason(alarm.actionsSuppressedBy));
        }
        if (d.actionsSuppressor() != null) {
            n.put("ActionsSuppressor", d.actionsSuppressor())
                    .put("ActionsSuppressorWaitPeriod", d.actionsSuppressorWaitPeriod())
                    .put("ActionsSuppressorExtensionPeriod", d.actionsSuppressorExtensionPeriod());
        }
        return n;
    }

    static String suppressedReason(String by) {
        return "Actions suppressed by " + by;
    }

    static ObjectNode eventDetail(CompositeDefinition d, AlarmState previous, AlarmState current,
                                  String suppressedBy) {
        ObjectNode detail = Json.object().put("alarmName", d.name());
        ObjectNode state = state(current);
        if (suppressedBy != null) {
            ObjectNode withSuppression = Json.object().put("actionsSuppressedBy", suppressedBy)
                    .put("actionsSuppressedReason", suppressedReason(suppressedBy));
            withSuppression.setAll(state);
            state = withSuppression;
        }
        detail.set("state", state);
        detail.set("previousState", state(previous));
        ObjectNode configuration = detail.putObject("configuration").put("alarmRule", d.rule().text());
        if (d.description() != null) {
            configuration.put("description", d.description());
        }
        if (d.actionsSuppressor() != null) {
            configuration.put("actionsSuppressor", d.actionsSuppressor())
                    .put("actionsSuppressorWaitPeriod", d.actionsSuppressorWaitPeriod())
                    .put("actionsSuppressorExtensionPeriod", d.actionsSuppressorExtensionPeriod());
        }
        return detail;
    }

    /** The notification JSON, as for metric alarms but with the rule and the children that triggered it. */
    static String snsMessage(CompositeAlarm alarm, AlarmState previous) {
        CompositeDefinition d = alarm.definition;
        ObjectNode m = Json.object().put("AlarmName", d.name());
        if (d.description() != null) {
            m.put("AlarmDescription", d.description());
        } else {
            m.putNull("AlarmDescription");
        }
        m.put("AWSAccountId", alarm.accountId)
                .put("AlarmConfigurationUpdatedTimestamp",
                        AlarmStateChangeEvent.timestamp(alarm.configurationUpdated))
                .put("NewStateValue", alarm.state.value())
                .put("NewStateReason", alarm.state.reason())
                .put("StateChangeTime", AlarmStateChangeEvent.timestamp(alarm.state.timestamp()))
                .put("Region", AlarmNotification.regionName(alarm.region))
                .put("AlarmArn", alarm.arn)
                .put("OldStateValue", previous.value());
        m.set("OKActions", strings(d.okActions()));
        m.set("AlarmActions", strings(d.alarmActions()));
        m.set("InsufficientDataActions", strings(d.insufficientDataActions()));
        m.put("AlarmRule", d.rule().text());
        return m.toString();
    }

    static byte[] lambdaPayload(CompositeAlarm alarm, AlarmState previous) {
        ObjectNode p = Json.object().put("source", AlarmStateChangeEvent.SOURCE).put("alarmArn", alarm.arn)
                .put("accountId", alarm.accountId)
                .put("time", AlarmStateChangeEvent.timestamp(alarm.state.timestamp()))
                .put("region", alarm.region);
        p.set("alarmData", eventDetail(alarm.definition, previous, alarm.state, alarm.actionsSuppressedBy));
        return p.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** ConfigurationUpdate history data of a composite alarm, in camel-case keys as for metric alarms. */
    static ObjectNode history(CompositeDefinition d) {
        ObjectNode a = Json.object().put("alarmName", d.name());
        if (d.description() != null) {
            a.put("alarmDescription", d.description());
        }
        a.put("actionsEnabled", d.actionsEnabled());
        a.set("okActions", strings(d.okActions()));
        a.set("alarmActions", strings(d.alarmActions()));
        a.set("insufficientDataActions", strings(d.insufficientDataActions()));
        a.put("alarmRule", d.rule().text());
        if (d.actionsSuppressor() != null) {
            a.put("actionsSuppressor", d.actionsSuppressor())
                    .put("actionsSuppressorWaitPeriod", d.actionsSuppressorWaitPeriod())
                    .put("actionsSuppressorExtensionPeriod", d.actionsSuppressorExtensionPeriod());
        }
        return a;
    }

    private static ObjectNode state(AlarmState s) {
        ObjectNode node = Json.object().put("value", s.value()).put("reason", s.reason());
        if (s.reasonData() != null) {
            node.put("reasonData", s.reasonData());
        }
        return node.put("timestamp", AlarmStateChangeEvent.timestamp(s.timestamp()));
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = Json.array();
        values.forEach(array::add);
        return array;
    }
}
