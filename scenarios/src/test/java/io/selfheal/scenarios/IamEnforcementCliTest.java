package io.selfheal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 13's "Done when" through the AWS CLI against {@code selfheal serve --iam-mode enforce}: the real
 * RebootOnHighCpu remediation runs with its execution role; without {@code ec2:RebootInstances} EC2 answers
 * {@code UnauthorizedOperation}, the instance is not rebooted and CloudTrail records the error; attaching the
 * permission fixes it; an explicit Deny overrides it; cross-account and untrusted roles are refused at CreateFunction
 * (https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IamEnforcementCliTest {
    private static final Path LAMBDA_JAR = Path.of("../remediations/target/remediations-lambda.jar");
    private static final Path POLICY = Path.of("../remediations/src/main/resources/policies/RebootOnHighCpu.json");
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ServeProcess serve;
    private static AwsCli aws;
    private static String instanceId;

    @BeforeAll
    static void startServe() throws Exception {
        assumeTrue(AwsCli.installed(), "AWS CLI v2 not installed at /usr/bin/aws");
        serve = ServeProcess.start("--iam-mode", "enforce");
        aws = new AwsCli(serve.endpoint());
    }

    @AfterAll
    static void stopServe() throws InterruptedException {
        if (serve != null) {
            serve.close();
        }
    }

    @Test
    @Order(1)
    void theModeIsOnTheControlApi() throws Exception {
        assertThat(control("GET", "mode").path("mode").asText()).isEqualTo("enforce");
    }

    @Test
    @Order(2)
    void untrustedAndCrossAccountRolesAreRefusedAtCreateFunction() throws Exception {
        aws.json("iam", "create-role", "--role-name", "trusts-ec2", "--assume-role-policy-document",
                TRUST.replace("lambda.amazonaws.com", "ec2.amazonaws.com"));
        assertThat(createFunction("untrusted", "arn:aws:iam::123456789012:role/trusts-ec2"))
                .contains("InvalidParameterValueException")
                .contains("The role defined for the function cannot be assumed by Lambda.");
        assertThat(createFunction("missing", "arn:aws:iam::123456789012:role/no-such-role"))
                .contains("The role defined for the function cannot be assumed by Lambda.");
        assertThat(createFunction("elsewhere", "arn:aws:iam::210987654321:role/reboot"))
                .contains("AccessDeniedException").contains("Cross-account pass role is not allowed.");
    }

    @Test
    @Order(3)
    void aRoleWithoutRebootInstancesGetsUnauthorizedOperationAndTheInstanceIsNotRebooted() throws Exception {
        aws.json("iam", "create-role", "--role-name", "reboot-role", "--assume-role-policy-document", TRUST);
        ObjectNode policy = (ObjectNode) JSON.readTree(POLICY.toFile());
        ArrayNode statements = (ArrayNode) policy.get("Statement");
        for (int i = statements.size() - 1; i >= 0; i--) {
            if (statements.get(i).path("Sid").asText().equals("RebootInstances")) {
                statements.remove(i);
            }
        }
        aws.json("iam", "put-role-policy", "--role-name", "reboot-role", "--policy-name", "shipped-without-reboot",
                "--policy-document", policy.toString());
        aws.json("lambda", "create-function", "--function-name", "reboot-on-high-cpu", "--runtime", "java17",
                "--handler", "io.selfheal.remediations.RebootOnHighCpu::handleRequest",
                "--role", "arn:aws:iam::123456789012:role/reboot-role", "--timeout", "60", "--memory-size", "512",
                "--zip-file", "fileb://" + LAMBDA_JAR.toAbsolutePath());
        instanceId = aws.json("ec2", "run-instances", "--image-id", "ami-0abcdef1234567890", "--count", "1",
                "--instance-type", "t3.micro").path("Instances").path(0).path("InstanceId").asText();
        aws.awaitRunning(instanceId);

        String result = invoke("2025-01-01T00:00:00.000+0000");
        assertThat(result).contains("You are not authorized to perform this operation.").contains("Status Code: 403");
        JsonNode trail = rebootEvents();
        assertThat(trail).hasSize(1);
        assertThat(trail.get(0).path("errorCode").asText()).isEqualTo("UnauthorizedOperation");
        assertThat(trail.get(0).path("errorMessage").asText()).startsWith("You are not authorized to perform this "
                + "operation. User: arn:aws:sts::123456789012:assumed-role/reboot-role/reboot-on-high-cpu is not "
                + "authorized to perform: ec2:RebootInstances on resource: arn:aws:ec2:us-east-1:123456789012:"
                + "instance/" + instanceId + " because no identity-based policy allows the ec2:RebootInstances action");
        JsonNode denied = control("GET", "decisions?outcome=denied");
        assertThat(denied).hasSize(1);
        assertThat(denied.get(0).path("action").asText()).isEqualTo("ec2:RebootInstances");
    }

    @Test
    @Order(4)
    void attachingThePermissionFixesIt() throws Exception {
        aws.json("iam", "put-role-policy", "--role-name", "reboot-role", "--policy-name", "reboot",
                "--policy-document", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"ec2:RebootInstances\",\"Resource\":\"arn:aws:ec2:*:*:instance/*\"}]}");
        String result = invoke("2025-01-01T00:05:00.000+0000");
        assertThat(JSON.readTree(result).path("action").asText()).as(result).isEqualTo("rebooted");
        JsonNode trail = rebootEvents();
        assertThat(trail).hasSize(2);
        assertThat(trail.get(0).has("errorCode")).as("newest first: the allowed reboot").isFalse();
    }

    @Test
    @Order(5)
    void anExplicitDenyOverridesTheAllow() throws Exception {
        aws.json("iam", "put-role-policy", "--role-name", "reboot-role", "--policy-name", "freeze",
                "--policy-document", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
                        + "\"Action\":\"ec2:RebootInstances\",\"Resource\":\"*\"}]}");
        String result = invoke("2025-01-01T00:10:00.000+0000");
        assertThat(result).contains("You are not authorized").contains("with an explicit deny in an identity-based "
                + "policy");
    }

    private static String createFunction(String name, String role) throws Exception {
        return aws.failing("lambda", "create-function", "--function-name", name, "--runtime", "java17",
                "--handler", "io.selfheal.remediations.RebootOnHighCpu::handleRequest", "--role", role,
                "--zip-file", "fileb://" + LAMBDA_JAR.toAbsolutePath());
    }

    /**
     * Invokes the remediation as its alarm would and returns what it answered (its result or error document); each
     * alarm transition has its own timestamp, which the remediation's idempotency key includes.
     */
    private static String invoke(String alarmTimestamp) throws Exception {
        Path out = Files.createTempFile("invoke", ".json");
        aws.json("lambda", "invoke", "--function-name", "reboot-on-high-cpu", "--cli-binary-format",
                "raw-in-base64-out", "--payload", "{\"instance_id\":\"" + instanceId + "\",\"state_value\":\"ALARM\","
                        + "\"alarm_name\":\"EC2-CPU-High-cli\",\"state_timestamp\":\"" + alarmTimestamp + "\"}",
                out.toString());
        return Files.readString(out);
    }

    private static JsonNode rebootEvents() throws Exception {
        ArrayNode out = JSON.createArrayNode();
        for (JsonNode e : aws.json("cloudtrail", "lookup-events", "--lookup-attributes",
                "AttributeKey=EventName,AttributeValue=RebootInstances").path("Events")) {
            out.add(JSON.readTree(e.path("CloudTrailEvent").asText()));
        }
        return out;
    }

    private static JsonNode control(String method, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(serve.endpoint() + "/_selfheal/iam/" + path)).method(method,
                HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }
}
