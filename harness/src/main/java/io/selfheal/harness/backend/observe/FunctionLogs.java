package io.selfheal.harness.backend.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfheal.emulator.control.FunctionInvocation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * A function's invocations read from what Lambda itself records: its log group {@code /aws/lambda/<function>} (the
 * platform's START, END and REPORT lines per request id, a "Task timed out" line, the runtime's error document) and
 * its {@code AWS/Lambda} {@code Invocations} and {@code Errors} metrics
 * (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html). The metrics count what the logs cannot
 * show (a role without permission to write logs, lines not yet delivered): each invocation they count beyond the
 * logged ones is added without a request id.
 */
final class FunctionLogs {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern START = Pattern.compile("^START RequestId: (\\S+)");
    private static final Pattern END = Pattern.compile("^END RequestId: (\\S+)");
    private static final Pattern REPORT = Pattern.compile("^REPORT RequestId: (\\S+).*?(?:\\tStatus: (\\w+))?\\s*$",
            Pattern.DOTALL);
    private static final Pattern TIMED_OUT = Pattern.compile("(Task timed out after [0-9.]+ seconds)");

    private final CloudWatchLogsClient logs;
    private final CloudWatchClient metrics;
    private final Instant since;

    FunctionLogs(CloudWatchLogsClient logs, CloudWatchClient metrics, Instant since) {
        this.logs = logs;
        this.metrics = metrics;
        this.since = since;
    }

    List<FunctionInvocation> read(String functionName) {
        List<FunctionInvocation> invocations = fromLogs(functionName);
        long loggedErrors = invocations.stream().filter(FunctionInvocation::failed).count();
        long counted = metricSum(functionName, "Invocations");
        long countedErrors = metricSum(functionName, "Errors");
        for (long n = invocations.size(); n < counted; n++) {
            boolean failed = loggedErrors++ < countedErrors;
            invocations.add(new FunctionInvocation(null, functionName, null, null, null, since, since,
                    null, null, failed ? "Unknown" : null,
                    failed ? "counted by the AWS/Lambda Errors metric, not in the function's log" : null, ""));
        }
        return invocations;
    }

    private List<FunctionInvocation> fromLogs(String functionName) {
        // One stream is one execution environment, which runs one invocation at a time: a line belongs to the
        // request the last START of its stream opened.
        Map<String, Invocation> byRequest = new LinkedHashMap<>();
        Map<String, Invocation> openByStream = new LinkedHashMap<>();
        try {
            logs.filterLogEventsPaginator(r -> r.logGroupName("/aws/lambda/" + functionName)
                    .startTime(since.toEpochMilli())).events().forEach(e -> {
                        String line = e.message();
                        Matcher start = START.matcher(line);
                        if (start.find()) {
                            Invocation i = new Invocation(start.group(1), Instant.ofEpochMilli(e.timestamp()));
                            byRequest.put(i.requestId, i);
                            openByStream.put(e.logStreamName(), i);
                            return;
                        }
                        Invocation open = openByStream.get(e.logStreamName());
                        if (open != null) {
                            open.take(line, e);
                        }
                    });
        } catch (ResourceNotFoundException noLogGroupYet) {
            return new ArrayList<>();
        }
        List<FunctionInvocation> out = new ArrayList<>();
        byRequest.values().forEach(i -> out.add(i.record(functionName)));
        return out;
    }

    private long metricSum(String functionName, String metric) {
        Instant end = Instant.now().plusSeconds(60);
        return metrics.getMetricStatistics(r -> r.namespace("AWS/Lambda").metricName(metric)
                        .dimensions(d -> d.name("FunctionName").value(functionName))
                        .startTime(since.minusSeconds(60)).endTime(end).period(60).statistics(Statistic.SUM))
                .datapoints().stream().mapToDouble(Datapoint::sum).mapToLong(Math::round).sum();
    }

    /** What the log says of one request so far. */
    private static final class Invocation {
        final String requestId;
        final Instant started;
        final StringBuilder lines = new StringBuilder();
        Instant finished;
        String errorType;
        String errorMessage;

        Invocation(String requestId, Instant started) {
            this.requestId = requestId;
            this.started = started;
        }

        void take(String line, FilteredLogEvent e) {
            Matcher report = REPORT.matcher(line);
            if (report.find() && report.group(1).equals(requestId)) {
                finished = Instant.ofEpochMilli(e.timestamp());
                if (errorType == null && "timeout".equals(report.group(2))) {
                    errorType = "Sandbox.Timedout";
                } else if (errorType == null && report.group(2) != null) {
                    errorType = "Runtime.ExitError";
                }
                return;
            }
            if (END.matcher(line).find()) {
                return;
            }
            lines.append(line.endsWith("\n") ? line : line + "\n");
            Matcher timedOut = TIMED_OUT.matcher(line);
            if (timedOut.find()) {
                errorType = "Sandbox.Timedout";
                errorMessage = timedOut.group(1);
            } else if (errorType == null && line.contains("\"errorType\"")) {
                errorDocument(line);
            }
        }

        /** The runtime writes an unhandled error as {@code {"errorMessage", "errorType", …}}, perhaps after a prefix. */
        private void errorDocument(String line) {
            int brace = line.indexOf('{');
            try {
                JsonNode doc = JSON.readTree(line.substring(brace));
                errorType = doc.path("errorType").asText(null);
                errorMessage = doc.path("errorMessage").asText(null);
            } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException notADocument) {
                // A line that merely mentions errorType: the REPORT status or the metrics still tell.
            }
        }

        FunctionInvocation record(String functionName) {
            return new FunctionInvocation(requestId, functionName, null, null, null, started, finished, null, null,
                    finished == null ? null : errorType, finished == null ? null : errorMessage, lines.toString());
        }
    }
}
