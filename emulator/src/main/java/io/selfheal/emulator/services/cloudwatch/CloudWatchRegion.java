package io.selfheal.emulator.services.cloudwatch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The alarms of one account and region, by name in the order DescribeAlarms lists them, and their history. */
final class CloudWatchRegion {
    /** AWS keeps two weeks of history; selfheal keeps the most recent items up to this many per region. */
    static final int MAX_HISTORY = 10_000;

    private final TreeMap<String, MetricAlarm> alarms = new TreeMap<>();
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
