package io.selfheal.harness.backend.observe;

import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.control.FunctionInvocation;
import io.selfheal.emulator.core.ApiCall;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Observation of a cloud through nothing but AWS's own APIs, for a backend without the emulator's control API (a
 * real account, LocalStack, {@code selfheal serve --aws-only}): API calls from CloudTrail's event history, a
 * function's invocations from its CloudWatch Logs and {@code AWS/Lambda} metrics, the default bus's events through a
 * catch-all rule into a queue of the harness's own ({@link BusTap}), opened with the stack and closed at teardown.
 * <p>
 * Each read is what AWS has delivered so far. CloudTrail delivers an event to the event history typically within
 * about five minutes of the call, without a guarantee (https://aws.amazon.com/cloudtrail/faqs/): before a verdict on
 * an exact count, {@link #awaitCallsDelivered(Duration)} waits until a marker call made now shows up, bounded.
 */
public final class AwsObservation implements Observation, AutoCloseable {
    /** How long {@link #awaitCallsDelivered} waits on AWS by default: three times the typical delivery delay. */
    public static final Duration CLOUDTRAIL_DELIVERY_BOUND = Duration.ofMinutes(15);

    private final CloudTrailClient trail;
    private final CloudWatchLogsClient logs;
    private final CloudWatchClient metrics;
    private final EventBridgeClient events;
    private final SqsClient sqs;
    private final TrailCalls calls;
    private final FunctionLogs functions;
    private final BusTap tap;

    private AwsObservation(CloudTrailClient trail, CloudWatchLogsClient logs, CloudWatchClient metrics,
                           EventBridgeClient events, SqsClient sqs, String runId, Instant since,
                           Duration lookupInterval) {
        this.trail = trail;
        this.logs = logs;
        this.metrics = metrics;
        this.events = events;
        this.sqs = sqs;
        this.calls = new TrailCalls(trail, since, lookupInterval, Clock.systemUTC());
        this.functions = new FunctionLogs(logs, metrics, since);
        this.tap = BusTap.open(events, sqs, runId);
    }

    /**
     * Opens the observation of one run: creates its tap (queue and catch-all rule named {@code tap-sh-<runId>})
     * and reads what happens from {@code since} on.
     *
     * @param endpoint       the cloud's endpoint, or null for AWS's own
     * @param lookupInterval the least time between two LookupEvents reads (one second keeps a poll within AWS's
     *                       two per second; zero against an emulator)
     */
    public static AwsObservation open(URI endpoint, String region, AwsCredentialsProvider credentials, String runId,
                                      Instant since, Duration lookupInterval) {
        return new AwsObservation(client(CloudTrailClient.builder(), endpoint, region, credentials),
                client(CloudWatchLogsClient.builder(), endpoint, region, credentials),
                client(CloudWatchClient.builder(), endpoint, region, credentials),
                client(EventBridgeClient.builder(), endpoint, region, credentials),
                client(SqsClient.builder(), endpoint, region, credentials), runId, since, lookupInterval);
    }

    private static <B extends AwsClientBuilder<B, C>, C> C client(B builder, URI endpoint, String region,
                                                                 AwsCredentialsProvider credentials) {
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.region(Region.of(region)).credentialsProvider(credentials).build();
    }

    @Override
    public List<ApiCall> calls() {
        return calls.read();
    }

    @Override
    public List<FunctionInvocation> invocations(String functionName) {
        return functions.read(functionName);
    }

    @Override
    public List<EventRecord> events() {
        return tap.read();
    }

    @Override
    public String source() {
        return "CloudTrail LookupEvents, CloudWatch Logs /aws/lambda/<function> and AWS/Lambda metrics, rule "
                + tap.name() + " → SQS";
    }

    /**
     * Makes a marker call now (CloudTrail's own DescribeTrails, a management event) and waits until the event
     * history holds it: calls made before it are then most likely delivered too.
     *
     * @return whether the marker arrived within {@code bound}
     */
    public boolean awaitCallsDelivered(Duration bound) {
        String marker = trail.describeTrails().responseMetadata().requestId();
        try {
            Awaitility.await("CloudTrail delivers call " + marker).atMost(bound).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofSeconds(1)).until(() -> calls.holds("DescribeTrails", marker));
            return true;
        } catch (ConditionTimeoutException late) {
            return false;
        }
    }

    /** Deletes the tap, then closes the clients. */
    @Override
    public void close() {
        try {
            tap.close();
        } finally {
            trail.close();
            logs.close();
            metrics.close();
            events.close();
            sqs.close();
        }
    }
}
