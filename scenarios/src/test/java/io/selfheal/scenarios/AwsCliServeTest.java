package io.selfheal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The AWS CLI v2 (Debian's, at /usr/bin/aws) against {@code selfheal serve} started from the CLI jar, as a user would:
 * only the endpoint and dummy credentials differ from talking to AWS. Skipped where no AWS CLI v2 is installed;
 * .ci/run installs it so CI always runs it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AwsCliServeTest {
    private static final Path AWS = Path.of("/usr/bin/aws");
    private static final Path LAMBDA_JAR = Path.of("../remediations/target/remediations-lambda.jar");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ServeProcess serve;
    private static String endpoint;
    private static String instanceId;

    @BeforeAll
    static void startServe() throws Exception {
        assumeTrue(Files.isExecutable(AWS) && run(List.of(AWS.toString(), "--version")).contains("aws-cli/2"),
                "AWS CLI v2 not installed at /usr/bin/aws");
        serve = ServeProcess.start();
        endpoint = serve.endpoint();
    }

    @AfterAll
    static void stopServe() throws InterruptedException {
        if (serve != null) {
            serve.close();
        }
    }

    @Test
    @Order(1)
    void stsGetCallerIdentity() throws Exception {
        assertThat(aws("sts", "get-caller-identity").path("Account").asText()).isEqualTo("123456789012");
    }

    @Test
    @Order(2)
    void ec2RunDescribeReboot() throws Exception {
        JsonNode run = aws("ec2", "run-instances", "--image-id", "ami-0abcdef1234567890", "--count", "1",
                "--instance-type", "t3.micro");
        instanceId = run.path("Instances").path(0).path("InstanceId").asText();
        assertThat(instanceId).matches("i-[0-9a-f]{17}");
        JsonNode described = aws("ec2", "describe-instances", "--instance-ids", instanceId);
        assertThat(described.path("Reservations").path(0).path("Instances").path(0).path("InstanceId").asText())
                .isEqualTo(instanceId);
        awaitRunning();
        aws("ec2", "reboot-instances", "--instance-ids", instanceId);
        String missing = awsFailing("ec2", "describe-instances", "--instance-ids", "i-0000000000000000f");
        assertThat(missing).contains("InvalidInstanceID.NotFound");
    }

    @Test
    @Order(3)
    void cloudWatchAlarms() throws Exception {
        aws("cloudwatch", "put-metric-alarm", "--alarm-name", "EC2-CPU-High-cli", "--namespace", "AWS/EC2",
                "--metric-name", "CPUUtilization", "--statistic", "Average", "--period", "60",
                "--evaluation-periods", "5", "--threshold", "90", "--comparison-operator", "GreaterThanThreshold",
                "--dimensions", "Name=InstanceId,Value=i-0123456789abcdef0");
        aws("cloudwatch", "set-alarm-state", "--alarm-name", "EC2-CPU-High-cli", "--state-value", "ALARM",
                "--state-reason", "cli test");
        // The history, not the current state: on a real clock the next minute's evaluation may already have moved
        // an alarm without data on to INSUFFICIENT_DATA, as on AWS.
        JsonNode history = aws("cloudwatch", "describe-alarm-history", "--alarm-name", "EC2-CPU-High-cli",
                "--history-item-type", "StateUpdate");
        assertThat(history.path("AlarmHistoryItems").findValuesAsText("HistorySummary"))
                .contains("Alarm updated from INSUFFICIENT_DATA to ALARM");
        JsonNode alarms = aws("cloudwatch", "describe-alarms", "--alarm-names", "EC2-CPU-High-cli");
        assertThat(alarms.path("MetricAlarms").path(0).path("AlarmName").asText()).isEqualTo("EC2-CPU-High-cli");
    }

    @Test
    @Order(4)
    void eventBridgeRulesTargetsEventsAndPatterns() throws Exception {
        String pattern = "{\"source\":[\"cli.test\"],\"detail\":{\"level\":[{\"numeric\":[\">\",5]}]}}";
        String arn = aws("events", "put-rule", "--name", "cli-rule", "--event-pattern", pattern).path("RuleArn").asText();
        assertThat(arn).isEqualTo("arn:aws:events:us-east-1:123456789012:rule/cli-rule");
        JsonNode test = aws("events", "test-event-pattern", "--event-pattern", pattern, "--event",
                "{\"id\":\"1\",\"source\":\"cli.test\",\"detail-type\":\"t\",\"account\":\"123456789012\","
                        + "\"region\":\"us-east-1\",\"time\":\"2025-01-01T00:00:00Z\",\"resources\":[],"
                        + "\"detail\":{\"level\":9}}");
        assertThat(test.path("Result").asBoolean()).isTrue();
        JsonNode put = aws("events", "put-events", "--entries",
                "[{\"Source\":\"cli.test\",\"DetailType\":\"t\",\"Detail\":\"{\\\"level\\\":9}\"}]");
        assertThat(put.path("FailedEntryCount").asInt()).isZero();
        String invalid = awsFailing("events", "put-rule", "--name", "bad", "--event-pattern", "{\"source\":\"x\"}");
        assertThat(invalid).contains("InvalidEventPatternException");
    }

    @Test
    @Order(5)
    void lambdaCreateFunctionWithTheShadedJarAndInvoke() throws Exception {
        assertThat(LAMBDA_JAR).isRegularFile();
        JsonNode created = aws("lambda", "create-function", "--function-name", "reboot-on-high-cpu",
                "--runtime", "java17", "--handler", "io.selfheal.remediations.RebootOnHighCpu::handleRequest",
                "--role", "arn:aws:iam::123456789012:role/reboot-on-high-cpu", "--timeout", "60",
                "--memory-size", "512", "--zip-file", "fileb://" + LAMBDA_JAR.toAbsolutePath());
        assertThat(created.path("FunctionArn").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:reboot-on-high-cpu");
        Path out = Files.createTempFile("invoke", ".json");
        String payload = "{\"instance_id\":\"" + instanceId + "\",\"state_value\":\"ALARM\","
                + "\"alarm_name\":\"EC2-CPU-High-cli\",\"state_timestamp\":\"2025-01-01T00:00:00.000+0000\"}";
        JsonNode invoked = aws("lambda", "invoke", "--function-name", "reboot-on-high-cpu",
                "--cli-binary-format", "raw-in-base64-out", "--payload", payload, out.toString());
        assertThat(invoked.path("StatusCode").asInt()).isEqualTo(200);
        assertThat(invoked.has("FunctionError")).as("function error: " + Files.readString(out)).isFalse();
        assertThat(JSON.readTree(out.toFile()).path("action").asText()).isEqualTo("rebooted");
    }

    private static void awaitRunning() throws Exception {
        for (int i = 0; i < 100; i++) {
            JsonNode d = aws("ec2", "describe-instances", "--instance-ids", instanceId);
            if ("running".equals(d.path("Reservations").path(0).path("Instances").path(0).path("State")
                    .path("Name").asText())) {
                return;
            }
        }
        throw new AssertionError(instanceId + " never reached running");
    }

    private static JsonNode aws(String... args) throws Exception {
        Result r = exec(args);
        assertThat(r.exit).as("aws " + String.join(" ", args) + "\n" + r.output).isZero();
        return r.output.isBlank() ? JSON.createObjectNode() : JSON.readTree(r.output);
    }

    private static String awsFailing(String... args) throws Exception {
        Result r = exec(args);
        assertThat(r.exit).as("aws " + String.join(" ", args) + " must fail").isNotZero();
        return r.output;
    }

    private record Result(int exit, String output) {
    }

    private static Result exec(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(AWS.toString()));
        command.addAll(List.of(args));
        // Debian's CLI (2.9) predates AWS_ENDPOINT_URL (CLI 2.13+); --endpoint-url works on every version.
        command.addAll(List.of("--output", "json", "--endpoint-url", endpoint));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        AwsCliEnvironment.configure(pb.environment(), endpoint);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), output);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }
}
