package io.selfheal.emulator.services.cloudwatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Ids;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.PageToken;
import io.selfheal.emulator.service.Params;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;

/** PutMetricAlarm, DescribeAlarms, SetAlarmState and DeleteAlarms. */
final class AlarmHandlers {
    static final List<String> STATE_VALUES = List.of("OK", "ALARM", AlarmState.INSUFFICIENT_DATA);
    private static final int DEFAULT_MAX_RECORDS = 50;
    private static final int MAX_RECORDS = 100;
    private static final PageToken PAGES = new PageToken("selfheal-cw:");

    private final EmulatorContext context;
    private final RegionalStore<CloudWatchRegion> store;
    private final AlarmTransitions transitions;
    private final AlarmEvaluation evaluation;

    AlarmHandlers(EmulatorContext context, RegionalStore<CloudWatchRegion> store, AlarmTransitions transitions,
                  AlarmEvaluation evaluation) {
        this.context = context;
        this.store = store;
        this.transitions = transitions;
        this.evaluation = evaluation;
    }

    /** Creates the alarm in INSUFFICIENT_DATA, or overwrites its configuration and leaves its state as it is. */
    JsonNode putMetricAlarm(RequestContext ctx, ObjectNode input) {
        AlarmDefinition definition = AlarmDefinitionParser.parse(new Params(input, Params.QUERY));
        CloudWatchRegion region = store.get(ctx);
        Instant now = now();
        synchronized (region) {
            MetricAlarm alarm = region.get(definition.name());
            if (alarm == null) {
                region.put(new MetricAlarm(ctx.arn("cloudwatch", "alarm:" + definition.name()), Ids.uuid(),
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

    JsonNode describeAlarms(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.QUERY);
        List<String> names = list(p, "AlarmNames");
        String prefix = p.string("AlarmNamePrefix");
        if (!names.isEmpty() && prefix != null) {
            throw AwsException.badRequest("InvalidParameterCombination",
                    "AlarmNamePrefix and AlarmNames cannot be specified together.");
        }
        String state = p.string("StateValue");
        if (state != null) {
            AlarmDefinitionParser.oneOf(p, "StateValue", state, STATE_VALUES);
        }
        String actionPrefix = p.string("ActionPrefix");
        List<String> types = list(p, "AlarmTypes");
        types.forEach(t -> AlarmDefinitionParser.oneOf(p, "AlarmTypes", t, List.of("CompositeAlarm", "MetricAlarm")));
        int maxRecords = p.integer("MaxRecords", DEFAULT_MAX_RECORDS);
        if (maxRecords < 1 || maxRecords > MAX_RECORDS) {
            throw p.errors().invalid("MaxRecords", Integer.toString(maxRecords),
                    "Member must have value between 1 and " + MAX_RECORDS);
        }
        String after = PAGES.decode(p.string("NextToken"), CloudWatchErrors::invalidNextToken);
        Predicate<MetricAlarm> wanted = a -> (names.isEmpty() || names.contains(a.definition.name()))
                && (prefix == null || a.definition.name().startsWith(prefix))
                && (state == null || state.equals(a.state.value()))
                && (actionPrefix == null || hasActionWithPrefix(a.definition, actionPrefix))
                && (after == null || a.definition.name().compareTo(after) > 0);
        // "If you omit AlarmTypes, only metric alarms are returned"; composite alarms are not modelled.
        boolean metricAlarms = types.isEmpty() || types.contains("MetricAlarm");
        CloudWatchRegion region = store.get(ctx);
        ObjectNode result = Json.object();
        ArrayNode alarms = result.putArray("MetricAlarms");
        result.putArray("CompositeAlarms");
        synchronized (region) {
            List<MetricAlarm> matching = metricAlarms ? region.all().stream().filter(wanted).toList() : List.of();
            matching.stream().limit(maxRecords).forEach(a -> alarms.add(AlarmXml.metricAlarm(a)));
            if (matching.size() > maxRecords) {
                result.put("NextToken", PAGES.encode(matching.get(maxRecords - 1).definition.name()));
            }
        }
        return result;
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
        synchronized (region) {
            MetricAlarm alarm = region.get(name);
            if (alarm == null) {
                throw AwsException.notFound("ResourceNotFound", "Alarm " + name + " does not exist.");
            }
            if (!alarm.state.value().equals(value)) {
                transition = transitions.apply(region, alarm, new AlarmState(value, reason, reasonData, now()));
            }
        }
        transitions.runActions(region, transition);
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
            List<String> missing = names.stream().filter(n -> region.get(n) == null).toList();
            if (!missing.isEmpty()) {
                throw AwsException.notFound("ResourceNotFound",
                        missing.size() + " of " + names.size() + " alarms could not be found: " + missing);
            }
            Instant now = now();
            for (String n : names) {
                region.record(AlarmHistoryData.deleted(region.get(n).definition, now));
                region.remove(n);
            }
        }
        return null;
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

    private static boolean hasActionWithPrefix(AlarmDefinition d, String prefix) {
        return d.alarmActions().stream().anyMatch(a -> a.startsWith(prefix))
                || d.okActions().stream().anyMatch(a -> a.startsWith(prefix))
                || d.insufficientDataActions().stream().anyMatch(a -> a.startsWith(prefix));
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
