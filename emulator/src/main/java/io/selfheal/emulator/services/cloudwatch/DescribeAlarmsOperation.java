package io.selfheal.emulator.services.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.protocol.TimestampNode;
import io.selfheal.emulator.service.Operation;
import io.selfheal.emulator.service.PageToken;
import io.selfheal.emulator.service.Params;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * DescribeAlarms (API reference): metric alarms only unless AlarmTypes asks for {@code CompositeAlarm} ("If you omit
 * this parameter, only metric alarms are returned"), filtered by AlarmNames or AlarmNamePrefix, StateValue and
 * ActionPrefix, in name order across both kinds, MaxRecords (1 to 100, default 50) at a time.
 * ChildrenOfAlarmName and ParentsOfAlarmName stand alone (only MaxRecords and NextToken may go with them) and show
 * only each alarm's name, ARN, state value and state timestamp.
 */
final class DescribeAlarmsOperation implements Operation {
    private static final int DEFAULT_MAX_RECORDS = 50;
    private static final int MAX_RECORDS = 100;
    private static final PageToken PAGES = new PageToken("selfheal-cw:");
    private static final List<String> NOT_WITH_FAMILY = List.of("AlarmNames", "AlarmNamePrefix", "AlarmTypes",
            "StateValue", "ActionPrefix");

    /** One alarm of the answer: its name (the order and the page token), kind and shape. */
    private record Shown(String name, boolean composite, ObjectNode node) {
    }

    private final RegionalStore<CloudWatchRegion> store;

    DescribeAlarmsOperation(RegionalStore<CloudWatchRegion> store) {
        this.store = store;
    }

    @Override
    public JsonNode handle(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.QUERY);
        int maxRecords = p.integer("MaxRecords", DEFAULT_MAX_RECORDS);
        if (maxRecords < 1 || maxRecords > MAX_RECORDS) {
            throw p.errors().invalid("MaxRecords", Integer.toString(maxRecords),
                    "Member must have value between 1 and " + MAX_RECORDS);
        }
        String after = PAGES.decode(p.string("NextToken"), CloudWatchErrors::invalidNextToken);
        String childrenOf = p.string("ChildrenOfAlarmName");
        String parentsOf = p.string("ParentsOfAlarmName");
        CloudWatchRegion region = store.get(ctx);
        List<Shown> shown;
        synchronized (region) {
            shown = childrenOf != null || parentsOf != null ? family(p, region, childrenOf, parentsOf)
                    : filtered(p, region);
        }
        shown = new ArrayList<>(shown.stream().filter(s -> after == null || s.name().compareTo(after) > 0)
                .sorted(Comparator.comparing(Shown::name)).toList());
        ObjectNode result = Json.object();
        var metric = result.putArray("MetricAlarms");
        var composite = result.putArray("CompositeAlarms");
        shown.stream().limit(maxRecords).forEach(s -> (s.composite() ? composite : metric).add(s.node()));
        if (shown.size() > maxRecords) {
            result.put("NextToken", PAGES.encode(shown.get(maxRecords - 1).name()));
        }
        return result;
    }

    private static List<Shown> filtered(Params p, CloudWatchRegion region) {
        List<String> names = AlarmHandlers.list(p, "AlarmNames");
        String prefix = p.string("AlarmNamePrefix");
        if (!names.isEmpty() && prefix != null) {
            throw AwsException.badRequest("InvalidParameterCombination",
                    "AlarmNamePrefix and AlarmNames cannot be specified together.");
        }
        String state = p.string("StateValue");
        if (state != null) {
            AlarmDefinitionParser.oneOf(p, "StateValue", state, AlarmHandlers.STATE_VALUES);
        }
        String actionPrefix = p.string("ActionPrefix");
        List<String> types = AlarmHandlers.list(p, "AlarmTypes");
        types.forEach(t -> AlarmDefinitionParser.oneOf(p, "AlarmTypes", t, List.of("CompositeAlarm", "MetricAlarm")));
        Predicate<String> nameWanted = n -> (names.isEmpty() || names.contains(n))
                && (prefix == null || n.startsWith(prefix));
        Predicate<String> stateWanted = s -> state == null || state.equals(s);
        Predicate<List<List<String>>> actionsWanted = lists -> actionPrefix == null
                || lists.stream().flatMap(List::stream).anyMatch(a -> a.startsWith(actionPrefix));
        List<Shown> shown = new ArrayList<>();
        if (types.isEmpty() || types.contains("MetricAlarm")) {
            for (MetricAlarm a : region.all()) {
                AlarmDefinition d = a.definition;
                if (nameWanted.test(d.name()) && stateWanted.test(a.state.value())
                        && actionsWanted.test(List.of(d.alarmActions(), d.okActions(), d.insufficientDataActions()))) {
                    shown.add(new Shown(d.name(), false, AlarmXml.metricAlarm(a)));
                }
            }
        }
        if (types.contains("CompositeAlarm")) {
            for (CompositeAlarm a : region.composites()) {
                CompositeDefinition d = a.definition;
                if (nameWanted.test(d.name()) && stateWanted.test(a.state.value())
                        && actionsWanted.test(List.of(d.alarmActions(), d.okActions(), d.insufficientDataActions()))) {
                    shown.add(new Shown(d.name(), true, CompositeAlarmShapes.describe(a)));
                }
            }
        }
        return shown;
    }

    /** The children of a composite (metric and composite), or the composites that read an alarm. */
    private static List<Shown> family(Params p, CloudWatchRegion region, String childrenOf, String parentsOf) {
        for (String other : NOT_WITH_FAMILY) {
            if (p.has(other) || childrenOf != null && parentsOf != null) {
                throw AwsException.badRequest("ValidationError", (childrenOf != null ? "ChildrenOfAlarmName"
                        : "ParentsOfAlarmName") + " cannot be specified with any parameter other than MaxRecords "
                        + "and NextToken.");
            }
        }
        List<Shown> shown = new ArrayList<>();
        if (parentsOf != null) {
            region.parentsOf(parentsOf).forEach(c -> shown.add(brief(c.definition.name(), c.arn, c.state, true)));
            return shown;
        }
        CompositeAlarm parent = region.composite(childrenOf);
        if (parent == null) {
            return shown;
        }
        for (String child : parent.definition.rule().children()) {
            MetricAlarm metric = region.get(child);
            CompositeAlarm composite = region.composite(child);
            if (metric != null) {
                shown.add(brief(child, metric.arn, metric.state, false));
            } else if (composite != null) {
                shown.add(brief(child, composite.arn, composite.state, true));
            }
        }
        return shown;
    }

    private static Shown brief(String name, String arn, AlarmState state, boolean composite) {
        ObjectNode n = Json.object().put("AlarmName", name).put("AlarmArn", arn).put("StateValue", state.value());
        n.set("StateUpdatedTimestamp", TimestampNode.of(state.timestamp()));
        return new Shown(name, composite, n);
    }
}
