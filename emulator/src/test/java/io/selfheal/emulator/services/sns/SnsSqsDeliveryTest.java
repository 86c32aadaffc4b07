package io.selfheal.emulator.services.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.messages.SendToQueue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fan-out to SQS ("Fanout to Amazon SQS queues", "Amazon SNS raw message delivery") against a stand-in queue. */
class SnsSqsDeliveryTest extends SnsTestBase {

    @Test
    void queuesReceiveTheJsonNotificationEnvelope() throws Exception {
        String topic = createTopic("alerts");
        String subscription = subscribeQueue(topic, "inbox", Map.of());
        String messageId = sns.publish(r -> r.topicArn(topic).subject("Disk").message("disk full")
                .messageAttributes(Map.of("severity", string("high"), "count", number("3")))).messageId();
        awaitIdle();

        SendToQueue sent = queues.sent(queueArn("inbox")).get(0);
        assertThat(sent.principal()).isEqualTo("sns.amazonaws.com");
        assertThat(sent.sourceArn()).isEqualTo(topic);
        assertThat(sent.attributes()).isEmpty();
        JsonNode body = Json.parse(sent.body());
        assertThat(body.get("Type").asText()).isEqualTo("Notification");
        assertThat(body.get("MessageId").asText()).isEqualTo(messageId);
        assertThat(body.get("TopicArn").asText()).isEqualTo(topic);
        assertThat(body.get("Subject").asText()).isEqualTo("Disk");
        assertThat(body.get("Message").asText()).isEqualTo("disk full");
        assertThat(body.get("Timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(body.get("SignatureVersion").asText()).isEqualTo("1");
        assertThat(body.get("Signature").asText()).isNotBlank();
        assertThat(body.get("SigningCertURL").asText()).startsWith("https://sns.us-east-1.amazonaws.com/");
        assertThat(body.get("UnsubscribeURL").asText()).endsWith("Action=Unsubscribe&SubscriptionArn="
                + subscription);
        assertThat(body.at("/MessageAttributes/severity/Type").asText()).isEqualTo("String");
        assertThat(body.at("/MessageAttributes/severity/Value").asText()).isEqualTo("high");
        assertThat(body.at("/MessageAttributes/count/Type").asText()).isEqualTo("Number");
    }

    @Test
    void withoutASubjectTheEnvelopeHasNone() throws Exception {
        String topic = createTopic("alerts");
        subscribeQueue(topic, "inbox", Map.of());
        sns.publish(r -> r.topicArn(topic).message("m"));
        awaitIdle();
        JsonNode body = Json.parse(queues.sent(queueArn("inbox")).get(0).body());
        assertThat(body.has("Subject")).isFalse();
        assertThat(body.has("MessageAttributes")).isFalse();
    }

    @Test
    void rawMessageDeliverySendsTheMessageAndItsAttributesAsIs() {
        String topic = createTopic("alerts");
        subscribeQueue(topic, "raw", Map.of("RawMessageDelivery", "true"));
        sns.publish(r -> r.topicArn(topic).message("{\"alarm\":\"cpu\"}")
                .messageAttributes(Map.of("severity", string("high"))));
        awaitIdle();
        SendToQueue sent = queues.sent(queueArn("raw")).get(0);
        assertThat(sent.body()).isEqualTo("{\"alarm\":\"cpu\"}");
        assertThat(sent.attributes()).containsExactly(Map.entry("severity", "high"));
    }

    @Test
    void aJsonMessageStructureGivesTheQueueItsOwnMessage() throws Exception {
        String topic = createTopic("alerts");
        subscribeQueue(topic, "inbox", Map.of());
        sns.publish(r -> r.topicArn(topic).messageStructure("json")
                .message("{\"default\": \"for everyone\", \"sqs\": \"for queues\"}"));
        awaitIdle();
        assertThat(Json.parse(queues.sent(queueArn("inbox")).get(0).body()).get("Message").asText())
                .isEqualTo("for queues");
    }

    @Test
    void fifoTopicsPassTheGroupAndDeduplicationIds() {
        String topic = sns.createTopic(r -> r.name("orders.fifo")
                .attributes(Map.of("FifoTopic", "true", "ContentBasedDeduplication", "true"))).topicArn();
        subscribeQueue(topic, "orders.fifo", Map.of());
        sns.publish(r -> r.topicArn(topic).message("order 1").messageGroupId("customer-7"));
        awaitIdle();
        SendToQueue sent = queues.sent(queueArn("orders.fifo")).get(0);
        assertThat(sent.messageGroupId()).isEqualTo("customer-7");
        assertThat(sent.deduplicationId()).hasSize(64); // SHA-256 of the body under content-based deduplication
    }

    @Test
    void aRefusedDeliveryIsRecordedAndPublishStillSucceeds() {
        String topic = createTopic("alerts");
        String subscription = subscribeQueue(topic, "locked", Map.of());
        queues.refuse(queueArn("locked"), "AccessDenied", "queue policy does not allow sns.amazonaws.com");
        String messageId = sns.publish(r -> r.topicArn(topic).message("m")).messageId();
        awaitIdle();
        assertThat(deliveries().failures()).singleElement().satisfies(f -> {
            assertThat(f.subscriptionArn()).isEqualTo(subscription);
            assertThat(f.messageId()).isEqualTo(messageId);
            assertThat(f.error()).startsWith("AccessDenied");
        });
    }

    @Test
    void pendingAndDeletedSubscriptionsReceiveNothing() {
        String topic = createTopic("alerts");
        String arn = subscribeQueue(topic, "gone", Map.of());
        sns.unsubscribe(r -> r.subscriptionArn(arn));
        sns.publish(r -> r.topicArn(topic).message("m"));
        awaitIdle();
        assertThat(queues.sent(queueArn("gone"))).isEmpty();
    }

    @Test
    void theUnsubscribeUrlInTheEnvelopeReallyUnsubscribes() throws Exception {
        String topic = createTopic("alerts");
        subscribeQueue(topic, "inbox", Map.of());
        sns.publish(r -> r.topicArn(topic).message("m"));
        awaitIdle();
        String url = Json.parse(queues.sent(queueArn("inbox")).get(0).body()).get("UnsubscribeURL").asText();
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<UnsubscribeResponse");
        assertThat(sns.listSubscriptionsByTopic(r -> r.topicArn(topic)).subscriptions()).isEmpty();
    }
}
