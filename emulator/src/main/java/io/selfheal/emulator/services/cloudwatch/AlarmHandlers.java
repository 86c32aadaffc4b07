package io.selfheal.emulator.services.cloudwatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Ids;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** PutMetricAlarm, SetAlarmState (metric and composite alarms) and DeleteAlarms (both). */
final class AlarmHandlers {
    static final List<String> STATE_VALUES = List.of("OK", "ALARM", AlarmState.INSUFFICIENT_DATA);
    private static final int MAX_RECORDS = 100;

    private final EmulatorContext context;
    private final RegionalStore<CloudWatchRegion> store;
    private final AlarmTransitions transitions;
    private final AlarmEvaluation evaluation;
    private final CompositeAlarms composites;

    AlarmHandlers(EmulatorContext context, RegionalStore<CloudWatchRegion> store, AlarmTransitions transitions,
                  AlarmEvaluation evaluation, CompositeAlarms composites) {
        this.context = context;
        this.store = store;
        this.transitions = transitions;
        this.evaluation = evaluation;
        this.composites = composites;
    }

    /** Creates the alarm in INSUFFICIENT_DATA, or overwrites its configuration and leaves its state as it is. */
    JsonNode putMetricAlarm(RequestContext ctx, ObjectNode input) {
        AlarmDefinition definition = AlarmDefinitionParser.parse(new Params(input, Params.QUERY));
        CloudWatchRegion region = store.get(ctx);
        Instant now = now();
        synchronized (region) {
            MetricAlarm alarm = region.get(definition.name());
            if (region.composite(definition.name()) != null) {
                throw AwsException.badRequest("ValidationError", "The alarm " + definition.name()
                        + " already exists as a composite alarm; alarm names are unique across both kinds.");
            }
            if (alarm == null) {
                region.put(new MetricAlarm(ctx.arn("cloudwatch", "alarm:" + definition.name()), context.ids().uuid("metric-alarm"),
                        definition, now));
                region.record(AlarmHistoryData.created(definition, now));
            } else {
                region.record(AlarmHistoryData.updated(alarm.definition, definition, now));
                alarm.definition = definition;
                alarm.configurationUpdated = now;
            }
        }
        evaluation.arm();
        return null;
    }

    /**
     * SetAlarmState. "When the updated state differs from the previous value, the action configured for the
     * appropriate state is invoked" (API reference): only a different value is a transition. Setting the value the
     * alarm already has changes nothing here (state, reason and timestamps are kept) and publishes no event.
     */
    JsonNode setAlarmState(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.QUERY);
        String name = AlarmDefinitionParser.length(p, "AlarmName", p.required("AlarmName"), 1, 255);
        String value = p.string("StateValue");
        if (value == null) {
            throw p.errors().missing("StateValue");
        }
        AlarmDefinitionParser.oneOf(p, "StateValue", value, STATE_VALUES);
        String reason = p.string("StateReason");
        if (reason == null) {
            throw p.errors().missing("StateReason");
        }
        AlarmDefinitionParser.length(p, "StateReason", reason, 0, 1023);
        String reasonData = reasonData(p);
        CloudWatchRegion region = store.get(ctx);
        AlarmTransition transition = null;
        List<AlarmActions.Request> compositeActions = List.of();
        synchronized (region) {
            MetricAlarm alarm = region.get(name);
            CompositeAlarm composite = region.composite(name);
            if (alarm == null && composite == null) {
                throw AwsException.notFound("ResourceNotFound", "Alarm " + name + " does not exist.");
            }
            AlarmState next = new AlarmState(value, reason, reasonData, now());
            if (alarm != null && !alarm.state.value().equals(value)) {
                transition = transitions.apply(region, alarm, next);
            } else if (composite != null && !composite.state.value().equals(value)) {
                // "the composite alarm is not guaranteed to return to its actual state. It returns to its actual
                // state only once any of its children alarms change state" (SetAlarmState): no re-evaluation here.
                compositeActions = composites.set(region, composite, next);
            }
        }
        transitions.runActions(region, transition);
        transitions.runActions(region, compositeActions);
        return null;
    }

    /** DeleteAlarms: "In the event of an error, no alarms are deleted"; an unknown name is ResourceNotFound. */
    JsonNode deleteAlarms(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.QUERY);
        List<String> names = list(p, "AlarmNames");
        if (names.isEmpty()) {
            throw p.errors().missing("AlarmNames");
        }
        if (names.size() > MAX_RECORDS) {
            throw p.errors().invalid("AlarmNames", Integer.toString(names.size()),
                    "Member must have length less than or equal to " + MAX_RECORDS);
        }
        CloudWatchRegion region = store.get(ctx);
        synchronized (region) {
            List<String> missing = names.stream().filter(n -> !region.exists(n)).toList();
            if (!missing.isEmpty()) {
                throw AwsException.notFound("ResourceNotFound",
                        missing.size() + " of " + names.size() + " alarms could not be found: " + missing);
            }
            checkDeletable(region, names);
            Instant now = now();
            for (String n : names) {
                MetricAlarm metric = region.get(n);
                if (metric != null) {
                    region.record(AlarmHistoryData.deleted(metric.definition, now));
                    region.remove(n);
                } else {
                    region.record(CompositeAlarmHistory.deleted(region.composite(n).definition, now));
                    region.removeComposite(n);
                }
            }
        }
        return null;
    }

    /**
     * DeleteAlarms (API reference): "this total can include no more than one composite alarm", and an alarm that a
     * composite alarm still reads cannot be deleted ("you can't delete any composite alarm that is part of the cycle
     * because there is always still a composite alarm that depends on that alarm"); a parent deleted in the same call
     * no longer counts.
     */
    private static void checkDeletable(CloudWatchRegion region, List<String> names) {
        if (names.stream().filter(n -> region.composite(n) != null).count() > 1) {
            throw AwsException.badRequest("ValidationError",
                    "DeleteAlarms can delete at most one composite alarm in one operation.");
        }
        // AWS's words, as reported by its users: "Cannot delete abc,xyz as there are composite alarm(s) depending on
        // them." (ValidationError).
        List<String> referenced = names.stream().filter(n -> region.parentsOf(n).stream()
                .anyMatch(parent -> !names.contains(parent.definition.name()))).toList();
        if (!referenced.isEmpty()) {
            throw AwsException.badRequest("ValidationError", "Cannot delete " + String.join(",", referenced)
                    + " as there are composite alarm(s) depending on " + (referenced.size() == 1 ? "it." : "them."));
        }
    }

    /** StateReasonData: up to 4000 characters of JSON, else InvalidFormat; empty means none. */
    private static String reasonData(Params p) {
        String data = p.string("StateReasonData");
        if (data == null || data.isEmpty()) {
            return null;
        }
        AlarmDefinitionParser.length(p, "StateReasonData", data, 0, 4000);
        try {
            Json.parse(data);
        } catch (JsonProcessingException e) {
            throw AwsException.badRequest("InvalidFormat", "StateReasonData was not syntactically valid JSON");
        }
        return data;
    }

    static List<String> list(Params p, String name) {
        return AlarmDefinitionParser.isEmptyList(p.node(name)) ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(p.strings(name)));
    }



    /** CloudWatch keeps timestamps to the millisecond, and events show them so. */
    private Instant now() {
        return context.clock().now().truncatedTo(ChronoUnit.MILLIS);
    }
}
