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
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * {@code GET /_selfheal/capabilities} over plain HTTP, and an emulator started without the control API, whose
 * {@code /_selfheal/} paths answer as any path no AWS operation serves (404 {@code UnknownOperationException},
 * https://docs.aws.amazon.com/lambda/latest/api/CommonErrors.html) while AWS calls go on working.
 */
class CapabilitiesDocumentTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final EmulatorExtension VIRTUAL = EmulatorExtension.virtualTime(Instant.parse("2026-01-01T00:00:00Z"));
    @RegisterExtension
    static final EmulatorExtension REAL = EmulatorExtension.realTime();
    @RegisterExtension
    static final EmulatorExtension AWS_ONLY = EmulatorExtension.realTime().configure(b -> b.withoutControlApi());

    @Test
    void aVirtualClockServerOffersTheClockAndTheCallLogOverItsRoutes() throws Exception {
        HttpResponse<String> r = get(VIRTUAL.emulator().endpoint(), "/_selfheal/capabilities");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = JSON.readTree(r.body());
        assertThat(doc.path("format").asInt()).isEqualTo(1);
        assertThat(doc.path("version").asText()).as("filtered from the Maven project version")
                .matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(doc.path("clock").asText()).isEqualTo("virtual");
        Map<String, JsonNode> byName = byName(doc);
        assertThat(byName.keySet()).containsExactlyInAnyOrder("virtualClock", "cpuLoad", "stopResponding",
                "guardDutyInjection", "functionFaults", "callLog", "iamDecisions", "rebootCount", "invocationLog",
                "eventLog", "redelivery", "serviceEvents");
        assertThat(byName.get("virtualClock").path("offered").asBoolean()).isTrue();
        assertThat(byName.get("virtualClock").path("route").asText()).isEqualTo("POST /_selfheal/clock/advance");
        assertThat(byName.get("callLog").path("offered").asBoolean()).isTrue();
        assertThat(byName.get("callLog").path("route").asText()).isEqualTo("GET /_selfheal/calls");
        assertThat(byName.get("cpuLoad").path("route").asText()).isEqualTo("POST /_selfheal/ec2/cpu-load");
        assertThat(byName.get("guardDutyInjection").path("route").asText())
                .isEqualTo("POST /_selfheal/guardduty/findings");
        assertThat(byName.get("functionFaults").path("route").asText()).isEqualTo("POST /_selfheal/lambda/faults");
        assertThat(byName.get("iamDecisions").path("route").asText()).isEqualTo("GET /_selfheal/iam/decisions");
    }

    @Test
    void everyOfferedRouteAnswersOnThatServer() throws Exception {
        URI endpoint = VIRTUAL.emulator().endpoint();
        for (JsonNode entry : JSON.readTree(get(endpoint, "/_selfheal/capabilities").body()).path("capabilities")) {
            if (entry.path("offered").asBoolean()) {
                String[] route = entry.path("route").asText().split(" ", 2);
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(endpoint.resolve(route[1]))
                        .method(route[0], HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                // Routes that take a body refuse an empty one with a 400 of their own; a missing route is a 404.
                assertThat(r.statusCode()).as(entry + " → " + r.body()).isIn(200, 400);
                assertThat(r.body()).as(entry.toString()).doesNotContain("no control route");
            }
        }
    }

    @Test
    void aRealTimeServerSaysItsClockCannotBeAdvanced() throws Exception {
        JsonNode doc = JSON.readTree(get(REAL.emulator().endpoint(), "/_selfheal/capabilities").body());
        assertThat(doc.path("clock").asText()).isEqualTo("real");
        JsonNode clock = byName(doc).get("virtualClock");
        assertThat(clock.path("offered").asBoolean()).isFalse();
        assertThat(clock.path("reason").asText()).isEqualTo("this server runs in real time");
        assertThat(clock.has("route")).isFalse();
    }

    @Test
    void withoutTheControlApiItsPathsAnswerAsAnyUnknownPath() throws Exception {
        URI endpoint = AWS_ONLY.emulator().endpoint();
        HttpResponse<String> unknown = get(endpoint, "/no/such/path");
        for (String path : new String[] {"/_selfheal/capabilities", "/_selfheal/health", "/_selfheal/calls"}) {
            HttpResponse<String> r = get(endpoint, path);
            assertThat(r.statusCode()).as(path).isEqualTo(unknown.statusCode()).isEqualTo(404);
            assertThat(r.headers().firstValue("x-amzn-ErrorType")).as(path).contains("UnknownOperationException");
            assertThat(r.headers().firstValue("Content-Type")).isEqualTo(unknown.headers().firstValue("Content-Type"));
            assertThat(r.body()).as("the unknown-path answer, naming this path")
                    .isEqualTo(unknown.body().replace("/no/such/path", path));
        }
        HttpResponse<String> advance = HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/_selfheal/clock/advance?ms=1"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(advance.statusCode()).isEqualTo(404);
    }

    @Test
    void withoutTheControlApiAwsCallsStillWork() {
        assertThat(AWS_ONLY.client(StsClient.class).getCallerIdentity().account())
                .isEqualTo(AWS_ONLY.emulator().accountId());
        assertThat(AWS_ONLY.client(SqsClient.class).createQueue(b -> b.queueName("aws-only")).queueUrl())
                .endsWith("/aws-only");
        assertThat(AWS_ONLY.emulator().control().calls()).as("the in-process control API still records")
                .isNotEmpty();
    }

    private static HttpResponse<String> get(URI endpoint, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(endpoint.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, JsonNode> byName(JsonNode doc) {
        Map<String, JsonNode> out = new HashMap<>();
        doc.path("capabilities").forEach(c -> out.put(c.path("name").asText(), c));
        return out;
    }
}
