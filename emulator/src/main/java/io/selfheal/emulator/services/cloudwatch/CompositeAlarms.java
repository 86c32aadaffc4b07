package io.selfheal.emulator.services.cloudwatch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.messages.ServiceEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Evaluates composite alarms ("Creating a composite alarm", CloudWatch User Guide): at creation and update, and
 * whenever one of their children changes state, a composite's rule decides ALARM (true) or OK (false). A change is a
 * transition like a metric alarm's: a {@code StateUpdate} history item, one "CloudWatch Alarm State Change" event in
 * the composite shape, the new state's actions (run by the caller once the region's lock is released), then the
 * composite's own parents are evaluated in turn. "The evaluation of composite alarms stops if CloudWatch detects a
 * cycle in the evaluation path" (DeleteAlarms): each composite is evaluated at most once per change.
 * <p>Suppression: while the {@code ActionsSuppressor} alarm is in ALARM, the composite's actions are not run and its
 * state shows {@code actionsSuppressedBy: Alarm}. The wait and extension periods are kept and shown, not timed.
 */
final class CompositeAlarms {
    /** {@code Friday 22 July, 2022 15:57:45 UTC}, as in the reasons of the User Guide's composite event sample. */
    private static final DateTimeFormatter CHANGE_TIME =
            DateTimeFormatter.ofPattern("EEEE d MMMM, yyyy HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final EmulatorContext context;

    CompositeAlarms(EmulatorContext context) {
        this.context = context;
    }

    /** A child changed state: evaluates the composites that read it, and theirs. Call under the region's monitor. */
    List<AlarmActions.Request> childChanged(CloudWatchRegion region, String childArn, String childName,
                                            AlarmState childState) {
        List<AlarmActions.Request> out = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        visited.add(childName);
        evaluateParents(region, childName, transitioned(childArn, childState), out, visited);
        return out;
    }

    /** Evaluates one composite (after PutCompositeAlarm), with {@code what} as in "was created", and its parents. */
    List<AlarmActions.Request> evaluate(CloudWatchRegion region, CompositeAlarm alarm, String what) {
        List<AlarmActions.Request> out = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        visited.add(alarm.definition.name());
        String value = alarm.definition.rule().evaluate(region::stateOf) ? "ALARM" : "OK";
        evaluate(region, alarm, alarm.arn + " " + what + " and its alarm rule evaluates to " + value, out, visited);
        return out;
    }

    /** SetAlarmState on a composite: the new state, then its parents. */
    List<AlarmActions.Request> set(CloudWatchRegion region, CompositeAlarm alarm, AlarmState next) {
        List<AlarmActions.Request> out = new ArrayList<>();
        out.add(apply(region, alarm, next));
        out.addAll(childChanged(region, alarm.arn, alarm.definition.name(), next));
        return out;
    }

    private void evaluateParents(CloudWatchRegion region, String childName, String reason,
                                 List<AlarmActions.Request> out, Set<String> visited) {
        for (CompositeAlarm parent : region.parentsOf(childName)) {
            if (visited.add(parent.definition.name())) {
                evaluate(region, parent, reason, out, visited);
            }
        }
    }

    private void evaluate(CloudWatchRegion region, CompositeAlarm alarm, String reason,
                          List<AlarmActions.Request> out, Set<String> visited) {
        boolean alarmed = alarm.definition.rule().evaluate(region::stateOf);
        String value = alarmed ? "ALARM" : "OK";
        if (value.equals(alarm.state.value())) {
            return;
        }
        AlarmState next = new AlarmState(value, reason, triggering(region, alarm, alarmed), now());
        out.add(apply(region, alarm, next));
        evaluateParents(region, alarm.definition.name(), transitioned(alarm.arn, next), out, visited);
    }

    private AlarmActions.Request apply(CloudWatchRegion region, CompositeAlarm alarm, AlarmState next) {
        AlarmState previous = alarm.state;
        CompositeDefinition d = alarm.definition;
        alarm.state = next;
        alarm.actionsSuppressedBy = d.actionsSuppressor() != null
                && "ALARM".equals(region.stateOf(d.actionsSuppressor())) ? "Alarm" : null;
        region.record(new AlarmHistoryItem(d.name(), "CompositeAlarm", next.timestamp(),
                AlarmHistoryItem.STATE_UPDATE, "Alarm updated from " + previous.value() + " to " + next.value(),
                AlarmTransitions.historyData(previous, next)));
        context.bus().publish(new ServiceEvent(alarm.accountId, alarm.region, AlarmStateChangeEvent.SOURCE,
                AlarmStateChangeEvent.DETAIL_TYPE, List.of(alarm.arn),
                CompositeAlarmShapes.eventDetail(d, previous, next, alarm.actionsSuppressedBy), next.timestamp()));
        return new AlarmActions.Request(d.name(), "CompositeAlarm", alarm.arn, alarm.accountId, alarm.region, next,
                d.actionsEnabled() && alarm.actionsSuppressedBy == null, d.actionsFor(next.value()),
                AlarmNotification.subject(next.value(), d.name(), alarm.region),
                CompositeAlarmShapes.snsMessage(alarm, previous), CompositeAlarmShapes.lambdaPayload(alarm, previous),
                null);
    }

    /**
     * {@code {"triggeringAlarms":[{"arn":…,"state":{"value":…,"timestamp":…}}]}}: for ALARM the children whose
     * function in the rule holds, for OK every child (as in the guide's sample, where both OK children are listed).
     */
    private static String triggering(CloudWatchRegion region, CompositeAlarm alarm, boolean alarmed) {
        List<String> names = alarmed ? alarm.definition.rule().trueChildren(region::stateOf)
                : List.copyOf(alarm.definition.rule().children());
        ObjectNode data = Json.object();
        ArrayNode triggering = data.putArray("triggeringAlarms");
        for (String name : names) {
            AlarmState state = region.state(name);
            if (state != null) {
                triggering.addObject().put("arn", alarm.alarmArnPrefix() + name).putObject("state")
                        .put("value", state.value())
                        .put("timestamp", AlarmStateChangeEvent.timestamp(state.timestamp()));
            }
        }
        return data.toString();
    }

    private static String transitioned(String childArn, AlarmState state) {
        return childArn + " transitioned to " + state.value() + " at " + CHANGE_TIME.format(state.timestamp());
    }

    private Instant now() {
        return context.clock().now().truncatedTo(ChronoUnit.MILLIS);
    }
}
