package io.selfheal.emulator.services.lambda;

import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.core.InternalBus;
import io.selfheal.emulator.messages.PutMetricData;
import io.selfheal.emulator.messages.PutMetricData.Datum;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code AWS/Lambda} metrics of each function (dimension {@code FunctionName}), published to CloudWatch over the
 * bus as they happen, so GetMetricStatistics and alarms see them.
 * https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html
 */
final class LambdaMetrics {
    static final String NAMESPACE = "AWS/Lambda";

    private final InternalBus bus;
    private final EmulatorClock clock;

    LambdaMetrics(InternalBus bus, EmulatorClock clock) {
        this.bus = bus;
        this.clock = clock;
    }

    /** An invocation ran (whatever its outcome): Invocations, Errors and Duration; "Errors" counts function errors. */
    void invoked(LambdaFunction f, boolean failed, double durationMs) {
        publish(f, datum(f, "Invocations", 1, "Count"), datum(f, "Errors", failed ? 1 : 0, "Count"),
                datum(f, "Duration", durationMs, "Milliseconds"));
    }

    /** An invocation started, taking the function to {@code running} concurrent executions. */
    void concurrency(LambdaFunction f, int running) {
        publish(f, datum(f, "ConcurrentExecutions", running, "Count"));
    }

    /** An invocation was refused for want of concurrency (not an invocation, not an error). */
    void throttled(LambdaFunction f) {
        count(f, "Throttles");
    }

    /** One of {@code AsyncEventsReceived}, {@code AsyncEventsDropped}, {@code DeadLetterErrors}, {@code DestinationDeliveryFailures}. */
    void count(LambdaFunction f, String metric) {
        publish(f, datum(f, metric, 1, "Count"));
    }

    /** How long an event waited in the queue before this attempt. */
    void eventAge(LambdaFunction f, long ageMs) {
        publish(f, datum(f, "AsyncEventAge", ageMs, "Milliseconds"));
    }

    private Datum datum(LambdaFunction f, String metric, double value, String unit) {
        return new Datum(metric, Map.of("FunctionName", f.name()), value, unit, clock.now());
    }

    private void publish(LambdaFunction f, Datum... data) {
        bus.publish(new PutMetricData(f.accountId(), f.region(), NAMESPACE, new ArrayList<>(List.of(data))));
    }
}
