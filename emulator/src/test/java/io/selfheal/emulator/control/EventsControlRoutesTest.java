package io.selfheal.emulator.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfheal.emulator.EmulatorExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The event routes and the clock step over plain HTTP, as a harness in another process uses them: an AWS service's
 * own event emitted, read back with its deliveries (a rule to an SQS queue, made through the SDK v2), redelivered
 * with the same id; the virtual clock stepped timer by timer.
 */
class EventsControlRoutesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.virtualTime(START).resetBeforeEach();

    @Test
    void anEmittedServiceEventIsReadBackWithItsDeliveryAndRedeliveredWithItsId() throws Exception {
        SqsClient sqs = AWS.client(SqsClient.class);
        EventBridgeClient events = AWS.client(EventBridgeClient.class);
        String queueUrl = sqs.createQueue(b -> b.queueName("findings")).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNamesWithStrings("QueueArn"))
                .attributesAsStrings().get("QueueArn");
        sqs.setQueueAttributes(b -> b.queueUrl(queueUrl).attributesWithStrings(java.util.Map.of("Policy",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"events.amazonaws.com\"},"
                        + "\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + queueArn + "\"}]}")));
        events.putRule(b -> b.name("gd").eventPattern("{\"source\":[\"aws.guardduty\"]}"));
        events.putTargets(b -> b.rule("gd").targets(t -> t.id("q").arn(queueArn)));

        HttpResponse<String> emitted = send("POST", "/_selfheal/events/emit", "{\"source\":\"aws.guardduty\","
                + "\"detailType\":\"GuardDuty Finding\",\"resources\":[],\"detail\":{\"severity\":5}}");
        assertThat(emitted.statusCode()).as(emitted.body()).isEqualTo(200);
        assertThat(send("POST", "/_selfheal/idle?timeoutMs=5000", "").body()).contains("\"idle\":true");

        java.util.List<JsonNode> list = new java.util.ArrayList<>();
        JSON.readTree(send("GET", "/_selfheal/events", "").body()).forEach(e -> {
            if (e.at("/event/source").asText().equals("aws.guardduty")) {
                list.add(e);
            }
        });
        assertThat(list).as("CloudTrail's API-call events aside").hasSize(1);
        JsonNode record = list.get(0);
        assertThat(record.at("/event/detail-type").asText()).isEqualTo("GuardDuty Finding");
        assertThat(record.at("/event/detail/severity").asInt()).isEqualTo(5);
        assertThat(record.at("/deliveries/0/targetArn").asText()).isEqualTo(queueArn);
        assertThat(record.at("/deliveries/0/errorCode").isNull()).isTrue();
        EventRecord parsed = ControlJson.event(record);
        assertThat(parsed.deliveries()).singleElement().satisfies(d -> assertThat(d.delivered()).isTrue());
        assertThat(parsed.received()).isEqualTo(AWS.emulator().control().clock().now());

        String id = record.path("eventId").asText();
        HttpResponse<String> again = send("POST", "/_selfheal/events/redeliver", "{\"eventId\":\"" + id + "\"}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("eventId").asText()).isEqualTo(id);
        send("POST", "/_selfheal/idle", "");
        assertThat(sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)).messages())
                .as("the first delivery and the redelivery").hasSize(2)
                .allSatisfy(m -> assertThat(m.body()).contains("\"id\":\"" + id + "\""));
    }

    @Test
    void badEventRequestsAre400s() throws Exception {
        assertThat(send("POST", "/_selfheal/events/emit", "{\"source\":\"my.app\",\"detailType\":\"x\"}")
                .statusCode()).isEqualTo(400);
        assertThat(send("POST", "/_selfheal/events/emit", "{\"source\":\"aws.ec2\"}").body())
                .contains("detailType is required");
        HttpResponse<String> unknown = send("POST", "/_selfheal/events/redeliver", "{\"eventId\":\"nope\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("nope").doesNotContain("Exception");
    }

    @Test
    void theClockStepsTimerByTimerAndStopsAtItsLimit() throws Exception {
        Instant start = AWS.emulator().control().clock().now();
        AWS.emulator().control().clock().schedule(java.time.Duration.ofMinutes(2), () -> { });
        java.util.List<String> nows = new java.util.ArrayList<>();
        JsonNode step;
        do {
            step = JSON.readTree(send("POST", "/_selfheal/clock/step?until=" + start.plusSeconds(600), "").body());
            nows.add(step.path("now").asText());
        } while (step.path("stepped").asBoolean() && nows.size() < 100);
        assertThat(nows).as("a step stops at the timer, the last at the limit").contains(start.plusSeconds(120)
                .toString()).endsWith(start.plusSeconds(600).toString());
        assertThat(step.path("stepped").asBoolean()).isFalse();
        assertThat(send("POST", "/_selfheal/clock/step?until=soon", "").statusCode()).isEqualTo(400);
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        URI endpoint = AWS.emulator().endpoint();
        return HTTP.send(HttpRequest.newBuilder(endpoint.resolve(path))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
