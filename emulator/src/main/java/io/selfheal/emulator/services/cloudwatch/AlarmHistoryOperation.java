package io.selfheal.emulator.services.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.protocol.TimestampNode;
import io.selfheal.emulator.service.Operation;
import io.selfheal.emulator.service.PageToken;
import io.selfheal.emulator.service.Params;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * DescribeAlarmHistory (API reference): AlarmName, AlarmTypes (metric alarms only when omitted), HistoryItemType,
 * StartDate/EndDate, ScanBy (newest first unless {@code TimestampAscending}), MaxRecords (1 to 100, default 100) and
 * NextToken. History outlives deleted alarms, as in AWS. Timestamps are {@link TimestampNode}s, so both protocols
 * render them as they should.
 */
final class AlarmHistoryOperation implements Operation {
    private static final List<String> ITEM_TYPES = List.of("ConfigurationUpdate", "StateUpdate", "Action",
            "AlarmContributorStateUpdate", "AlarmContributorAction");
    private static final int MAX_RECORDS = 100;
    private static final PageToken PAGES = new PageToken("selfheal-cwh:");

    private final RegionalStore<CloudWatchRegion> store;

    AlarmHistoryOperation(RegionalStore<CloudWatchRegion> store) {
        this.store = store;
    }

    @Override
    public JsonNode handle(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.QUERY);
        String name = p.string("AlarmName");
        if (name != null) {
            AlarmDefinitionParser.length(p, "AlarmName", name, 1, 255);
        }
        List<String> types = AlarmHandlers.list(p, "AlarmTypes");
        types.forEach(t -> AlarmDefinitionParser.oneOf(p, "AlarmTypes", t, List.of("CompositeAlarm", "MetricAlarm")));
        List<String> wantedTypes = types.isEmpty() ? List.of("MetricAlarm") : types;
        String itemType = p.string("HistoryItemType");
        if (itemType != null) {
            AlarmDefinitionParser.oneOf(p, "HistoryItemType", itemType, ITEM_TYPES);
        }
        Instant start = Timestamps.optional(p, "StartDate", "StartDate");
        Instant end = Timestamps.optional(p, "EndDate", "EndDate");
        String scanBy = p.string("ScanBy", "TimestampDescending");
        AlarmDefinitionParser.oneOf(p, "ScanBy", scanBy, List.of("TimestampDescending", "TimestampAscending"));
        int maxRecords = p.integer("MaxRecords", MAX_RECORDS);
        if (maxRecords < 1 || maxRecords > MAX_RECORDS) {
            throw p.errors().invalid("MaxRecords", Integer.toString(maxRecords),
                    "Member must have value between 1 and " + MAX_RECORDS);
        }
        int offset = (int) PAGES.decodeOffset(p.string("NextToken"), CloudWatchErrors::invalidNextToken);

        List<AlarmHistoryItem> items = new ArrayList<>(store.get(ctx).history().stream()
                .filter(i -> name == null || i.alarmName().equals(name))
                .filter(i -> wantedTypes.contains(i.alarmType()))
                .filter(i -> itemType == null || i.type().equals(itemType))
                .filter(i -> start == null || !i.timestamp().isBefore(start))
                .filter(i -> end == null || !i.timestamp().isAfter(end))
                .toList());
        if (scanBy.equals("TimestampDescending")) {
            Collections.reverse(items);
        }
        ObjectNode result = Json.object();
        ArrayNode out = result.putArray("AlarmHistoryItems");
        items.stream().skip(offset).limit(maxRecords).forEach(i -> {
            ObjectNode n = out.addObject().put("AlarmName", i.alarmName()).put("AlarmType", i.alarmType());
            n.set("Timestamp", TimestampNode.of(i.timestamp()));
            n.put("HistoryItemType", i.type()).put("HistorySummary", i.summary()).put("HistoryData", i.data());
        });
        if (items.size() > offset + maxRecords) {
            result.put("NextToken", PAGES.encode(offset + maxRecords));
        }
        return result;
    }
}
