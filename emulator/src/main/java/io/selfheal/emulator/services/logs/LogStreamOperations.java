package io.selfheal.emulator.services.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.Comparator;
import java.util.List;

/** CreateLogStream, DeleteLogStream and DescribeLogStreams. */
final class LogStreamOperations {
    private static final int DESCRIBE_MAX = 50;

    private final RegionalStore<LogsRegion> states;

    LogStreamOperations(RegionalStore<LogsRegion> states) {
        this.states = states;
    }

    JsonNode create(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, LogsErrors.PARAMS);
        String group = LogsNames.groupName(params, "logGroupName");
        String stream = LogsNames.streamName(params, "logStreamName");
        LogsRegion region = states.get(ctx);
        synchronized (region) {
            LogGroup g = region.existingGroup(group);
            if (g.stream(stream) != null) {
                throw LogsErrors.streamExists();
            }
            g.createStream(stream, ctx.receivedAt().toEpochMilli());
        }
        return null;
    }

    JsonNode delete(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, LogsErrors.PARAMS);
        String group = LogsNames.groupName(params, "logGroupName");
        String stream = LogsNames.streamName(params, "logStreamName");
        LogsRegion region = states.get(ctx);
        synchronized (region) {
            if (region.existingGroup(group).removeStream(stream) == null) {
                throw LogsErrors.streamNotFound();
            }
        }
        return null;
    }

    JsonNode describe(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, LogsErrors.PARAMS);
        String group = LogsNames.groupOf(params);
        String prefix = params.string("logStreamNamePrefix");
        String orderBy = params.string("orderBy", "LogStreamName");
        boolean descending = params.bool("descending", false);
        if (!orderBy.equals("LogStreamName") && !orderBy.equals("LastEventTime")) {
            throw LogsErrors.PARAMS.invalid("orderBy", orderBy,
                    "Member must satisfy enum value set: [LogStreamName, LastEventTime]");
        }
        if (orderBy.equals("LastEventTime") && prefix != null) {
            // API reference, DescribeLogStreams: "If you order the results by event time, you cannot specify the
            // logStreamNamePrefix parameter."
            throw LogsErrors.invalid("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        Comparator<LogStream> order = orderBy.equals("LastEventTime")
                ? Comparator.comparingLong(LogStream::lastEventTimestamp).thenComparing(LogStream::name)
                : Comparator.comparing(LogStream::name);
        if (descending) {
            order = order.reversed();
        }
        LogsRegion region = states.get(ctx);
        synchronized (region) {
            LogGroup g = region.existingGroup(group);
            g.expire(ctx.receivedAt().toEpochMilli());
            List<LogStream> streams = g.streams().stream()
                    .filter(s -> prefix == null || s.name().startsWith(prefix))
                    .sorted(order)
                    .toList();
            return Pages.of(streams, params, DESCRIBE_MAX, "logStreams", LogStream::toJson);
        }
    }
}
