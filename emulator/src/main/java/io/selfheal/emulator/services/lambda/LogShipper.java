package io.selfheal.emulator.services.lambda;

import io.selfheal.emulator.core.CallerIdentity;
import io.selfheal.emulator.core.InternalBus;
import io.selfheal.emulator.core.authz.Authorization;
import io.selfheal.emulator.core.NoHandlerException;
import io.selfheal.emulator.messages.Delivery;
import io.selfheal.emulator.messages.PutLogEvents;
import io.selfheal.emulator.services.lambda.runtime.InvocationResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends a finished invocation's log to CloudWatch Logs, as Lambda does: group {@code /aws/lambda/<function>}
 * (created when missing), stream = the sandbox's {@code AWS_LAMBDA_LOG_STREAM_NAME}, one event per line with its
 * newline, as Lambda's own lines appear there. The output is read once the invocation is over, so the START line
 * carries the invocation's start time and every other line its end time.
 * <p>
 * Shipping never affects the invocation: without a Logs service on the bus, or if it refuses, the lines stay in the
 * invocation record only. Lambda writes with the function's execution role, so under IAM enforcement a role without
 * {@code logs:CreateLogStream} and {@code logs:PutLogEvents} on the stream gets no logs, and one without
 * {@code logs:CreateLogGroup} none until the group exists; that permission is asked for only when the group is
 * missing, since only then does Lambda create it, as on AWS
 * (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html). Likewise the stream: each sandbox
 * creates its own once, so {@code logs:CreateLogStream} is asked for on a sandbox's first shipped log only.
 */
final class LogShipper {
    private static final Logger LOG = Logger.getLogger(LogShipper.class.getName());

    static final String ORIGIN = "lambda:logs";
    /** Streams bounded by sandboxes ever started; forgetting one only asks for CreateLogStream again. */
    private static final int STREAMS_REMEMBERED = 10_000;

    private final InternalBus bus;
    private final Authorization authorization;
    /** The stream ARNs this shipper has created: a sandbox's stream, after its first shipped log. */
    private final Set<String> createdStreams = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > STREAMS_REMEMBERED;
                }
            }));

    LogShipper(InternalBus bus, Authorization authorization) {
        this.bus = bus;
        this.authorization = authorization;
    }

    private Delivery put(LambdaFunction function, String group, String stream, List<PutLogEvents.LogEvent> events,
                         boolean createGroup) {
        return bus.ask(new PutLogEvents(function.accountId(), function.region(), group, stream, events, createGroup,
                null, null));
    }

    void ship(LambdaFunction function, InvocationResult result, Instant started, Instant finished) {
        if (result.logStream() == null || result.logs() == null || result.logs().isEmpty()) {
            return;
        }
        List<PutLogEvents.LogEvent> events = new ArrayList<>();
        String logs = result.logs();
        int from = 0;
        while (from < logs.length()) {
            int nl = logs.indexOf('\n', from);
            int to = nl < 0 ? logs.length() : nl + 1;
            String line = logs.substring(from, to);
            if (!line.isBlank()) {
                events.add(new PutLogEvents.LogEvent(line.startsWith("START RequestId:") ? started : finished, line));
            }
            from = to;
        }
        String group = "/aws/lambda/" + function.name();
        String groupArn = "arn:aws:logs:" + function.region() + ":" + function.accountId() + ":log-group:" + group;
        String streamArn = groupArn + ":log-stream:" + result.logStream();
        CallerIdentity role = function.revision().credentials().identity();
        boolean streamExists = createdStreams.contains(streamArn);
        if (!streamExists && !authorization.permits(role, "logs:CreateLogStream", streamArn, ORIGIN)
                || !authorization.permits(role, "logs:PutLogEvents", streamArn, ORIGIN)) {
            LOG.fine(() -> "the role of " + function.name() + " may not write its logs: none shipped");
            return;
        }
        try {
            Delivery d = put(function, group, result.logStream(), events, false);
            if (!d.accepted() && "ResourceNotFoundException".equals(d.errorCode())
                    && authorization.permits(role, "logs:CreateLogGroup", groupArn, ORIGIN)) {
                // Only a missing group makes Lambda call CreateLogGroup, so only then is the permission needed.
                d = put(function, group, result.logStream(), events, true);
            }
            if (d.accepted()) {
                createdStreams.add(streamArn);
            } else {
                Delivery refused = d;
                LOG.warning(() -> "CloudWatch Logs refused the log of " + function.name() + ": "
                        + refused.errorCode() + ": " + refused.errorMessage());
            }
        } catch (NoHandlerException noLogsService) {
            LOG.log(Level.FINE, "no CloudWatch Logs service to ship the log of " + function.name() + " to",
                    noLogsService);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot ship the log of " + function.name() + " to CloudWatch Logs", e);
        }
    }
}
