package io.selfheal.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfheal.harness.backend.EmbeddedCloud;
import io.selfheal.harness.expect.Count;
import io.selfheal.harness.expect.HttpEndpointExpectation;
import io.selfheal.harness.expect.Verdict;
import io.selfheal.harness.scenario.Scenario;
import io.selfheal.harness.scenario.ScenarioLoader;
import io.selfheal.harness.backend.Waits;
import io.selfheal.harness.stack.HttpEndpoints;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * httpEndpoint rule targets through the SDK into the embedded emulator: EventBridge calls the run's WireMock server
 * through a connection and an API destination ("API destinations as targets", EventBridge user guide).
 */
class HttpEndpointsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Scenario scenario = new ScenarioLoader().load(Path.of("src/test/resources/stacks/http-endpoints.yaml"));
    private EmbeddedCloud cloud;
    private ScenarioRun run;

    @BeforeEach
    void provision() {
        cloud = new EmbeddedCloud();
        run = new ScenarioRun(scenario, cloud);
        run.provision();
    }

    @AfterEach
    void close() {
        run.close();
        cloud.close();
    }

    private void putAlarmEvent() {
        var response = run.clients().events().putEvents(r -> r.entries(PutEventsRequestEntry.builder()
                .source("ops.test").detailType("Alarm").detail("{\"alarmName\":\"cpu-high\",\"state\":\"ALARM\"}")
                .build()));
        assertThat(response.failedEntryCount()).isZero();
    }

    @Test
    void theRuleDeliversTheTransformedEventToTheWebhookWithTheApiKey() {
        String url = run.state().get("httpEndpoints", "hook", "url");
        assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/hooks/ops");
        var destinations = run.clients().events().listApiDestinations(r -> r.namePrefix("notify")).apiDestinations();
        assertThat(destinations).hasSize(3).allSatisfy(d -> assertThat(d.httpMethodAsString()).isEqualTo("POST"))
                .anySatisfy(d -> assertThat(d.invocationEndpoint()).isEqualTo(url));
        assertThat(run.clients().events().listTargetsByRule(r -> r.rule("notify")).targets())
                .allSatisfy(t -> assertThat(t.roleArn()).contains(":role/"));

        putAlarmEvent();

        Waits.until(cloud, "both requests at the hook", Duration.ofSeconds(30),
                () -> run.httpEndpoints().requests("hook").size() == 2);
        var requests = run.httpEndpoints().requests("hook");
        var transformed = requests.stream().filter(r -> r.headers().containsKey("x-api-key")).findFirst().orElseThrow();
        assertThat(transformed.method()).isEqualTo("POST");
        assertThat(transformed.url()).isEqualTo("/hooks/ops");
        assertThat(transformed.headers()).containsEntry("x-api-key", "selfheal-dummy-key");
        assertThat(transformed.body()).isEqualTo("{\"text\": \"alarm cpu-high is ALARM\", \"alarm\": \"cpu-high\"}");

        Verdict holds = new HttpEndpointExpectation("hook", Count.exactly(1), JSON.createObjectNode()
                .put("alarm", "cpu-high"), Map.of("X-Api-Key", "selfheal-dummy-key")).check(run);
        assertThat(holds.holds()).as(holds.observed()).isTrue();
        assertThat(holds.observed()).isEqualTo("2 requests, 1 matching");
    }

    @Test
    void aFunctionFindsTheWebhookUrlInItsEnvironment() {
        var environment = run.clients().lambda().getFunctionConfiguration(r -> r.functionName("poster"))
                .environment().variables();
        assertThat(environment).containsEntry("WEBHOOK_URL", run.httpEndpoints().url("hook"));
    }

    /**
     * A redelivered event calls the webhook again with the same body: notifications are at least once, and the
     * idempotency check (mutating AWS calls, failed invocations, instance changes) does not count them.
     */
    @Test
    void aRedeliveryCallsTheWebhookAgainWithTheSameBody() {
        putAlarmEvent();
        Waits.until(cloud, "both requests at the hook", Duration.ofSeconds(30),
                () -> run.httpEndpoints().requests("hook").size() == 2);
        String eventId = cloud.observation().events().stream().filter(e -> e.event().path("source").asText().equals("ops.test"))
                .findFirst().orElseThrow().eventId();

        cloud.controls().orElseThrow().redeliver(eventId);

        Waits.until(cloud, "the redelivered requests at the hook", Duration.ofSeconds(30),
                () -> run.httpEndpoints().requests("hook").size() == 4);
        var bodies = run.httpEndpoints().requests("hook").stream().map(HttpEndpoints.Request::body).toList();
        assertThat(bodies.subList(2, 4)).containsExactlyInAnyOrderElementsOf(bodies.subList(0, 2));
    }

    @Test
    void aBasicConnectionSendsItsCredentials() {
        putAlarmEvent();

        String basic = "Basic " + Base64.getEncoder().encodeToString("ops:s3cret".getBytes());
        Waits.until(cloud, "the basic-auth request at the hook", Duration.ofSeconds(30),
                () -> run.httpEndpoints().requests("hook").stream()
                        .anyMatch(r -> basic.equals(r.headers().get("authorization"))
                                && "{\"kind\":\"basic\"}".equals(r.body())));
    }

    @Test
    void aFailingVerdictListsTheRequestsReceived() {
        putAlarmEvent();
        Waits.until(cloud, "both requests at the hook", Duration.ofSeconds(30),
                () -> run.httpEndpoints().requests("hook").size() == 2);

        Verdict wrong = new HttpEndpointExpectation("hook", new Count(1, null), JSON.createObjectNode()
                .put("alarm", "disk-full"), Map.of()).check(run);
        assertThat(wrong.holds()).isFalse();
        assertThat(wrong.observed()).startsWith("2 requests, 0 matching:")
                .contains("POST /hooks/ops {\"text\": \"alarm cpu-high is ALARM\"")
                .contains("POST /hooks/ops {\"kind\":\"basic\"}");
    }

    @Test
    void anEndpointAnswering400IsNotRetriedAndTheEventGoesToTheDeadLetterQueue() {
        putAlarmEvent();

        String dlq = run.state().get("queues", "undelivered", "url");
        Waits.until(cloud, "the undelivered event in the DLQ", Duration.ofSeconds(30),
                () -> !run.clients().sqs().receiveMessage(r -> r.queueUrl(dlq).visibilityTimeout(0))
                        .messages().isEmpty());
        var message = run.clients().sqs().receiveMessage(r -> r.queueUrl(dlq).visibilityTimeout(0)
                .messageAttributeNames("All")).messages().get(0);
        assertThat(message.messageAttributes().get("ERROR_CODE").stringValue()).isEqualTo("SDK_CLIENT_ERROR");
        assertThat(message.messageAttributes().get("ERROR_MESSAGE").stringValue()).contains("answered 400");
        assertThat(run.httpEndpoints().requests("pager")).hasSize(1);
        assertThat(run.clients().events().listApiDestinations(r -> r.namePrefix("notify-target-3")).apiDestinations())
                .singleElement().satisfies(d -> assertThat(d.invocationRateLimitPerSecond()).isEqualTo(10));
    }

    @Test
    void theStubAnswersAsConfiguredAndStopsWhenTheRunCloses() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI hook = URI.create(run.state().get("httpEndpoints", "hook", "url"));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(hook).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"ok\":true}");
        assertThat(answer.headers().firstValue("X-Hook")).hasValue("stub");
        URI pager = URI.create(run.state().get("httpEndpoints", "pager", "url"));
        assertThat(pager.getPath()).as("the default path is /<key>").isEqualTo("/pager");
        assertThat(http.send(HttpRequest.newBuilder(pager).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(400);

        run.close();

        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(hook).GET().build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);
    }
}
