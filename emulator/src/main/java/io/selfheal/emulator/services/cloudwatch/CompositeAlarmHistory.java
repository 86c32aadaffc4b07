package io.selfheal.emulator.services.cloudwatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.time.Instant;

/**
 * {@code ConfigurationUpdate} history items of composite alarms, as {@link AlarmHistoryData} writes them for metric
 * alarms, with AlarmType {@code CompositeAlarm}.
 */
final class CompositeAlarmHistory {
    private CompositeAlarmHistory() {
    }

    static AlarmHistoryItem created(CompositeDefinition d, Instant now) {
        ObjectNode data = Json.object().put("version", "1.0").put("type", "Create");
        data.set("createdAlarm", CompositeAlarmShapes.history(d));
        return item(d, now, "created", data);
    }

    static AlarmHistoryItem updated(CompositeDefinition before, CompositeDefinition after, Instant now) {
        ObjectNode data = Json.object().put("version", "1.0").put("type", "Update");
        data.set("updatedAlarm", CompositeAlarmShapes.history(after));
        data.set("originalAlarm", CompositeAlarmShapes.history(before));
        return item(after, now, "updated", data);
    }

    static AlarmHistoryItem deleted(CompositeDefinition d, Instant now) {
        ObjectNode data = Json.object().put("version", "1.0").put("type", "Delete");
        data.set("deletedAlarm", CompositeAlarmShapes.history(d));
        return item(d, now, "deleted", data);
    }

    private static AlarmHistoryItem item(CompositeDefinition d, Instant now, String what, ObjectNode data) {
        return new AlarmHistoryItem(d.name(), "CompositeAlarm", now, AlarmHistoryItem.CONFIGURATION_UPDATE,
                "Alarm \"" + d.name() + "\" " + what, data.toString());
    }
}
