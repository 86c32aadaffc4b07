package io.selfheal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code selfheal serve --retain calls=5}: boto3 (Debian's, under /usr/bin/python3) makes twelve calls, and the control
 * API's retention report shows the call log kept five and dropped seven. Skipped where boto3 is not installed.
 */
class ServeRetentionTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String CREATE_QUEUES = String.join("\n",
            "import sys, boto3",
            "sqs = boto3.client('sqs', endpoint_url=sys.argv[1], region_name='us-east-1',",
            "                   aws_access_key_id='test', aws_secret_access_key='test')",
            "for i in range(12):",
            "    sqs.create_queue(QueueName='retained-%d' % i)",
            "print('created')");

    @Test
    void theServeFlagBoundsTheCallLogAndTheControlApiCountsWhatWasDropped() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON) && new ProcessBuilder(PYTHON.toString(), "-c", "import boto3")
                .start().waitFor() == 0, "boto3 not installed for /usr/bin/python3");
        try (ServeProcess serve = ServeProcess.start("--retain", "calls=5:1MiB", "--events-backlog", "100")) {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", CREATE_QUEUES, serve.endpoint())
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(output).isZero();

            HttpResponse<String> report = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(serve.endpoint() + "/_selfheal/retention")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode calls = null;
            for (JsonNode history : new ObjectMapper().readTree(report.body())) {
                if (history.path("history").asText().equals("calls")) {
                    calls = history;
                }
            }
            assertThat(calls).as(report.body()).isNotNull();
            assertThat(calls.path("maxEntries").asInt()).isEqualTo(5);
            assertThat(calls.path("maxBytes").asLong()).isEqualTo(1 << 20);
            assertThat(calls.path("entries").asInt()).isEqualTo(5);
            assertThat(calls.path("dropped").asLong()).isEqualTo(7);
        }
    }
}
