package io.selfheal.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.fuzz.RawExchange;
import io.selfheal.emulator.fuzz.RawRequest;
import io.selfheal.emulator.fuzz.RawResponse;
import io.selfheal.emulator.fuzz.WireFamily;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;

/**
 * A client's malformed bytes are AWS's 4xx in the protocol's own error shape, never a 5xx, a closed connection or a
 * message naming our classes. Bytes no SDK would send go over a raw socket; what an SDK can send goes through one.
 */
class FrontDoorMalformedInputTest {
    private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
    private static Emulator emulator;
    private static RawExchange raw;

    @BeforeAll
    static void start() {
        emulator = Emulator.startOnFreePort();
        raw = new RawExchange("127.0.0.1", emulator.port(), 10_000);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void aBadPercentEscapeInAQueryBodyOrUriIsMalformedQueryString() throws Exception {
        // https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CommonErrors.html: MalformedQueryString
        for (RawRequest request : List.of(
                query("monitoring", "Action=DescribeAlarms&AlarmNames.member.1=%zz"),
                query("monitoring", "Action=DescribeAlarms").withTarget("bad URI", "/?x=%E0%A4%A"),
                query("sqs", "Action=ListQueues&QueueNamePrefix=%"))) {
            RawResponse answer = raw.send(request);
            assertThat(answer.status()).as(request.label()).isEqualTo(404);
            assertThat(answer.bodyLatin1()).contains("<ErrorResponse").contains("<Code>MalformedQueryString</Code>")
                    .contains("<RequestId>").doesNotContain("IllegalArgumentException");
        }
    }

    @Test
    void aQueryKeyNestedThousandsDeepIsRefusedNotAStackOverflow() throws Exception {
        RawResponse answer = raw.send(query("monitoring", "Action=DescribeAlarms&" + "a.1.".repeat(5000) + "b=x"));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.bodyLatin1()).contains("<Code>MalformedQueryString</Code>").contains("nests deeper than");
    }

    @Test
    void aFormPostWithoutActionToAQueryServiceIsMissingAction() throws Exception {
        RawResponse answer = raw.send(query("monitoring", "Version=2010-08-01"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.bodyLatin1()).contains("<Code>MissingAction</Code>");
    }

    @Test
    void malformedJsonIsASerializationExceptionThatNamesNoParser() throws Exception {
        for (String body : List.of("{}{}", "{\"Limit\": NaN}", "{\"Limit\": 1} {\"Limit\": 2}", "[" .repeat(3000))) {
            RawResponse answer = raw.send(json("AWSEvents.ListRules", "events", body.getBytes(StandardCharsets.UTF_8)));
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.header("x-amzn-ErrorType")).isEqualTo("SerializationException");
            assertThat(answer.bodyLatin1()).contains("The request body is not valid JSON")
                    .doesNotContain("Jackson").doesNotContain("com.fasterxml").doesNotContain("JsonNode")
                    .doesNotContain("DeserializationFeature").doesNotContain("JsonReadFeature");
        }
    }

    @Test
    void anEventPatternThatIsNoJsonIsRefusedWithTheReasonButNoParserNames() {
        try (EventBridgeClient events = TestClients.of(EventBridgeClient.builder(), emulator)) {
            assertThatThrownBy(() -> events.putRule(b -> b.name("broken").eventPattern("{\"source\": [")))
                    .isInstanceOfSatisfying(InvalidEventPatternException.class, e -> assertThat(
                            e.awsErrorDetails().errorMessage()).isEqualTo("Event pattern is not valid. Reason: "
                                    + "Unexpected end-of-input: expected close marker for Array at line 1, column 13"));
        }
    }

    @Test
    void aBodyWhoseContentEncodingLiesIsA400InTheProtocolsShapeAndAnHonestOneIsRead() throws Exception {
        RawRequest lying = json("AWSEvents.ListRules", "events", "{\"Limit\": 5}".getBytes(StandardCharsets.UTF_8))
                .withHeader("gzip that is not", "Content-Encoding", "gzip");
        RawResponse refused = raw.send(lying);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("x-amzn-ErrorType")).isEqualTo("SerializationException");
        assertThat(refused.bodyLatin1()).contains("not valid gzip");

