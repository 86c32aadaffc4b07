package io.selfheal.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.control.EventsControl;
import io.selfheal.emulator.core.ApiCall;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.Retention;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Every history is bounded by entries and bytes, configurable, and says how much it dropped: through the AWS SDK v2
 * and the control API's {@code GET /_selfheal/retention}.
 */
class RetentionTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theCallLogKeepsTheNewestCallsWithinItsEntryBoundAndCountsTheRest() throws Exception {
        try (Emulator emulator = Emulator.builder().port(0).retain(Retention.CALLS, 50, 1 << 20).start();
             SqsClient sqs = TestClients.of(SqsClient.builder(), emulator)) {
            for (int i = 0; i < 80; i++) {
                int n = i;
                sqs.createQueue(r -> r.queueName("q-" + n));
            }
            List<ApiCall> calls = emulator.control().calls("sqs", "CreateQueue");
            assertThat(calls).hasSize(50);
            assertThat(calls.get(0).parameters().path("QueueName").asText()).isEqualTo("q-30");
            assertThat(calls.get(49).parameters().path("QueueName").asText()).isEqualTo("q-79");
            assertThat(usage(emulator, Retention.CALLS)).satisfies(u -> {
                assertThat(u.entries()).isEqualTo(50);
                assertThat(u.dropped()).isEqualTo(30);
            });

            JsonNode report = Json.parse(http.send(HttpRequest.newBuilder(
                    emulator.endpoint().resolve("/_selfheal/retention")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            JsonNode callsReport = null;
            for (JsonNode history : report) {
                if (history.path("history").asText().equals("calls")) {
                    callsReport = history;
                }
            }
            assertThat(callsReport).isNotNull();
            assertThat(callsReport.path("dropped").asLong()).isEqualTo(30);
            assertThat(callsReport.path("maxEntries").asInt()).isEqualTo(50);

            emulator.control().reset();
            assertThat(usage(emulator, Retention.CALLS).dropped()).isZero();
        }
    }

    @Test
    void theCallLogStaysWithinItsByteBound() {
        try (Emulator emulator = Emulator.builder().port(0).retain(Retention.CALLS, 10_000, 16 * 1024).start();
             SqsClient sqs = TestClients.of(SqsClient.builder(), emulator)) {
            for (int i = 0; i < 100; i++) {
                int n = i;
                sqs.createQueue(r -> r.queueName("queue-with-a-name-of-some-length-" + n));
            }
            Retention.Usage calls = usage(emulator, Retention.CALLS);
            assertThat(calls.bytes()).isLessThanOrEqualTo(16 * 1024);
            assertThat(calls.entries()).isBetween(10, 99);
            assertThat(calls.dropped()).isEqualTo(100 - calls.entries());
        }
    }

    @Test
    void aRejectedHugeRequestIsLoggedAsASummary() throws Exception {
        try (Emulator emulator = Emulator.startOnFreePort()) {
            StringBuilder body = new StringBuilder("{\"Entries\":[");
            for (int i = 0; i < 50_000; i++) {
                body.append(i == 0 ? "" : ",").append("{\"Source\":\"s\",\"DetailType\":\"d\",\"Detail\":\"{}\"}");
            }
            body.append("]}");
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(emulator.endpoint())
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .header("X-Amz-Target", "AWSEvents.PutEvents")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(400);

            ApiCall call = emulator.control().calls("events", "PutEvents").get(0);
            assertThat(call.errorCode()).isEqualTo("ValidationException");
            JsonNode entries = call.parameters().path("Entries");
            assertThat(entries).hasSize(11);
            assertThat(entries.get(10).asText()).isEqualTo("<49990 more items elided>");
            assertThat(Json.estimatedBytes(call.parameters())).isLessThan(8 * 1024);
        }
    }

    @Test
    void eventRecordsAreBoundedAndCountedToo() {
        try (Emulator emulator = Emulator.builder().port(0).retain(Retention.EVENTS, 5, 1 << 20).start();
             EventBridgeClient events = TestClients.of(EventBridgeClient.builder(), emulator)) {
            for (int i = 0; i < 8; i++) {
                int n = i;
                events.putEvents(r -> r.entries(e -> e.source("app").detailType("T").detail("{\"n\":" + n + "}")));
            }
            emulator.control().awaitIdle(Duration.ofSeconds(10));
            assertThat(emulator.control().component(EventsControl.class).events())
                    .extracting(e -> e.event().path("detail").path("n").asInt()).containsExactly(3, 4, 5, 6, 7);
            assertThat(usage(emulator, Retention.EVENTS).dropped()).isEqualTo(3);
        }
    }

    @Test
    void limitsParseFromTheSettingsSyntaxAndRefuseUnknownHistories() {
        Retention retention = Retention.defaults().with("calls=20000:16MiB").with("events=1_000");
        assertThat(retention.limit("calls")).isEqualTo(new Retention.Limit(20_000, 16L << 20));
        assertThat(retention.limit("events").entries()).isEqualTo(1000);
        assertThat(retention.limit("events").bytes()).isEqualTo(Retention.defaults().limit("events").bytes());
        assertThatThrownBy(() -> retention.with("metrics=10")).hasMessageContaining("no history named metrics");
        assertThatThrownBy(() -> retention.with("calls=0")).hasMessageContaining("must be positive");
    }

    private static Retention.Usage usage(Emulator emulator, String history) {
        return emulator.control().retention().stream().filter(u -> u.history().equals(history)).findFirst()
                .orElseThrow();
    }
}
