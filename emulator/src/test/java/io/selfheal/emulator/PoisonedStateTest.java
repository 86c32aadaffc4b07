package io.selfheal.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.selfheal.emulator.fuzz.RawExchange;
import io.selfheal.emulator.fuzz.RawRequest;
import io.selfheal.emulator.fuzz.RawResponse;
import io.selfheal.emulator.fuzz.WireFamily;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * No state a client can poison: names AWS constrains are refused at the door, text stored anyway (a description)
 * never makes a later answer unparseable, and only real region names open a region.
 */
class PoisonedStateTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();

    /** https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html: AlarmName. */
    @Test
    void alarmNamesWithControlCharactersOrUnpairedSurrogatesAreRefused() throws Exception {
        try (CloudWatchClient cw = TestClients.of(CloudWatchClient.builder(), AWS.emulator())) {
            assertThatThrownBy(() -> cw.putMetricAlarm(b -> alarm(b, "bad\u0001name")))
                    .isInstanceOfSatisfying(CloudWatchException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                        assertThat(e.getMessage()).contains("no ASCII control characters");
                    });
        }
        // An SDK cannot send half a surrogate pair; JSON's escape can.
        RawResponse surrogate = raw().send(jsonAlarm("{\"AlarmName\": \"bad\\ud800\", " + ALARM_BODY));
        assertThat(surrogate.status()).isEqualTo(400);
        assertThat(surrogate.header("x-amzn-query-error")).startsWith("ValidationError;");
    }

    @Test
    void textNoWriterCanEncodeIsRepairedSoEveryProtocolStillParses() throws Exception {
        // A description is free text: it is stored, with a control character and half a surrogate pair.
        RawResponse put = raw().send(jsonAlarm("{\"AlarmName\": \"poisoned-description\", "
                + "\"AlarmDescription\": \"ctl\\u0001 half\\ud800 end\", " + ALARM_BODY));
        assertThat(put.status()).isEqualTo(200);

        try (CloudWatchClient cw = TestClients.of(CloudWatchClient.builder(), AWS.emulator())) { // AWS query: XML
            MetricAlarm alarm = cw.describeAlarms(b -> b.alarmNames("poisoned-description")).metricAlarms().get(0);
            assertThat(alarm.alarmDescription()).isEqualTo("ctl\ufffd half\ufffd end");
        }
        JsonNode cbor = new CBORMapper().readTree(describeOverCbor().body());
        assertThat(cbor.path("MetricAlarms").findValuesAsText("AlarmDescription"))
                .contains("ctl\u0001 half\ufffd end");
        assertThat(boto3DescribeAlarms()).contains("poisoned-description");
    }

    @Test
    void aCredentialScopeMustNameARealRegionInEveryProtocol() {
        Region madeUp = Region.of("xx-fuzz-9");
        try (StsClient sts = TestClients.of(StsClient.builder(), AWS.emulator(), madeUp);
             EventBridgeClient events = TestClients.of(EventBridgeClient.builder(), AWS.emulator(), madeUp);
             LambdaClient lambda = TestClients.of(LambdaClient.builder(), AWS.emulator(), madeUp)) {
            assertRegionRefused(() -> sts.getCallerIdentity(), "SignatureDoesNotMatch");
            assertRegionRefused(() -> events.putRule(b -> b.name("r").scheduleExpression("rate(1 hour)")),
                    "InvalidSignatureException");
            assertRegionRefused(() -> lambda.listFunctions(), "InvalidSignatureException");
        }
        // Every real region has AWS's shape, including ones newer than this code.
        for (String real : List.of("us-east-1", "ap-southeast-7", "mx-central-1", "us-gov-west-1", "cn-northwest-1",
                "eusc-de-east-1")) {
            try (StsClient sts = TestClients.of(StsClient.builder(), AWS.emulator(), Region.of(real))) {
                assertThat(sts.getCallerIdentity().account()).as(real).isEqualTo(AWS.emulator().accountId());
            }
        }
    }

    private static void assertRegionRefused(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("Credential should be scoped to a valid region, not 'xx-fuzz-9'. ");
        });
    }

    private static final String ALARM_BODY = "\"MetricName\": \"m\", \"Namespace\": \"n\", \"Statistic\": \"Sum\", "
            + "\"Period\": 60, \"EvaluationPeriods\": 1, \"Threshold\": 1, "
            + "\"ComparisonOperator\": \"GreaterThanThreshold\"}";

    private static software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest.Builder alarm(
            software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest.Builder b, String name) {
        return b.alarmName(name).namespace("n").metricName("m").statistic(Statistic.SUM).period(60)
                .evaluationPeriods(1).threshold(1.0).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD);
    }

    private static RawExchange raw() {
        return new RawExchange("127.0.0.1", AWS.emulator().port(), 10_000);
    }

    private static RawRequest jsonAlarm(String body) {
        return RawRequest.of(WireFamily.AWS_JSON_1_0, "PutMetricAlarm", "POST", "/", List.of(
                Map.entry("Content-Type", "application/x-amz-json-1.0"),
                Map.entry("X-Amz-Target", "GraniteServiceVersion20100801.PutMetricAlarm"),
                Map.entry("Authorization", FrontDoorMalformedInputTest.authorization("monitoring"))),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static RawResponse describeOverCbor() throws RawExchange.Unanswered {
        RawResponse answer = raw().send(RawRequest.of(WireFamily.RPC_V2_CBOR, "DescribeAlarms", "POST",
                "/service/GraniteServiceVersion20100801/operation/DescribeAlarms", List.of(
                        Map.entry("Content-Type", "application/cbor"), Map.entry("smithy-protocol", "rpc-v2-cbor"),
                        Map.entry("Authorization", FrontDoorMalformedInputTest.authorization("monitoring"))),
                new byte[] {(byte) 0xa0}));
        assertThat(answer.status()).isEqualTo(200);
        return answer;
    }

    /**
     * boto3 from the machine's Python: a current botocore lists RPC v2 CBOR, AWS JSON and query for CloudWatch and
     * resolves to AWS JSON 1.0 here, whose escape of half a surrogate pair Python reads back as it was stored.
     */
    private static String boto3DescribeAlarms() throws IOException, InterruptedException {
        Path script = Files.createTempFile("describe-alarms", ".py");
        Files.writeString(script, String.join("\n",
                "import boto3, sys",
                "cw = boto3.client('cloudwatch', endpoint_url=sys.argv[1], region_name='us-east-1',",
                "                  aws_access_key_id='AKIAIOSFODNN7EXAMPLE', aws_secret_access_key='x')",
                "print(cw.meta.service_model.protocol)",
                "print([a['AlarmName'] for a in cw.describe_alarms()['MetricAlarms']])"));
        Process python;
        try {
            python = new ProcessBuilder("python3", script.toString(), AWS.emulator().endpoint().toString())
                    .redirectErrorStream(true).start();
        } catch (IOException noPython) {
            assumeTrue(false, "python3 is not installed");
            return "";
        }
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assumeTrue(!out.contains("No module named 'boto3'"), "boto3 is not installed");
        assertThat(python.exitValue()).as(out).isZero();
        Files.deleteIfExists(script);
        return out;
    }
}
