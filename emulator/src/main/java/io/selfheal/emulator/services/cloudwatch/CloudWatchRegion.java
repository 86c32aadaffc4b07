package io.selfheal.emulator.services.cloudwatch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The metric and composite alarms of one account and region, by name in the order DescribeAlarms lists them, and
 * their history.
 */
final class CloudWatchRegion {
    /** AWS keeps two weeks of history; selfheal keeps the most recent items up to this many per region. */
    static final int MAX_HISTORY = 10_000;

    private final TreeMap<String, MetricAlarm> alarms = new TreeMap<>();
    private final TreeMap<String, CompositeAlarm> composites = new TreeMap<>();
    private final ArrayDeque<AlarmHistoryItem> history = new ArrayDeque<>();

    synchronized MetricAlarm get(String name) {
        return alarms.get(name);
    }

    synchronized void put(MetricAlarm alarm) {
        alarms.put(alarm.definition.name(), alarm);
    }

    synchronized void remove(String name) {
        alarms.remove(name);
    }

    synchronized List<MetricAlarm> all() {
        return new ArrayList<>(alarms.values());
    }

    synchronized CompositeAlarm composite(String name) {
        return composites.get(name);
    }

    synchronized void put(CompositeAlarm alarm) {
        composites.put(alarm.definition.name(), alarm);
    }

    synchronized void removeComposite(String name) {
        composites.remove(name);
    }

    synchronized List<CompositeAlarm> composites() {
        return new ArrayList<>(composites.values());
    }

    /** The state of the metric or composite alarm of that name; null when there is none. */
    synchronized AlarmState state(String name) {
        MetricAlarm metric = alarms.get(name);
        if (metric != null) {
            return metric.state;
        }
        CompositeAlarm composite = composites.get(name);
        return composite == null ? null : composite.state;
    }

    /** The state value of the metric or composite alarm of that name; null when there is none. */
    synchronized String stateOf(String name) {
        AlarmState state = state(name);
        return state == null ? null : state.value();
    }

    synchronized boolean exists(String name) {
        return alarms.containsKey(name) || composites.containsKey(name);
    }

    /** The composite alarms whose rule reads the named alarm. */
    synchronized List<CompositeAlarm> parentsOf(String name) {
        return composites.values().stream().filter(c -> c.definition.rule().children().contains(name)).toList();
    }

    synchronized void record(AlarmHistoryItem item) {
        history.addLast(item);
        while (history.size() > MAX_HISTORY) {
            history.removeFirst();
        }
    }

    /** History, oldest first. */
    synchronized List<AlarmHistoryItem> history() {
        return new ArrayList<>(history);
    }
}
