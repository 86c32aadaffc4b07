package io.selfheal.emulator.services.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** CreateLogGroup, DeleteLogGroup, DescribeLogGroups, PutRetentionPolicy and DeleteRetentionPolicy. */
final class LogGroupOperations {
    /** The values PutRetentionPolicy accepts (the model's enum of retentionInDays). */
    static final List<Integer> RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
            731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
    private static final Set<String> CLASSES = Set.of("STANDARD", "INFREQUENT_ACCESS", "DELIVERY");
    private static final int DESCRIBE_MAX = 50;

    private final RegionalStore<LogsRegion> states;

    LogGroupOperations(RegionalStore<LogsRegion> states) {
        this.states = states;
    }

    private static Params params(ObjectNode input) {
        return new Params(input, LogsErrors.PARAMS);
    }

    JsonNode create(RequestContext ctx, ObjectNode input) {
        Params params = params(input);
        String name = LogsNames.groupName(params, "logGroupName");
        String logGroupClass = params.string("logGroupClass", "STANDARD");
        if (!CLASSES.contains(logGroupClass)) {
            throw LogsErrors.PARAMS.invalid("logGroupClass", logGroupClass,
                    "Member must satisfy enum value set: [STANDARD, INFREQUENT_ACCESS, DELIVERY]");
        }
        var tags = Tags.read(params, "tags");
        LogsRegion region = states.get(ctx);
        synchronized (region) {
            if (region.group(name) != null) {
                throw LogsErrors.groupExists();
            }
            region.add(new LogGroup(name, LogsNames.groupArn(ctx, name), ctx.receivedAt().toEpochMilli(),
                    logGroupClass, params.string("kmsKeyId"), tags));
        }
        return null;
    }

    JsonNode delete(RequestContext ctx, ObjectNode input) {
        String name = LogsNames.groupName(params(input), "logGroupName");
        LogsRegion region = states.get(ctx);
        synchronized (region) {
            if (region.remove(name) == null) {
                throw LogsErrors.groupNotFound();
            }
        }
        return null;
    }

    JsonNode describe(RequestContext ctx, ObjectNode input) {
        Params params = params(input);
        String prefix = params.string("logGroupNamePrefix");
        String pattern = params.string("logGroupNamePattern");
        List<String> identifiers = params.strings("logGroupIdentifiers");
        if (prefix != null && pattern != null) {
            throw LogsErrors.invalid("LogGroup name prefix and LogGroup name pattern are mutually exclusive "
                    + "parameters.");
        }
        if (!identifiers.isEmpty() && (prefix != null || pattern != null)) {
            throw LogsErrors.invalid("logGroupIdentifiers cannot be combined with logGroupNamePrefix or "
                    + "logGroupNamePattern.");
        }
        if (prefix != null) {
            LogsNames.checkGroupName("logGroupNamePrefix", prefix);
        }
        String needle = pattern == null ? null : pattern.toLowerCase(Locale.ROOT);
        Set<String> named = Set.copyOf(identifiers.stream().map(LogsNames::nameFromIdentifier).toList());
        long now = ctx.receivedAt().toEpochMilli();
        LogsRegion region = states.get(ctx);
        synchronized (region) {
            List<LogGroup> groups = region.groups().stream()
                    .filter(g -> prefix == null || g.name().startsWith(prefix))
                    // logGroupNamePattern: a case-insensitive substring (API reference, DescribeLogGroups)
                    .filter(g -> needle == null || g.name().toLowerCase(Locale.ROOT).contains(needle))
                    .filter(g -> named.isEmpty() || named.contains(g.name()))
                    .toList();
            groups.forEach(g -> g.expire(now));
            return Pages.of(groups, params, DESCRIBE_MAX, "logGroups", LogGroup::toJson);
        }
    }

    JsonNode putRetentionPolicy(RequestContext ctx, ObjectNode input) {
        Params params = params(input);
        String name = LogsNames.groupName(params, "logGroupName");
        params.requiredNode("retentionInDays");
        int days = params.integer("retentionInDays");
        if (!RETENTION_DAYS.contains(days)) {
            throw LogsErrors.PARAMS.invalid("retentionInDays", String.valueOf(days),
                    "Member must satisfy enum value set: " + RETENTION_DAYS);
        }
        LogsRegion region = states.get(ctx);
        synchronized (region) {
            LogGroup group = region.existingGroup(name);
            group.retentionInDays(days);
            group.expire(ctx.receivedAt().toEpochMilli());
        }
        return null;
    }

    JsonNode deleteRetentionPolicy(RequestContext ctx, ObjectNode input) {
        String name = LogsNames.groupName(params(input), "logGroupName");
        LogsRegion region = states.get(ctx);
        synchronized (region) {
            region.existingGroup(name).retentionInDays(null);
        }
        return null;
    }
}
