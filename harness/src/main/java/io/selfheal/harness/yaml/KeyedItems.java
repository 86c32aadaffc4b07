package io.selfheal.harness.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Lists whose items each name a registered type by their one key ({@code - alarmState: {…}}): faults, outcomes,
 * steady-state probes, the expectation inside {@code never}.
 */
public final class KeyedItems {
    private KeyedItems() {
    }

    /** A list of single-key mappings, each key naming a registered type: {@code - alarmState: {…}}. */
    public static <T, R> List<R> list(YNode list, Map<String, T> types, String what, BiFunction<T, YMap, R> reader) {
        List<R> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        for (YNode item : list.list()) {
            R step = item(item.map(), types, what, reader, Set.of());
            if (step != null) {
                out.add(step);
            }
        }
        return out;
    }

    /**
     * One item: a mapping whose one key (besides {@code extraKeys}, read by the caller) names a registered type.
     *
     * @return the step, or null after a problem
     */
    public static <T, R> R item(YMap entry, Map<String, T> types, String what, BiFunction<T, YMap, R> reader,
                                Set<String> extraKeys) {
        List<String> keys = entry.keys().stream().filter(k -> !extraKeys.contains(k)).toList();
        YNode item = entry.node();
        if (keys.size() != 1) {
            item.problem("each " + what + " is a mapping with exactly one key, one of: "
                    + String.join(", ", types.keySet())
                    + (extraKeys.isEmpty() ? "" : " (besides " + String.join(", ", extraKeys) + ")"));
            return null;
        }
        String key = keys.get(0);
        T type = types.get(key);
        if (type == null) {
            String suggestion = Suggestions.closest(key, types.keySet());
            item.problem("unknown " + what + " '" + key + "'"
                    + (suggestion != null ? " (did you mean '" + suggestion + "'?)" : "")
                    + "; known: " + String.join(", ", types.keySet()));
            return null;
        }
        return reader.apply(type, entry.get(key) == null ? entry.node().map() : entry.get(key).map());
    }

}
