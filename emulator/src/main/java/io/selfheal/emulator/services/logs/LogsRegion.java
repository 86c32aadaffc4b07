package io.selfheal.emulator.services.logs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CloudWatch Logs in one account and region: log groups by name and the account's resource policies.
 * Every read and write of this state, down to the events of a stream, holds this object's monitor: Logs calls are
 * short, in-memory work, and one lock keeps retention, ingestion and paging consistent with each other.
 */
final class LogsRegion {
    private final TreeMap<String, LogGroup> groups = new TreeMap<>();
    private final Map<String, ResourcePolicyEntry> policies = new LinkedHashMap<>();

    LogGroup group(String name) {
        return groups.get(name);
    }

    /** @throws io.selfheal.emulator.core.AwsException ResourceNotFoundException */
    LogGroup existingGroup(String name) {
        LogGroup g = groups.get(name);
        if (g == null) {
            throw LogsErrors.groupNotFound();
        }
        return g;
    }

    void add(LogGroup group) {
        groups.put(group.name(), group);
    }

    LogGroup remove(String name) {
        return groups.remove(name);
    }

    /** Groups in name order, as DescribeLogGroups lists them. */
    List<LogGroup> groups() {
        return new ArrayList<>(groups.values());
    }

    Map<String, ResourcePolicyEntry> policies() {
        return policies;
    }
}
