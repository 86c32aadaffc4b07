package io.selfheal.emulator.services.cloudwatch;

import static io.selfheal.emulator.services.cloudwatch.CloudWatchMetricsTest.namespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.core.Json;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * CloudWatch's AWS JSON 1.0 protocol, as botocore and newer SDKs speak it: {@code X-Amz-Target:
 * GraniteServiceVersion20100801.<Operation>}, members named as in the model, numbers and timestamps (epoch seconds)
 * typed. The model is {@code awsQueryCompatible}: errors carry their shape name in {@code __type} and the query code
 * in {@code x-amzn-query-error}. State is shared with the query protocol the Java SDK speaks.
 */
class CloudWatchJsonProtocolTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();

    private static final String JSON_1_0 = "application/x-amz-json-1.0";
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
    void alarmsAreCreatedAndDescribedOverJsonWithTypedMembers() throws Exception {
        String name = "json-" + UUID.randomUUID();
        HttpResponse<String> put = call("PutMetricAlarm", "{\"AlarmName\":\"" + name + "\",\"MetricName\":"
                + "\"CPUUtilization\",\"Namespace\":\"AWS/EC2\",\"Statistic\":\"Average\",\"Period\":300,"
                + "\"EvaluationPeriods\":3,\"Threshold\":80.5,\"ComparisonOperator\":\"GreaterThanThreshold\","
                + "\"Dimensions\":[{\"Name\":\"InstanceId\",\"Value\":\"i-1\"}],\"AlarmActions\":[],"
                + "\"ActionsEnabled\":false}");
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.headers().firstValue("Content-Type")).contains(JSON_1_0);
        assertThat(put.headers().firstValue("x-amzn-RequestId")).isPresent();

        JsonNode alarm = body(call("DescribeAlarms", "{\"AlarmNames\":[\"" + name + "\"]}"))
                .get("MetricAlarms").get(0);
        assertThat(alarm.get("AlarmName").asText()).isEqualTo(name);
        assertThat(alarm.get("Threshold").isNumber()).isTrue();
        assertThat(alarm.get("Threshold").doubleValue()).isEqualTo(80.5);
        assertThat(alarm.get("Period").isInt()).isTrue();
        assertThat(alarm.get("ActionsEnabled").isBoolean()).isTrue();
        assertThat(alarm.get("OKActions").isArray()).isTrue();
        assertThat(alarm.get("Dimensions").get(0).get("Value").asText()).isEqualTo("i-1");
        JsonNode updated = alarm.get("StateUpdatedTimestamp");
        assertThat(updated.isNumber()).as("timestamps are epoch seconds over JSON: %s", updated).isTrue();
        // The same alarm through the Java SDK, which speaks query: the instant is the same.
        MetricAlarm viaQuery = cw.describeAlarms(r -> r.alarmNames(name)).metricAlarms().get(0);
        assertThat(updated.decimalValue().movePointRight(3).longValue())
                .isEqualTo(viaQuery.stateUpdatedTimestamp().toEpochMilli());
    }

    @Test
    void setAlarmStateAndDeleteAlarmsWorkOverJson() throws Exception {
        String name = "json-" + UUID.randomUUID();
        cw.putMetricAlarm(r -> r.alarmName(name).metricName("Errors").namespace("App").statistic(Statistic.SUM)
                .period(60).evaluationPeriods(1).threshold(1.0).comparisonOperator("GreaterThanThreshold"));

        assertThat(call("SetAlarmState", "{\"AlarmName\":\"" + name + "\",\"StateValue\":\"ALARM\","
                + "\"StateReason\":\"testing\"}").statusCode()).isEqualTo(200);
        assertThat(body(call("DescribeAlarms", "{\"StateValue\":\"ALARM\",\"AlarmNamePrefix\":\"" + name + "\"}"))
                .get("MetricAlarms").get(0).get("StateReason").asText()).isEqualTo("testing");
        assertThat(call("DeleteAlarms", "{\"AlarmNames\":[\"" + name + "\"]}").statusCode()).isEqualTo(200);
        assertThat(body(call("DescribeAlarms", "{\"AlarmNames\":[\"" + name + "\"]}")).get("MetricAlarms"))
                .isEmpty();
    }

    @Test
    void compositeAlarmsAreCreatedDescribedAndRefusedOverJson() throws Exception {
        String child = "json-child-" + UUID.randomUUID();
        String parent = "json-parent-" + UUID.randomUUID();
        cw.putMetricAlarm(r -> r.alarmName(child).metricName("Errors").namespace("App").statistic(Statistic.SUM)
                .period(60).evaluationPeriods(1).threshold(1.0).comparisonOperator("GreaterThanThreshold"));
        assertThat(call("SetAlarmState", "{\"AlarmName\":\"" + child + "\",\"StateValue\":\"ALARM\","
                + "\"StateReason\":\"testing\"}").statusCode()).isEqualTo(200);
        assertThat(call("PutCompositeAlarm", "{\"AlarmName\":\"" + parent + "\",\"AlarmRule\":\"ALARM(" + child
                + ")\",\"ActionsEnabled\":false}").statusCode()).isEqualTo(200);

        JsonNode described = body(call("DescribeAlarms", "{\"AlarmNames\":[\"" + parent + "\"],"
                + "\"AlarmTypes\":[\"CompositeAlarm\"]}"));
        assertThat(described.get("MetricAlarms")).isEmpty();
        JsonNode composite = described.get("CompositeAlarms").get(0);
        assertThat(composite.get("StateValue").asText()).isEqualTo("ALARM");
        assertThat(composite.get("ActionsEnabled").isBoolean()).isTrue();
        assertThat(composite.get("StateUpdatedTimestamp").isNumber()).isTrue();
        assertThat(body(call("DescribeAlarms", "{\"ParentsOfAlarmName\":\"" + child + "\"}"))
                .get("CompositeAlarms").get(0).get("AlarmName").asText()).isEqualTo(parent);

        HttpResponse<String> refused = call("DeleteAlarms", "{\"AlarmNames\":[\"" + child + "\"]}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("x-amzn-query-error")).hasValue("ValidationError;Sender");
        HttpResponse<String> unknownChild = call("PutCompositeAlarm", "{\"AlarmName\":\"x\","
                + "\"AlarmRule\":\"OK(no-such-alarm)\"}");
        assertThat(unknownChild.statusCode()).isEqualTo(400);
        assertThat(unknownChild.body()).contains("no-such-alarm");
    }

    @Test
    void errorsCarryTheirShapeNameAndTheQueryCode() throws Exception {
        HttpResponse<String> r = call("PutMetricData", "{\"Namespace\":\"AWS/EC2\",\"MetricData\":"
                + "[{\"MetricName\":\"CPUUtilization\",\"Value\":1}]}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("x-amzn-query-error")).contains("InvalidParameterValue;Sender");
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).contains("InvalidParameterValueException");
        JsonNode error = Json.parse(r.body());
        assertThat(error.get("__type").asText()).isEqualTo("InvalidParameterValueException");
        assertThat(error.get("message").asText()).contains("AWS/EC2");

        HttpResponse<String> missing = call("GetMetricStatistics", "{}");
        assertThat(missing.headers().firstValue("x-amzn-query-error")).contains("MissingParameter;Sender");
        assertThat(Json.parse(missing.body()).get("__type").asText()).isEqualTo("MissingRequiredParameterException");

        HttpResponse<String> notFound = call("DeleteAlarms", "{\"AlarmNames\":[\"no-such-alarm\"]}");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.headers().firstValue("x-amzn-query-error")).contains("ResourceNotFound;Sender");
    }

    @Test
    void metricsPublishedOverJsonTakeTypedNumbersAndEpochSecondTimestamps() throws Exception {
        String ns = namespace();
        long base = BASE.getEpochSecond();
        HttpResponse<String> put = call("PutMetricData", "{\"Namespace\":\"" + ns + "\",\"MetricData\":["
                + "{\"MetricName\":\"Latency\",\"Timestamp\":" + (base + 0.25) + ",\"Unit\":\"Milliseconds\","
                + "\"Values\":[100,200,300],\"Counts\":[1,1,2],\"Dimensions\":[{\"Name\":\"Api\",\"Value\":\"get\"}]},"
                + "{\"MetricName\":\"Latency\",\"Timestamp\":" + (base + 60) + ",\"Unit\":\"Milliseconds\","
                + "\"Value\":50,\"Dimensions\":[{\"Name\":\"Api\",\"Value\":\"get\"}]}]}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        String metric = "\"Namespace\":\"" + ns + "\",\"MetricName\":\"Latency\","
                + "\"Dimensions\":[{\"Name\":\"Api\",\"Value\":\"get\"}]";
        JsonNode stats = body(call("GetMetricStatistics", "{" + metric + ",\"StartTime\":" + base
                + ",\"EndTime\":" + (base + 3600) + ",\"Period\":3600,\"ExtendedStatistics\":[\"p50\",\"p99\"]}"));
        assertThat(stats.get("Label").asText()).isEqualTo("Latency");
        JsonNode d = stats.get("Datapoints").get(0);
        assertThat(d.get("Timestamp").isNumber()).isTrue();
        assertThat(d.get("Timestamp").longValue()).isEqualTo(base);
        assertThat(d.get("Unit").asText()).isEqualTo("Milliseconds");
        // A map over JSON (an <entry> list over query): {"p50": 200.0, "p99": 300.0}.
        assertThat(d.get("ExtendedStatistics").get("p50").doubleValue()).isEqualTo(200.0);
        assertThat(d.get("ExtendedStatistics").get("p99").doubleValue()).isEqualTo(300.0);

        JsonNode sums = body(call("GetMetricStatistics", "{" + metric + ",\"StartTime\":" + base
                + ",\"EndTime\":" + (base + 3600) + ",\"Period\":60,\"Statistics\":[\"Sum\",\"SampleCount\"]}"));
        assertThat(sums.get("Datapoints")).hasSize(2);
        assertThat(sums.get("Datapoints").get(0).get("Sum").doubleValue()).isEqualTo(900.0);
        assertThat(sums.get("Datapoints").get(0).get("SampleCount").doubleValue()).isEqualTo(4.0);

        // The same data through the Java SDK's query protocol.
        Datapoint viaQuery = cw.getMetricStatistics(r -> r.namespace(ns).metricName("Latency")
                .dimensions(CloudWatchMetricsTest.dim("Api", "get")).startTime(BASE).endTime(BASE.plusSeconds(3600))
                .period(3600).statistics(Statistic.SUM, Statistic.MAXIMUM)).datapoints().get(0);
        assertThat(viaQuery.sum()).isEqualTo(950.0);
        assertThat(viaQuery.maximum()).isEqualTo(300.0);
    }

    @Test
    void getMetricDataAndListMetricsAnswerOverJson() throws Exception {
        String ns = namespace();
        long base = BASE.getEpochSecond();
        call("PutMetricData", "{\"Namespace\":\"" + ns + "\",\"MetricData\":["
                + "{\"MetricName\":\"Hits\",\"Timestamp\":" + base + ",\"Value\":3},"
                + "{\"MetricName\":\"Hits\",\"Timestamp\":" + (base + 60) + ",\"Value\":4}]}");

        JsonNode data = body(call("GetMetricData", "{\"StartTime\":" + base + ",\"EndTime\":" + (base + 600)
                + ",\"ScanBy\":\"TimestampAscending\",\"MetricDataQueries\":[{\"Id\":\"h\",\"MetricStat\":"
                + "{\"Metric\":{\"Namespace\":\"" + ns + "\",\"MetricName\":\"Hits\"},\"Period\":60,"
                + "\"Stat\":\"Sum\"},\"ReturnData\":true}]}"));
        JsonNode h = data.get("MetricDataResults").get(0);
        assertThat(h.get("Id").asText()).isEqualTo("h");
        assertThat(h.get("StatusCode").asText()).isEqualTo("Complete");
        assertThat(h.get("Timestamps").get(0).isNumber()).isTrue();
        assertThat(h.get("Timestamps").get(1).longValue()).isEqualTo(base + 60);
        assertThat(h.get("Values").get(1).doubleValue()).isCloseTo(4.0, within(1e-9));

        JsonNode list = body(call("ListMetrics", "{\"Namespace\":\"" + ns + "\",\"RecentlyActive\":\"PT3H\"}"));
        assertThat(list.get("Metrics")).hasSize(1);
        assertThat(list.get("Metrics").get(0).get("MetricName").asText()).isEqualTo("Hits");
        assertThat(list.get("Metrics").get(0).get("Dimensions")).isEmpty();
    }

    @Test
    void isoTimestampsAreAcceptedOverJsonToo() throws Exception {
        String ns = namespace();
        HttpResponse<String> put = call("PutMetricData", "{\"Namespace\":\"" + ns + "\",\"MetricData\":"
                + "[{\"MetricName\":\"x\",\"Timestamp\":\"" + BASE + "\",\"Value\":1}]}");
        assertThat(put.statusCode()).isEqualTo(200);
        JsonNode stats = body(call("GetMetricStatistics", "{\"Namespace\":\"" + ns + "\",\"MetricName\":\"x\","
                + "\"StartTime\":\"" + BASE + "\",\"EndTime\":\"" + BASE.plusSeconds(60) + "\",\"Period\":60,"
                + "\"Statistics\":[\"Sum\"]}"));
        assertThat(stats.get("Datapoints").get(0).get("Sum").doubleValue()).isEqualTo(1.0);
    }

    private static HttpResponse<String> call(String operation, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(emulator.endpoint())
                .header("Content-Type", JSON_1_0)
                .header("X-Amz-Target", "GraniteServiceVersion20100801." + operation)
                .header("x-amzn-query-mode", "true")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode body(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }
}
