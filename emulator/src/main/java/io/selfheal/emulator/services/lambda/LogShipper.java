package io.selfheal.emulator.services.lambda;

import io.selfheal.emulator.core.InternalBus;
import io.selfheal.emulator.core.NoHandlerException;
import io.selfheal.emulator.messages.Delivery;
import io.selfheal.emulator.messages.PutLogEvents;
import io.selfheal.emulator.services.lambda.runtime.InvocationResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends a finished invocation's log to CloudWatch Logs, as Lambda does: group {@code /aws/lambda/<function>}
 * (created when missing), stream = the sandbox's {@code AWS_LAMBDA_LOG_STREAM_NAME}, one event per line with its
 * newline, as Lambda's own lines appear there. The output is read once the invocation is over, so the START line
 * carries the invocation's start time and every other line its end time.
 * <p>
 * Shipping never affects the invocation: without a Logs service on the bus, or if it refuses, the lines stay in the
 * invocation record only.
 */
final class LogShipper {
    private static final Logger LOG = Logger.getLogger(LogShipper.class.getName());

    private final InternalBus bus;

    LogShipper(InternalBus bus) {
        this.bus = bus;
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
        try {
            Delivery d = bus.ask(new PutLogEvents(function.accountId(), function.region(),
                    "/aws/lambda/" + function.name(), result.logStream(), events, true, null, null));
            if (!d.accepted()) {
                LOG.warning(() -> "CloudWatch Logs refused the log of " + function.name() + ": " + d.errorCode()
                        + ": " + d.errorMessage());
            }
        } catch (NoHandlerException noLogsService) {
            LOG.log(Level.FINE, "no CloudWatch Logs service to ship the log of " + function.name() + " to",
                    noLogsService);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot ship the log of " + function.name() + " to CloudWatch Logs", e);
        }
    }
}
