package io.selfheal.harness.dsl;

import io.selfheal.harness.stack.FunctionAsync;
import java.time.Duration;

/**
 * An SQS event source mapping of a function ({@code eventSources[]}): {@code s -> s.batchSize(10)
 * .batchingWindow(Duration.ofSeconds(5)).reportBatchItemFailures()}; unset values are Lambda's defaults.
 */
public final class EventSourceSpec extends Spec<EventSourceSpec> {
    private Integer batchSize;
    private Duration batchingWindow;
    private boolean reportBatchItemFailures;

    EventSourceSpec() {
    }

    /** Messages per batch (Lambda's default 10; above 10 needs a batching window). */
    public EventSourceSpec batchSize(int messages) {
        return with(s -> s.batchSize = messages);
    }

    /** MaximumBatchingWindowInSeconds, up to five minutes. */
    public EventSourceSpec batchingWindow(Duration window) {
        return with(s -> s.batchingWindow = window);
    }

    /** FunctionResponseTypes ReportBatchItemFailures: the function names the records that failed. */
    public EventSourceSpec reportBatchItemFailures() {
        return with(s -> s.reportBatchItemFailures = true);
    }

    FunctionAsync.EventSource build(String queue, Checks checks) {
        return new FunctionAsync.EventSource(queue, batchSize,
                FunctionAsync.batchingWindow(batchingWindow, checks), reportBatchItemFailures);
    }
}
