package io.selfheal.emulator.services.sns;

import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Ids;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.messages.Delivery;
import io.selfheal.emulator.messages.InvokeFunction;
import io.selfheal.emulator.messages.SendToQueue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers a published message to every confirmed subscription whose filter policy accepts it, each on the worker
 * pool and counted as in-flight work until attempted. SQS and Lambda are asked over the bus as the service principal
 * {@code sns.amazonaws.com} (their resource policies decide); HTTP/S endpoints get a real POST. Failures are recorded
 * in {@link SnsDeliveries} and logged, never thrown at the publisher: on AWS, Publish succeeds regardless.
 */
final class Fanout {
    static final String PRINCIPAL = "sns.amazonaws.com";
    private static final Logger LOG = Logger.getLogger(Fanout.class.getName());

    private final EmulatorContext context;
    private final SnsDeliveries deliveries;
    private final HttpDelivery http = new HttpDelivery();

    Fanout(EmulatorContext context, SnsDeliveries deliveries) {
        this.context = context;
        this.deliveries = deliveries;
    }

    void publish(Topic topic, Notification n) {
        for (Subscription s : topic.subscriptions()) {
            if (!s.pending() && s.accepts(n)) {
                context.workers().execute(context.activity().track(() -> deliver(s, n)));
            }
        }
    }

    /** Sends an HTTP/S subscriber the SubscriptionConfirmation carrying its token. */
    void confirm(Subscription s) {
        context.workers().execute(context.activity().track(() -> {
            String messageId = context.ids().uuid("notification");
            String body = Json.write(envelopes().confirmation(s, messageId, context.clock().now()));
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("x-amz-sns-message-type", "SubscriptionConfirmation");
            headers.put("x-amz-sns-message-id", messageId);
            headers.put("x-amz-sns-topic-arn", s.topicArn.toString());
            record("SubscriptionConfirmation", s, messageId, http.post(s.endpoint, headers, body));
        }));
    }

    private void deliver(Subscription s, Notification n) {
        String error;
        try {
            error = switch (s.protocol) {
                case "sqs" -> toQueue(s, n);
                case "lambda" -> toFunction(s, n);
                case "http", "https" -> toEndpoint(s, n);
                default -> "protocol " + s.protocol + " is recorded only, nothing is sent";
            };
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        record("Notification", s, n.messageId(), error);
    }

    private String toQueue(Subscription s, Notification n) {
        String body;
        Map<String, String> attributes = new LinkedHashMap<>();
        if (s.raw()) {
            body = n.messageFor(s.protocol);
            n.attributes().forEach((name, a) -> attributes.put(name, a.value()));
        } else {
            body = Json.write(envelopes().notification(n, s));
        }
        Delivery d = context.bus().ask(new SendToQueue(s.endpoint, body, attributes, n.groupId(), n.dedupId(),
                PRINCIPAL, s.topicArn.toString()));
        return d.accepted() ? null : d.errorCode() + ": " + d.errorMessage();
    }

    private String toFunction(Subscription s, Notification n) {
        byte[] event = Json.write(envelopes().lambdaEvent(n, s)).getBytes(StandardCharsets.UTF_8);
        String account = s.topicArn.accountId();
        InvokeFunction.Result r = context.bus().ask(new InvokeFunction(account, s.topicArn.region(), s.endpoint,
                event, PRINCIPAL, s.topicArn.toString(), account));
        return r.accepted() ? null : r.errorCode() + ": " + r.errorMessage();
    }

    private String toEndpoint(Subscription s, Notification n) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amz-sns-message-type", "Notification");
        headers.put("x-amz-sns-message-id", n.messageId());
        headers.put("x-amz-sns-topic-arn", s.topicArn.toString());
        headers.put("x-amz-sns-subscription-arn", s.arn);
        String body;
        if (s.raw()) {
            headers.put("x-amz-sns-rawdelivery", "true");
            body = n.messageFor(s.protocol);
        } else {
            body = Json.write(envelopes().notification(n, s));
        }
        return http.post(s.endpoint, headers, body);
    }

    private void record(String kind, Subscription s, String messageId, String error) {
        Instant now = context.clock().now();
        deliveries.record(new SnsDeliveries.Attempt(now, kind, s.topicArn.toString(), s.arn, s.protocol, s.endpoint,
                messageId, error == null, error));
        if (error != null) {
            LOG.log(Level.WARNING, "SNS could not deliver {0} {1} to {2} {3}: {4}",
                    new Object[] {kind, messageId, s.protocol, s.endpoint, error});
        }
    }

    private Envelopes envelopes() {
        return new Envelopes(context.endpoint(), context.ids());
    }
}
