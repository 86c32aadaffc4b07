package io.selfheal.emulator.services.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.List;

/**
 * EnableAlarmActions and DisableAlarmActions (API reference): set ActionsEnabled on up to 100 named alarms; names
 * that match no alarm are passed over without an error, as CloudWatch does. State is untouched.
 */
final class AlarmActionsSwitch {
    private static final int MAX_NAMES = 100;

    private final RegionalStore<CloudWatchRegion> store;

    AlarmActionsSwitch(RegionalStore<CloudWatchRegion> store) {
        this.store = store;
    }

    JsonNode enable(RequestContext ctx, ObjectNode input) {
        return set(ctx, input, true);
    }

    JsonNode disable(RequestContext ctx, ObjectNode input) {
        return set(ctx, input, false);
    }

    private JsonNode set(RequestContext ctx, ObjectNode input, boolean enabled) {
        Params p = new Params(input, Params.QUERY);
        List<String> names = AlarmHandlers.list(p, "AlarmNames");
        if (names.isEmpty()) {
            throw p.errors().missing("AlarmNames");
        }
        if (names.size() > MAX_NAMES) {
            throw p.errors().invalid("AlarmNames", Integer.toString(names.size()),
                    "Member must have length less than or equal to " + MAX_NAMES);
        }
        CloudWatchRegion region = store.get(ctx);
        synchronized (region) {
            for (String name : names) {
                MetricAlarm alarm = region.get(name);
                if (alarm != null) {
                    alarm.definition = alarm.definition.withActionsEnabled(enabled);
                }
                CompositeAlarm composite = region.composite(name);
                if (composite != null) {
                    composite.definition = composite.definition.withActionsEnabled(enabled);
                }
            }
        }
        return null;
    }
}
