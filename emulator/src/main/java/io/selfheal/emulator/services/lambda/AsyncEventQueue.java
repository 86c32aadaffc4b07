package io.selfheal.emulator.services.lambda;

import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.services.lambda.runtime.InvocationResult;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lambda's asynchronous invocation queue, on the emulator clock. Every {@code Event} invocation goes through it
 * (Invoke, EventBridge targets, CloudWatch alarm actions, SNS subscriptions, destinations). As AWS documents it
 * (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html):
 * <ul>
 *   <li>a function error (the code's, or the runtime's such as a timeout) is retried up to
 *       {@code MaximumRetryAttempts} times, one minute after the first attempt and two minutes after the second;</li>
 *   <li>a throttle (429) is retried with a backoff growing from 1 second to at most 5 minutes, for as long as the
 *       event is younger than {@code MaximumEventAgeInSeconds} — reserved concurrency 0 included: the event waits
 *       in the queue like any throttled one. The source that queued it (EventBridge, SNS, an alarm) saw its
 *       {@code Invoke} accepted, so its own retry policy and dead-letter queue never see the throttle;</li>
 *   <li>an event older than that is not attempted again ({@code EventAgeExceeded});</li>
 *   <li>the outcome goes to the on-success or on-failure destination and, on failure, the dead-letter queue
 *       ({@link AsyncOutcomes}).</li>
 * </ul>
 * An event counts as in-flight work while an attempt runs, not while it waits for its retry (a timer).
 */
final class AsyncEventQueue {
    private static final Logger LOG = Logger.getLogger(AsyncEventQueue.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    private static final Duration SECOND_RETRY = Duration.ofMinutes(2);
    private static final Duration FIRST_THROTTLE_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_THROTTLE_BACKOFF = Duration.ofMinutes(5);

    private final EmulatorContext context;
    private final Invoker invoker;
    private final LambdaMetrics metrics;
    private AsyncOutcomes outcomes;

    AsyncEventQueue(EmulatorContext context, Invoker invoker, LambdaMetrics metrics) {
        this.context = context;
        this.invoker = invoker;
        this.metrics = metrics;
    }

    /** Set once: outcomes may queue events themselves (a function destination). */
    void outcomes(AsyncOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    /** One queued event and how far it got. */
    static final class Event {
        final LambdaFunction function;
        final String requestId;
        final String invokedBy;
        final byte[] payload;
        final String clientContext;
        final Instant received;
        int attempts;
        /** Whether the last attempt was refused for want of concurrency (its dead letter's ErrorCode is 429). */
        boolean throttled;
        Duration throttleBackoff = FIRST_THROTTLE_BACKOFF;
        InvocationResult last;

        Event(LambdaFunction function, String requestId, String invokedBy, byte[] payload, String clientContext,
              Instant received) {
            this.function = function;
            this.requestId = requestId;
            this.invokedBy = invokedBy;
            this.payload = payload;
            this.clientContext = clientContext;
            this.received = received;
        }
    }

    /** Queues an event and returns at once; the first attempt starts now. */
    void accept(LambdaFunction function, String requestId, String invokedBy, byte[] payload, String clientContext) {
        metrics.count(function, "AsyncEventsReceived");
        Event event = new Event(function, requestId, invokedBy, payload, clientContext, context.clock().now());
        context.activity().begin();
        attempt(event);
    }

    /** Runs one attempt; called with one unit of in-flight work begun, which it ends. */
    private void attempt(Event e) {
        boolean handedOver = false;
        try {
            EventInvokeConfig config = EventInvokeConfig.of(e.function);
            long ageMs = Duration.between(e.received, context.clock().now()).toMillis();
            if (ageMs > config.maxAgeSeconds() * 1000L) {
                fail(e, AsyncOutcomes.Condition.EVENT_AGE_EXCEEDED);
                return;
            }
            metrics.eventAge(e.function, ageMs);
            var running = invoker.invoke(e.function, e.requestId, "Event", e.invokedBy, e.payload, e.clientContext);
            e.attempts++;
            e.throttled = false;
            handedOver = true;
            running.whenCompleteAsync((result, error) -> {
                try {
                    finished(e, result);
                } catch (RuntimeException bug) {
                    LOG.log(Level.WARNING, "asynchronous event " + e.requestId + " could not be settled", bug);
                } finally {
                    context.activity().end();
                }
            }, context.workers()); // off the sandbox's thread: settling may send, publish or start a sandbox
        } catch (AwsException refused) {
            if (refused.code().equals("TooManyRequestsException")) {
                throttled(e);
            } else {
                // the function is gone: nothing can run it any more, and its destinations went with it
                LOG.info(() -> "asynchronous event " + e.requestId + " dropped: " + refused.getMessage());
            }
        } finally {
            if (!handedOver) {
                context.activity().end();
            }
        }
    }

    private void finished(Event e, InvocationResult result) {
        e.last = result;
        if (result == null || !result.failed()) {
            outcomes.succeeded(e);
            return;
        }
        if (e.attempts > EventInvokeConfig.of(e.function).retries()) {
            fail(e, AsyncOutcomes.Condition.RETRIES_EXHAUSTED);
            return;
        }
        retryAfter(e, e.attempts == 1 ? FIRST_RETRY : SECOND_RETRY);
    }

    /**
     * No concurrency was free: back off and try again while the event is young enough. AWS makes no exception for
     * reserved concurrency 0 ("returns the event to the queue and attempts to run the function again for up to 6
     * hours"), so such an event ends {@code EventAgeExceeded} after its maximum age.
     */
    private void throttled(Event e) {
        e.throttled = true;
        Duration wait = e.throttleBackoff;
        e.throttleBackoff = min(e.throttleBackoff.multipliedBy(2), MAX_THROTTLE_BACKOFF);
        retryAfter(e, wait);
    }

    private void retryAfter(Event e, Duration wait) {
        context.clock().schedule(wait, () -> {
            context.activity().begin();
            attempt(e);
        });
    }

    private void fail(Event e, AsyncOutcomes.Condition condition) {
        metrics.count(e.function, "AsyncEventsDropped");
        outcomes.failed(e, condition);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
