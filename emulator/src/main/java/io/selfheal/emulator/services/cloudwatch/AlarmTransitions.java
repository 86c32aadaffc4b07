package io.selfheal.emulator.services.cloudwatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;

/**
 * Applies a state change, whoever causes it (evaluation on the clock, SetAlarmState): the new state, a
 * {@code StateUpdate} history item, exactly one "CloudWatch Alarm State Change" event, then the actions of the new
 * state. SetAlarmState runs actions too: "When the updated state differs from the previous value, the action
 * configured for the appropriate state is invoked" (API reference, SetAlarmState).
 */
final class AlarmTransitions {
    private final EmulatorContext context;
    private final AlarmActions actions;

    AlarmTransitions(EmulatorContext context, AlarmActions actions) {
        this.context = context;
        this.actions = actions;
    }

    /**
     * Changes the alarm's state; call under the region's monitor. The returned transition's actions are run with
     * {@link #runActions} once the monitor is released.
     */
    AlarmTransition apply(CloudWatchRegion region, MetricAlarm alarm, AlarmState next) {
        AlarmState previous = alarm.state;
        alarm.state = next;
        region.record(new AlarmHistoryItem(alarm.definition.name(), "MetricAlarm", next.timestamp(),
                AlarmHistoryItem.STATE_UPDATE, "Alarm updated from " + previous.value() + " to " + next.value(),
                historyData(previous, next)));
        context.bus().publish(AlarmStateChangeEvent.of(alarm.accountId, alarm.region, alarm, previous));
        return new AlarmTransition(alarm.arn, alarm.accountId, alarm.region, alarm.metricId, alarm.definition,
                alarm.configurationUpdated, previous, next);
    }

    void runActions(CloudWatchRegion region, AlarmTransition transition) {
        if (transition != null) {
            actions.run(region, transition);
        }
    }

    /** {@code {"version":"1.0","oldState":{…},"newState":{…}}}, reason data embedded as JSON as AWS shows it. */
    private static String historyData(AlarmState previous, AlarmState next) {
        ObjectNode data = Json.object().put("version", "1.0");
        data.set("oldState", state(previous));
        data.set("newState", state(next));
        return data.toString();
    }

    private static ObjectNode state(AlarmState s) {
        ObjectNode node = Json.object().put("stateValue", s.value()).put("stateReason", s.reason());
        if (s.reasonData() != null) {
            try {
                node.set("stateReasonData", Json.parse(s.reasonData()));
            } catch (JsonProcessingException e) {
                node.put("stateReasonData", s.reasonData());
            }
        }
        return node;
    }
}
