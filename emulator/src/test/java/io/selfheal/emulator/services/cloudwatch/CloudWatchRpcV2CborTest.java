package io.selfheal.emulator.services.cloudwatch;

import static io.selfheal.emulator.services.cloudwatch.CloudWatchMetricsTest.namespace;
import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * CloudWatch's third protocol, Smithy RPC v2 CBOR
 * (https://smithy.io/2.0/additional-specs/protocols/smithy-rpc-v2.html):
 * {@code POST /service/GraniteServiceVersion20100801/operation/<Op>} with {@code smithy-protocol: rpc-v2-cbor}, CBOR
 * bodies, timestamps as tag 1 epoch seconds, errors as {@code __type} (absolute shape ID) plus {@code message}, and,
 * the model being {@code awsQueryCompatible}, the query code in {@code x-amzn-query-error}. Requests are written
 * byte by byte as a client would (with a SigV4 credential scope); state is shared with the Java SDK's query protocol.
 */
class CloudWatchRpcV2CborTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();

    private static final String SERVICE = "GraniteServiceVersion20100801";
    private static final String CBOR = "application/cbor";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);
    private static Emulator emulator;
    private static CloudWatchClient cw;

    @BeforeAll
    static void start() {
        emulator = AWS.emulator();
        cw = AWS.client(CloudWatchClient.class);
    }

    @Test
    void alarmsAreCreatedAndDescribedWithTypedValues() throws Exception {
        String name = "cbor-" + UUID.randomUUID();
        HttpResponse<byte[]> put = call("PutMetricAlarm", Map.of("AlarmName", name, "MetricName", "CPUUtilization",
                "Namespace", "AWS/EC2", "Statistic", "Average", "Period", 300, "EvaluationPeriods", 3,
                "Threshold", 80.5, "ComparisonOperator", "GreaterThanThreshold",
                "Dimensions", List.of(Map.of("Name", "InstanceId", "Value", "i-1")), "ActionsEnabled", false));
        // PutMetricAlarm has no output: 200, no body, no Content-Type, but the protocol header.
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.body()).isEmpty();
        assertThat(put.headers().firstValue("Content-Type")).isEmpty();
        assertThat(put.headers().firstValue("smithy-protocol")).contains("rpc-v2-cbor");

        HttpResponse<byte[]> described = call("DescribeAlarms", Map.of("AlarmNames", List.of(name)));
        assertThat(described.headers().firstValue("Content-Type")).contains(CBOR);
        assertThat(described.headers().firstValue("smithy-protocol")).contains("rpc-v2-cbor");
        Map<String, Object> alarm = first(body(described), "MetricAlarms");
        assertThat(alarm).containsEntry("AlarmName", name).containsEntry("Threshold", 80.5)
                .containsEntry("Period", 300L).containsEntry("ActionsEnabled", false);
        assertThat(alarm.get("OKActions")).isEqualTo(List.of());
        MetricAlarm viaQuery = cw.describeAlarms(r -> r.alarmNames(name)).metricAlarms().get(0);
        assertThat(alarm.get("StateUpdatedTimestamp")).as("tag 1").isEqualTo(viaQuery.stateUpdatedTimestamp());
        assertThat(alarm.get("AlarmConfigurationUpdatedTimestamp")).isInstanceOf(Instant.class);

        assertThat(call("SetAlarmState", Map.of("AlarmName", name, "StateValue", "ALARM", "StateReason", "testing"))
                .statusCode()).isEqualTo(200);
        assertThat(cw.describeAlarms(r -> r.alarmNames(name)).metricAlarms().get(0).stateReason())
                .isEqualTo("testing");
        assertThat(call("DeleteAlarms", Map.of("AlarmNames", List.of(name))).statusCode()).isEqualTo(200);
        assertThat(cw.describeAlarms(r -> r.alarmNames(name)).metricAlarms()).isEmpty();
    }

    @Test
    void metricDataTakesTag1TimestampsValuesAndStatisticSets() throws Exception {
        String ns = namespace();
        List<Map<String, String>> api = List.of(Map.of("Name", "Api", "Value", "get"));
        HttpResponse<byte[]> put = call("PutMetricData", Map.of("Namespace", ns, "MetricData", List.of(
                Map.of("MetricName", "Latency", "Timestamp", BASE.plusMillis(250), "Unit", "Milliseconds",
                        "Values", List.of(100.0, 200.0, 300.0), "Counts", List.of(1.0, 1.0, 2.0), "Dimensions", api),
                Map.of("MetricName", "Latency", "Timestamp", BASE.plusSeconds(60), "Unit", "Milliseconds",
                        "StatisticValues", Map.of("SampleCount", 2.0, "Sum", 100.0, "Minimum", 40.0, "Maximum", 60.0),
                        "Dimensions", api))));
        assertThat(put.statusCode()).as(text(put)).isEqualTo(200);
        assertThat(put.body()).isEmpty();

        Map<String, Object> metric = Map.of("Namespace", ns, "MetricName", "Latency", "Dimensions", api);
        Map<String, Object> stats = body(call("GetMetricStatistics", with(metric, "StartTime", BASE,
                "EndTime", BASE.plusSeconds(3600), "Period", 60, "Statistics", List.of("Sum", "SampleCount", "Maximum"),
                "Unit", "Milliseconds")));
        assertThat(stats).containsEntry("Label", "Latency");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> points = (List<Map<String, Object>>) stats.get("Datapoints");
        assertThat(points).hasSize(2);
        Map<String, Object> atBase = points.stream().filter(d -> BASE.equals(d.get("Timestamp"))).findFirst()
                .orElseThrow(() -> new AssertionError("no tag-1 Timestamp " + BASE + " in " + points));
        assertThat(atBase).containsEntry("Sum", 900.0).containsEntry("SampleCount", 4.0)
                .containsEntry("Maximum", 300.0).containsEntry("Unit", "Milliseconds");

        Map<String, Object> extended = body(call("GetMetricStatistics", with(metric, "StartTime", BASE,
                "EndTime", BASE.plusSeconds(60), "Period", 60, "ExtendedStatistics", List.of("p50"))));
        // A map: {"p50": 200.0}, from the raw values (a statistic set has no percentiles).
        assertThat(first(extended, "Datapoints").get("ExtendedStatistics")).isEqualTo(Map.of("p50", 200.0));

        Datapoint viaQuery = cw.getMetricStatistics(r -> r.namespace(ns).metricName("Latency")
                .dimensions(CloudWatchMetricsTest.dim("Api", "get")).startTime(BASE).endTime(BASE.plusSeconds(3600))
                .period(3600).statistics(Statistic.SUM, Statistic.MINIMUM)).datapoints().get(0);
        assertThat(viaQuery.sum()).isEqualTo(1000.0);
        assertThat(viaQuery.minimum()).isEqualTo(40.0);
    }

    @Test
    void getMetricDataAndListMetricsAnswerInCbor() throws Exception {
        String ns = namespace();
        call("PutMetricData", Map.of("Namespace", ns, "MetricData", List.of(
                Map.of("MetricName", "Hits", "Timestamp", BASE, "Value", 3.0),
                Map.of("MetricName", "Hits", "Timestamp", BASE.plusSeconds(60), "Value", 4.0))));

        Map<String, Object> data = body(call("GetMetricData", Map.of("StartTime", BASE,
                "EndTime", BASE.plusSeconds(600), "ScanBy", "TimestampAscending", "MetricDataQueries", List.of(
                        Map.of("Id", "h", "ReturnData", true, "MetricStat", Map.of("Period", 60, "Stat", "Sum",
                                "Metric", Map.of("Namespace", ns, "MetricName", "Hits")))))));
        Map<String, Object> h = first(data, "MetricDataResults");
        assertThat(h).containsEntry("Id", "h").containsEntry("StatusCode", "Complete");
        assertThat(h.get("Timestamps")).isEqualTo(List.of(BASE, BASE.plusSeconds(60)));
        assertThat(h.get("Values")).isEqualTo(List.of(3.0, 4.0));

        Map<String, Object> list = body(call("ListMetrics", Map.of("Namespace", ns)));
        assertThat(first(list, "Metrics")).containsEntry("MetricName", "Hits").containsEntry("Namespace", ns);
    }

    @Test
    void errorsCarryTheAbsoluteShapeIdTheStatusAndTheQueryCode() throws Exception {
        HttpResponse<byte[]> reserved = call("PutMetricData", Map.of("Namespace", "AWS/EC2",
                "MetricData", List.of(Map.of("MetricName", "CPUUtilization", "Value", 1.0))));
        assertThat(reserved.statusCode()).isEqualTo(400);
        assertThat(reserved.headers().firstValue("Content-Type")).contains(CBOR);
        assertThat(reserved.headers().firstValue("smithy-protocol")).contains("rpc-v2-cbor");
        assertThat(reserved.headers().firstValue("x-amzn-query-error")).contains("InvalidParameterValue;Sender");
        assertThat(reserved.headers().firstValue("x-amzn-ErrorType")).as("the spec: type is in the body only")
                .isEmpty();
        Map<String, Object> error = cborMap(reserved);
        assertThat(error).containsEntry("__type", "com.amazonaws.cloudwatch#InvalidParameterValueException");
        assertThat((String) error.get("message")).contains("AWS/EC2");

        HttpResponse<byte[]> missing = call("GetMetricStatistics", Map.of());
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(cborMap(missing))
                .containsEntry("__type", "com.amazonaws.cloudwatch#MissingRequiredParameterException");

        // ResourceNotFound is modelled with @httpError(404).
        HttpResponse<byte[]> notFound = call("DeleteAlarms", Map.of("AlarmNames", List.of("no-such-alarm")));
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(cborMap(notFound)).containsEntry("__type", "com.amazonaws.cloudwatch#ResourceNotFound");
        assertThat(notFound.headers().firstValue("x-amzn-query-error")).contains("ResourceNotFound;Sender");
    }

    @Test
    void emptyInputMayBeAnEmptyBodyOrAnEmptyMap() throws Exception {
        String name = "cbor-empty-" + UUID.randomUUID();
        cw.putMetricAlarm(r -> r.alarmName(name).metricName("Errors").namespace("App").statistic(Statistic.SUM)
                .period(60).evaluationPeriods(1).threshold(1.0).comparisonOperator("GreaterThanThreshold"));
        for (byte[] empty : List.of(new byte[0], new byte[] {(byte) 0xbf, (byte) 0xff}, new byte[] {(byte) 0xa0})) {
            HttpResponse<byte[]> all = send("/service/" + SERVICE + "/operation/DescribeAlarms", empty, Map.of());
            assertThat(all.statusCode()).as(text(all)).isEqualTo(200);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> alarms = (List<Map<String, Object>>) body(all).get("MetricAlarms");
            assertThat(alarms).extracting(a -> a.get("AlarmName")).contains(name);
        }
    }

    @Test
    void onlyTheLastFourSegmentsRouteAndTheServiceMayBeAnAbsoluteShapeId() throws Exception {
        byte[] query = Cbor.write(Map.of("Namespace", "AWS/Nothing"));
        for (String path : List.of("/v1/service/" + SERVICE + "/operation/ListMetrics",
                "/service/com.amazonaws.cloudwatch." + SERVICE + "/operation/ListMetrics")) {
            HttpResponse<byte[]> r = send(path, query, Map.of());
            assertThat(r.statusCode()).as(path + ": " + text(r)).isEqualTo(200);
            assertThat(body(r).get("Metrics")).isEqualTo(List.of());
        }
    }

    @Test
    void malformedRequestsAreRefusedInCbor() throws Exception {
        HttpResponse<byte[]> unknownOp = send("/service/" + SERVICE + "/operation/NoSuchThing", new byte[0], Map.of());
        assertThat(unknownOp.statusCode()).isEqualTo(400);
        assertThat(cborMap(unknownOp)).containsEntry("__type", "com.amazon.coral.service#UnknownOperationException");

        HttpResponse<byte[]> absoluteOp = send("/service/" + SERVICE
                + "/operation/com.amazonaws.cloudwatch.ListMetrics", new byte[0], Map.of());
        assertThat(absoluteOp.statusCode()).as("operation segments are names only").isEqualTo(400);

        HttpResponse<byte[]> withTarget = send("/service/" + SERVICE + "/operation/ListMetrics", new byte[0],
                Map.of("X-Amz-Target", SERVICE + ".ListMetrics"));
        assertThat(withTarget.statusCode()).as("the spec: X-Amz-Target makes the request malformed").isEqualTo(400);
        assertThat(cborMap(withTarget)).containsEntry("__type", "com.amazon.coral.service#SerializationException");

        HttpResponse<byte[]> notAMap = send("/service/" + SERVICE + "/operation/ListMetrics",
                Cbor.write(List.of("a")), Map.of());
        assertThat(notAMap.statusCode()).isEqualTo(400);
        assertThat(cborMap(notAMap)).containsEntry("__type", "com.amazon.coral.service#SerializationException");

        HttpResponse<byte[]> truncated = send("/service/" + SERVICE + "/operation/ListMetrics",
                new byte[] {(byte) 0xa1, 0x61}, Map.of());
        assertThat(truncated.statusCode()).isEqualTo(400);
        assertThat((String) cborMap(truncated).get("message")).startsWith("The request body is not a CBOR map");

        HttpResponse<byte[]> unknownService = send("/service/NoSuchService/operation/ListMetrics", new byte[0],
                Map.of());
        assertThat(unknownService.statusCode()).isEqualTo(404);
        assertThat(unknownService.headers().firstValue("smithy-protocol")).contains("rpc-v2-cbor");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static Map<String, Object> with(Map<String, Object> base, Object... more) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(base);
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }

    private static HttpResponse<byte[]> call(String operation, Map<String, ?> input) throws Exception {
        return send("/service/" + SERVICE + "/operation/" + operation, Cbor.write(input), Map.of());
    }

    /** As a client sends it: POST, the protocol header, CBOR content and accept, and a SigV4 credential scope. */
    private static HttpResponse<byte[]> send(String path, byte[] body, Map<String, String> extraHeaders)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(emulator.endpoint().resolve(path))
                .header("smithy-protocol", "rpc-v2-cbor")
                .header("Accept", CBOR)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/monitoring/"
                        + "aws4_request, SignedHeaders=host;smithy-protocol, Signature=00")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (body.length > 0) {
            b.header("Content-Type", CBOR);
        }
        extraHeaders.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, Object> body(HttpResponse<byte[]> response) throws IOException {
        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        return cborMap(response);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cborMap(HttpResponse<byte[]> response) throws IOException {
        Object value = Cbor.read(response.body());
        assertThat(value).as("a CBOR map").isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> first(Map<String, Object> result, String list) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) result.get(list);
        assertThat(items).as(list + " in " + result).isNotEmpty();
        return items.get(0);
    }

    private static String text(HttpResponse<byte[]> response) {
        try {
            return response.statusCode() + " " + (response.body().length == 0 ? "" : Cbor.read(response.body()));
        } catch (IOException e) {
            return response.statusCode() + " <not CBOR>";
        }
    }
}
