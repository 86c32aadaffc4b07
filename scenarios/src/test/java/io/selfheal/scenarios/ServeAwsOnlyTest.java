package io.selfheal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code selfheal serve --aws-only} started from the CLI jar: AWS calls work through the SDK v2 and the AWS CLI, and
 * no {@code /_selfheal/} path gives our control JSON away — each answers as a path no AWS operation serves. Plain
 * {@code serve} answers the capabilities document of a real-time server.
 */
class ServeAwsOnlyTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void awsOnlyServesAwsAndHidesTheControlApi() throws Exception {
        try (ServeProcess serve = ServeProcess.start("--aws-only")) {
            try (SqsClient sqs = SqsClient.builder().endpointOverride(URI.create(serve.endpoint()))
                    .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "secret"))).build()) {
                assertThat(sqs.createQueue(b -> b.queueName("aws-only")).queueUrl()).endsWith("/aws-only");
            }
            HttpResponse<String> unknown = get(serve.endpoint() + "/no/such/path");
            for (String path : List.of("/_selfheal/capabilities", "/_selfheal/health", "/_selfheal/calls")) {
                HttpResponse<String> r = get(serve.endpoint() + path);
                assertThat(r.statusCode()).as(path).isEqualTo(404);
                assertThat(r.headers().firstValue("x-amzn-ErrorType")).as(path).contains("UnknownOperationException");
                assertThat(r.body()).as(path).isEqualTo(unknown.body().replace("/no/such/path", path));
            }
            String queues = awsCli(serve.endpoint(), "sqs", "list-queues");
            assertThat(JSON.readTree(queues).path("QueueUrls").get(0).asText()).as(queues).endsWith("/aws-only");
        }
    }

    @Test
    void plainServeAnswersItsCapabilities() throws Exception {
        try (ServeProcess serve = ServeProcess.start()) {
            HttpResponse<String> r = get(serve.endpoint() + "/_selfheal/capabilities");
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode doc = JSON.readTree(r.body());
            assertThat(doc.path("clock").asText()).as("serve runs on the real clock").isEqualTo("real");
            assertThat(doc.path("version").asText()).isNotEqualTo("unknown").doesNotContain("${");
            JsonNode callLog = null;
            for (JsonNode c : doc.path("capabilities")) {
                if (c.path("name").asText().equals("callLog")) {
                    callLog = c;
                }
            }
            assertThat(callLog).as(r.body()).isNotNull();
            assertThat(callLog.path("offered").asBoolean()).isTrue();
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String awsCli(String endpoint, String... args) throws Exception {
        assumeTrue(AwsCli.installed(), "AWS CLI v2 not installed at /usr/bin/aws");
        return new AwsCli(endpoint).json(args).toString();
    }
}
