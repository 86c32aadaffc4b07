package io.selfheal.emulator.services.cloudwatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import java.util.List;

/**
 * Applies a state change, whoever causes it (evaluation on the clock, SetAlarmState): the new state, a
 * {@code StateUpdate} history item, exactly one "CloudWatch Alarm State Change" event, the evaluation of the composite
 * alarms that read the alarm ({@link CompositeAlarms}), then the actions of the new state and of those composites. SetAlarmState runs actions too: "When the updated state differs from the previous value, the action
 * configured for the appropriate state is invoked" (API reference, SetAlarmState).
 */
final class AlarmTransitions {
    private final EmulatorContext context;
    private final AlarmActions actions;
    private final CompositeAlarms composites;

    AlarmTransitions(EmulatorContext context, AlarmActions actions, CompositeAlarms composites) {
        this.context = context;
        this.actions = actions;
        this.composites = composites;
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
        List<AlarmActions.Request> cascade = composites.childChanged(region, alarm.arn, alarm.definition.name(), next);
        return new AlarmTransition(alarm.arn, alarm.accountId, alarm.region, alarm.metricId, alarm.definition,
                alarm.configurationUpdated, previous, next, cascade);
    }

    void runActions(CloudWatchRegion region, AlarmTransition transition) {
        if (transition != null) {
            actions.run(region, transition);
            transition.cascade().forEach(r -> actions.run(region, r));
        }
    }

    /** Runs the actions of composite alarm transitions, once the region's lock is released. */
    void runActions(CloudWatchRegion region, List<AlarmActions.Request> requests) {
        requests.forEach(r -> actions.run(region, r));
    }

    /** {@code {"version":"1.0","oldState":{…},"newState":{…}}}, reason data embedded as JSON as AWS shows it. */
    static String historyData(AlarmState previous, AlarmState next) {
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
