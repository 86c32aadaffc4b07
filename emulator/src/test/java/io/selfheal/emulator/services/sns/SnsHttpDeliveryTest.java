package io.selfheal.emulator.services.sns;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.selfheal.emulator.core.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP/S subscribers, per "Parsing message formats" and "Fanout to HTTP/S endpoints": a SubscriptionConfirmation with
 * Token and SubscribeURL first, notifications only once confirmed, AWS's headers and JSON body.
 */
class SnsHttpDeliveryTest extends SnsTestBase {
    private static WireMockServer endpoint;

    @BeforeAll
    static void startEndpoint() {
        endpoint = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        endpoint.start();
    }

    @AfterAll
    static void stopEndpoint() {
        endpoint.stop();
    }

    @BeforeEach
    void answerOk() {
        endpoint.resetAll();
        endpoint.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
        endpoint.stubFor(post(urlEqualTo("/broken")).willReturn(aResponse().withStatus(500)));
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + endpoint.port() + path;
    }

    private static List<LoggedRequest> received(String type) {
        return endpoint.findAll(postRequestedFor(urlEqualTo("/hook"))
                .withHeader("x-amz-sns-message-type", equalTo(type)));
    }

    private static String subscribe(String topic) {
        return sns.subscribe(r -> r.topicArn(topic).protocol("http").endpoint(url("/hook"))
                .returnSubscriptionArn(true)).subscriptionArn();
    }

    @Test
    void subscribingSendsAConfirmationAndNothingIsDeliveredUntilConfirmed() throws Exception {
        String topic = createTopic("alerts");
        String subscription = subscribe(topic);
        awaitIdle();

        LoggedRequest confirmation = received("SubscriptionConfirmation").get(0);
        assertThat(confirmation.getHeader("Content-Type")).isEqualTo("text/plain; charset=UTF-8");
        assertThat(confirmation.getHeader("x-amz-sns-topic-arn")).isEqualTo(topic);
        JsonNode body = Json.parse(confirmation.getBodyAsString());
        assertThat(body.get("Type").asText()).isEqualTo("SubscriptionConfirmation");
        assertThat(body.get("MessageId").asText()).isEqualTo(confirmation.getHeader("x-amz-sns-message-id"));
        assertThat(body.get("TopicArn").asText()).isEqualTo(topic);
        assertThat(body.get("SubscribeURL").asText()).contains("Action=ConfirmSubscription");
        assertThat(body.get("Message").asText()).startsWith("You have chosen to subscribe to the topic " + topic);
        String token = body.get("Token").asText();

        sns.publish(r -> r.topicArn(topic).message("too early"));
        awaitIdle();
        assertThat(received("Notification")).isEmpty();

        assertThat(sns.confirmSubscription(r -> r.topicArn(topic).token(token)).subscriptionArn())
                .isEqualTo(subscription);
        String messageId = sns.publish(r -> r.topicArn(topic).subject("Disk").message("disk full")
                .messageAttributes(Map.of("severity", string("high")))).messageId();
        awaitIdle();

        LoggedRequest notification = received("Notification").get(0);
        assertThat(notification.getHeader("x-amz-sns-message-id")).isEqualTo(messageId);
        assertThat(notification.getHeader("x-amz-sns-topic-arn")).isEqualTo(topic);
        assertThat(notification.getHeader("x-amz-sns-subscription-arn")).isEqualTo(subscription);
        assertThat(notification.getHeader("Content-Type")).isEqualTo("text/plain; charset=UTF-8");
        assertThat(notification.getHeader("User-Agent")).isEqualTo("Amazon Simple Notification Service Agent");
        JsonNode n = Json.parse(notification.getBodyAsString());
        assertThat(n.get("Type").asText()).isEqualTo("Notification");
        assertThat(n.get("MessageId").asText()).isEqualTo(messageId);
        assertThat(n.get("Subject").asText()).isEqualTo("Disk");
        assertThat(n.get("Message").asText()).isEqualTo("disk full");
        assertThat(n.at("/MessageAttributes/severity/Value").asText()).isEqualTo("high");
        assertThat(n.get("UnsubscribeURL").asText()).contains(subscription);
    }

    @Test
    void visitingTheSubscribeUrlConfirms() throws Exception {
        String topic = createTopic("alerts");
        String subscription = subscribe(topic);
        awaitIdle();
        String subscribeUrl = Json.parse(received("SubscriptionConfirmation").get(0).getBodyAsString())
                .get("SubscribeURL").asText();
        HttpResponse<String> visit = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(subscribeUrl)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(visit.statusCode()).isEqualTo(200);
        assertThat(visit.body()).contains("<SubscriptionArn>" + subscription + "</SubscriptionArn>");
        assertThat(sns.getSubscriptionAttributes(r -> r.subscriptionArn(subscription)).attributes())
                .containsEntry("PendingConfirmation", "false");
    }

    @Test
    void rawDeliveryPostsTheMessageWithTheRawHeader() throws Exception {
        String topic = createTopic("alerts");
        String subscription = subscribe(topic);
        awaitIdle();
        String token = Json.parse(received("SubscriptionConfirmation").get(0).getBodyAsString())
                .get("Token").asText();
        sns.confirmSubscription(r -> r.topicArn(topic).token(token));
        sns.setSubscriptionAttributes(r -> r.subscriptionArn(subscription).attributeName("RawMessageDelivery")
                .attributeValue("true"));
        sns.publish(r -> r.topicArn(topic).message("plain text"));
        awaitIdle();
        LoggedRequest raw = received("Notification").get(0);
        assertThat(raw.getHeader("x-amz-sns-rawdelivery")).isEqualTo("true");
        assertThat(raw.getBodyAsString()).isEqualTo("plain text");
    }

    @Test
    void anEndpointAnsweringAnErrorIsRecordedAsAFailedDelivery() {
        String topic = createTopic("alerts");
        String subscription = sns.subscribe(r -> r.topicArn(topic).protocol("http").endpoint(url("/broken"))
                .returnSubscriptionArn(true)).subscriptionArn();
        awaitIdle();
        assertThat(deliveries().forSubscription(subscription)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("SubscriptionConfirmation");
            assertThat(a.delivered()).isFalse();
            assertThat(a.error()).isEqualTo("HTTP 500");
        });
    }
}
