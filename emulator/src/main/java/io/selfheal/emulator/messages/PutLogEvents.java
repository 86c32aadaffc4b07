package io.selfheal.emulator.messages;

import io.selfheal.emulator.core.BusRequest;
import java.time.Instant;
import java.util.List;

/**
 * Log events written to CloudWatch Logs by a service: a Lambda function's output (into {@code /aws/lambda/<name>},
 * created when missing as Lambda does), or an EventBridge log-group target (which needs a resource policy allowing
 * {@code events.amazonaws.com}, as on AWS). Ask with {@code bus.ask(new PutLogEvents(…))}.
 *
 * @param accountId       the account that owns the log group
 * @param region          its region
 * @param logGroupName    the group
 * @param logStreamName   the stream (created when missing)
 * @param events          the events, in order
 * @param createGroup     create the group when missing (Lambda does; EventBridge targets must exist)
 * @param principal       the writing service, e.g. {@code events.amazonaws.com}; null for no policy check
 * @param sourceArn       the writing resource, for {@code aws:SourceArn} conditions
 */
public record PutLogEvents(String accountId, String region, String logGroupName, String logStreamName,
                           List<LogEvent> events, boolean createGroup, String principal, String sourceArn)
        implements BusRequest<Delivery> {

    /** One log line with its time. */
    public record LogEvent(Instant timestamp, String message) {
    }
}
