package io.selfheal.emulator.services.sns;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Ids;
import io.selfheal.emulator.core.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;

/**
 * The JSON AWS delivers, field for field as documented in "Parsing message formats" (HTTP/S), "Fanout to Amazon
 * SQS queues" and the Lambda SNS event. Signatures are shaped like AWS's but sign nothing: this is a local cloud.
 * Subscribe and unsubscribe URLs point at the emulator, so an endpoint that visits them really confirms/unsubscribes.
 */
final class Envelopes {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final String endpoint;

    private final Ids ids;

    Envelopes(String endpoint, Ids ids) {
        this.ids = ids;
        this.endpoint = endpoint;
    }

    static String timestamp(Instant time) {
        return TIMESTAMP.format(time);
    }

    /** The notification an SQS queue or HTTP/S endpoint receives without raw message delivery. */
    ObjectNode notification(Notification n, Subscription s) {
        ObjectNode json = Json.object().put("Type", "Notification").put("MessageId", n.messageId());
        if (n.sequenceNumber() != null) {
            json.put("SequenceNumber", n.sequenceNumber());
        }
        json.put("TopicArn", n.topicArn().toString());
        if (n.subject() != null) {
            json.put("Subject", n.subject());
        }
        json.put("Message", n.messageFor(s.protocol))
                .put("Timestamp", timestamp(n.timestamp()))
                .put("SignatureVersion", "1")
                .put("Signature", signature(n.messageId()))
                .put("SigningCertURL", signingCertUrl(n.topicArn()))
                .put("UnsubscribeURL", unsubscribeUrl(s.arn));
        if (!n.attributes().isEmpty()) {
            json.set("MessageAttributes", attributes(n.attributes()));
        }
        return json;
    }

    /** What an HTTP/S endpoint receives on Subscribe: visit SubscribeURL or call ConfirmSubscription with Token. */
    ObjectNode confirmation(Subscription s, String messageId, Instant time) {
        String topic = s.topicArn.toString();
        return Json.object()
                .put("Type", "SubscriptionConfirmation")
                .put("MessageId", messageId)
                .put("Token", s.token)
                .put("TopicArn", topic)
                .put("Message", "You have chosen to subscribe to the topic " + topic
                        + ".\nTo confirm the subscription, visit the SubscribeURL included in this message.")
                .put("SubscribeURL", endpoint + "/?Action=ConfirmSubscription&TopicArn=" + topic
                        + "&Token=" + s.token)
                .put("Timestamp", timestamp(time))
                .put("SignatureVersion", "1")
                .put("Signature", signature(messageId))
                .put("SigningCertURL", signingCertUrl(s.topicArn));
    }

    /** The event a subscribed function receives ({@code Records[0].Sns}: note the {@code Url} spelling). */
    ObjectNode lambdaEvent(Notification n, Subscription s) {
        ObjectNode sns = Json.object()
                .put("Type", "Notification")
                .put("MessageId", n.messageId())
                .put("TopicArn", n.topicArn().toString())
                .put("Subject", n.subject())
                .put("Message", n.messageFor(s.protocol))
                .put("Timestamp", timestamp(n.timestamp()))
                .put("SignatureVersion", "1")
                .put("Signature", signature(n.messageId()))
                .put("SigningCertUrl", signingCertUrl(n.topicArn()))
                .put("UnsubscribeUrl", unsubscribeUrl(s.arn));
        sns.set("MessageAttributes", attributes(n.attributes()));
        ObjectNode record = Json.object()
                .put("EventSource", "aws:sns")
                .put("EventVersion", "1.0")
                .put("EventSubscriptionArn", s.arn);
        record.set("Sns", sns);
        ObjectNode event = Json.object();
        event.putArray("Records").add(record);
        return event;
    }

    String unsubscribeUrl(String subscriptionArn) {
        return endpoint + "/?Action=Unsubscribe&SubscriptionArn=" + subscriptionArn;
    }

    private static ObjectNode attributes(Map<String, MessageAttribute> attributes) {
        ObjectNode json = Json.object();
        attributes.forEach((name, a) -> json.putObject(name).put("Type", a.dataType()).put("Value", a.value()));
        return json;
    }

    private static String signingCertUrl(TopicArn topic) {
        return "https://sns." + topic.region()
                + ".amazonaws.com/SimpleNotificationService-00000000000000000000000000000000.pem";
    }

    /** Base64 of the right length; a placeholder, as the emulator holds no SNS signing key. */
    private String signature(String messageId) {
        byte[] bytes = (messageId + ids.secret(220)).getBytes(StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(bytes, 256));
    }
}
