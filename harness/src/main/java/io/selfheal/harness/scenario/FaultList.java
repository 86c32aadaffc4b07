package io.selfheal.harness.scenario;

import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.steps.Fault;
import io.selfheal.harness.steps.FaultType;
import io.selfheal.harness.steps.TimedFault;
import io.selfheal.harness.yaml.KeyedItems;
import io.selfheal.harness.yaml.YMap;
import io.selfheal.harness.yaml.YNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code faults} list: each item names one fault type and may say when it happens,
 * {@code - at: PT3M} beside the type's key (an ISO-8601 duration after the steady state held; without it the fault
 * follows the one before immediately). Faults stay in file order, so a decreasing {@code at} is a mistake.
 */
final class FaultList {
    private FaultList() {
    }

    static List<Fault> read(YNode list, Map<String, FaultType> types, ReadContext context) {
        List<Fault> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        Duration previous = Duration.ZERO;
        for (YNode item : list.list()) {
            YMap entry = item.map();
            Duration at = entry.duration("at");
            if (at != null) {
                at = ScenarioRules.faultTime(at, previous, entry.problems());
            }
            Fault fault = KeyedItems.item(entry, types, "fault", (type, spec) -> type.read(spec, context),
                    Set.of("at"));
            if (at != null) {
                previous = at;
            }
            if (fault != null) {
                out.add(at == null ? fault : new TimedFault(at, fault));
            }
        }
        return out;
    }
}
