package io.selfheal.emulator.services.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The connections and API destinations of one account and region, each sorted by name as the List calls answer. */
final class ApiDestinationsState {
    final NavigableMap<String, Connection> connections = new ConcurrentSkipListMap<>();
    final NavigableMap<String, ApiDestination> destinations = new ConcurrentSkipListMap<>();

    /** The connection with exactly this ARN (name and id), or null. */
    Connection connectionByArn(String arn) {
        for (Connection c : connections.values()) {
            if (c.arn().equals(arn)) {
                return c;
            }
        }
        return null;
    }

    ApiDestination destinationByArn(String arn) {
        for (ApiDestination d : destinations.values()) {
            if (d.arn().equals(arn)) {
                return d;
            }
        }
        return null;
    }

    static <T> List<T> withPrefix(NavigableMap<String, T> map, String prefix) {
        Map<String, T> view = prefix == null || prefix.isEmpty() ? map
                : map.subMap(prefix, true, prefix + Character.MAX_VALUE, true);
        return new ArrayList<>(view.values());
    }
}
