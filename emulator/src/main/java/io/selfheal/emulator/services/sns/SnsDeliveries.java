package io.selfheal.emulator.services.sns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * SNS's side door for the harness ({@code emulator.control().component(SnsDeliveries.class)}): every delivery
 * attempted to a subscription, most recent last, so a test can see why a message never arrived (a Lambda permission
 * missing, an endpoint answering 500). Bounded: the oldest records go first.
 */
public final class SnsDeliveries {
    private static final int LIMIT = 10_000;

    private final ConcurrentLinkedDeque<Attempt> attempts = new ConcurrentLinkedDeque<>();

    /**
     * One delivery attempt.
     *
     * @param kind      {@code Notification} or {@code SubscriptionConfirmation}
     * @param delivered whether the endpoint took it (SQS/Lambda accepted, HTTP 2xx)
     * @param error     why not: an AWS error code and message, an HTTP status, a connection failure; else null
     */
    public record Attempt(Instant time, String kind, String topicArn, String subscriptionArn, String protocol,
                          String endpoint, String messageId, boolean delivered, String error) {
    }

    void record(Attempt attempt) {
        attempts.addLast(attempt);
        while (attempts.size() > LIMIT) {
            attempts.pollFirst();
        }
    }

    public List<Attempt> attempts() {
        return new ArrayList<>(attempts);
    }

    public List<Attempt> failures() {
        return attempts.stream().filter(a -> !a.delivered()).toList();
    }

    public List<Attempt> forSubscription(String subscriptionArn) {
        return attempts.stream().filter(a -> a.subscriptionArn().equals(subscriptionArn)).toList();
    }

    void clear() {
        attempts.clear();
    }
}