        RawRequest honest = lying.withBody("gzipped", gzip("{\"Limit\": 5}".getBytes(StandardCharsets.UTF_8)));
        RawResponse read = raw.send(honest);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.bodyLatin1()).contains("\"Rules\"");
    }

    @Test
    void aHeadNettyCannotDecodeIsStillAnsweredInTheProtocolsShape() throws Exception {
        RawRequest controlChars = json("AWSEvents.ListRules", "events", "{}".getBytes(StandardCharsets.UTF_8))
                .withHeader("control characters", "User-Agent", "a\u0001b");
        RawResponse answer = raw.send(controlChars);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("x-amzn-ErrorType")).isEqualTo("SerializationException");
    }

    @Test
    void outOfRangeTimestampsAreRefusedInTheServicesOwnWords() throws Exception {
        RawResponse putEvents = raw.send(json("AWSEvents.PutEvents", "events", ("{\"Entries\": [{\"Source\": \"a\", "
                + "\"DetailType\": \"b\", \"Detail\": \"{}\", \"Time\": 9223372036854775808}]}")
                .getBytes(StandardCharsets.UTF_8)));
        // PutEvents refuses entry by entry (a 200 with a failed entry), as AWS does.
        assertThat(putEvents.status()).isEqualTo(200);
        assertThat(putEvents.bodyLatin1()).contains("\"FailedEntryCount\":1").contains("\"ErrorCode\":\"InvalidArgument\"")
                .contains("Parameter Time is not valid");

        RawResponse statistics = raw.send(query("monitoring", "Action=GetMetricStatistics&Namespace=n&MetricName=m"
                + "&StartTime=1e309&EndTime=2024-01-01T00%3A00%3A00Z&Period=60&Statistics.member.1=Sum"));
        assertThat(statistics.status()).isEqualTo(400);
        assertThat(statistics.bodyLatin1()).contains("<Code>InvalidParameterValue</Code>")
                .contains("parameter StartTime is invalid");
    }

    @Test
    void aNanThresholdFromTheSdkIsAValidationErrorNotAStoredNan() {
        try (CloudWatchClient cw = TestClients.of(CloudWatchClient.builder(), emulator)) {
            assertThatThrownBy(() -> cw.putMetricAlarm(b -> b.alarmName("nan").namespace("n").metricName("m")
                    .statistic(Statistic.SUM).period(60).evaluationPeriods(1).threshold(Double.NaN)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)))
                    .isInstanceOfSatisfying(CloudWatchException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                        assertThat(e.getMessage()).contains("finite");
                    });
            assertThat(cw.describeAlarms(b -> b.alarmNames("nan")).metricAlarms()).isEmpty();
        }
    }

    @Test
    void anIntegerBeyond32BitsIsRefusedWithTheValueItHad() throws Exception {
        RawResponse answer = raw.send(json("AWSEvents.ListRules", "events",
                "{\"Limit\": 99999999999999999999}".getBytes(StandardCharsets.UTF_8)));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.bodyLatin1()).contains("99999999999999999999").contains("Member must be an integer");
        try (EventBridgeClient events = TestClients.of(EventBridgeClient.builder(), emulator)) {
            assertThat(events.listRules(b -> b.limit(5)).sdkHttpResponse().isSuccessful()).isTrue();
        }
    }

    @Test
    void theControlApiRefusesBadParametersAndListsCalls() throws Exception {
        RawResponse bad = raw.send(control("POST", "/_selfheal/idle?timeoutMs=soon"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.bodyLatin1()).contains("timeoutMs must be").doesNotContain("NumberFormatException");
        try (EventBridgeClient events = TestClients.of(EventBridgeClient.builder(), emulator)) {
            events.listRules(b -> b.limit(1));
        }
        RawResponse calls = raw.send(control("GET", "/_selfheal/calls?service=events&operation=ListRules"));
        assertThat(calls.status()).isEqualTo(200);
        assertThat(calls.bodyLatin1()).contains("\"operation\":\"ListRules\"").contains("\"time\":\"20");
    }

    private static RawRequest query(String service, String body) {
        return RawRequest.of(WireFamily.QUERY, service + " " + body, "POST", "/", List.of(
                Map.entry("Content-Type", FORM), Map.entry("Authorization", authorization(service))),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static RawRequest json(String target, String service, byte[] body) {
        return RawRequest.of(WireFamily.AWS_JSON_1_1, target, "POST", "/", List.of(
                Map.entry("Content-Type", "application/x-amz-json-1.1"), Map.entry("X-Amz-Target", target),
                Map.entry("Authorization", authorization(service))), body);
    }

    private static RawRequest control(String method, String target) {
        return RawRequest.of(WireFamily.CONTROL_API, target, method, target, List.of(), new byte[0]);
    }

    static String authorization(String service) {
        return "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20250101/us-east-1/" + service
                + "/aws4_request, SignedHeaders=host, Signature=00";
    }

    private static byte[] gzip(byte[] body) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        }
        return out.toByteArray();
    }
}
