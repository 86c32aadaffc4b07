package io.selfheal.emulator.services.cloudwatch;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The alarms of one account and region, by name in the order DescribeAlarms lists them. */
final class CloudWatchRegion {
    private final TreeMap<String, MetricAlarm> alarms = new TreeMap<>();

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
}
