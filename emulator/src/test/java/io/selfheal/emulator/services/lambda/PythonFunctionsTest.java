package io.selfheal.emulator.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * Python functions (python3.9 … python3.13) through the AWS SDK v2, run by our bootstrap on the machine's
 * interpreter. Where Debian's {@code /usr/bin/python3} exists the whole class runs on it: its boto3 (1.26) predates
 * {@code AWS_ENDPOINT_URL}, the hard case for "default clients reach the emulator".
 * https://docs.aws.amazon.com/lambda/latest/dg/python-handler.html, python-context.html, python-exceptions.html
 */
class PythonFunctionsTest {
    private static final Path DEBIAN_PYTHON = Path.of("/usr/bin/python3");
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();
    private static Emulator emulator;
    private static LambdaClient lambda;

    @BeforeAll
    static void start() {
        if (Files.isExecutable(DEBIAN_PYTHON)) {
            System.setProperty("selfheal.lambda.python", DEBIAN_PYTHON.toString());
        }
        emulator = AWS.emulator();
        lambda = AWS.client(LambdaClient.class);
        byte[] zip = TestFunctions.zipOf("/lambda/python");
        create("echo", "python3.12", zip, "echo.handler", Map.of("TARGET_TAG", "selfheal"));
        create("calls-aws", "python3.13", zip, "calls_aws.handler", Map.of());
        create("logs", "python3.11", zip, "logs.handler", Map.of());
        // Not python3.9: AWS refuses new python3.9 functions from 2027-02-01 (RuntimeBlockDatesTest).
        create("fails", "python3.12", zip, "fails.handler", Map.of());
        create("no-module", "python3.12", zip, "not_there.handler", Map.of());
        create("no-handler", "python3.12", zip, "echo.nothing", Map.of());
        create("broken-import", "python3.10", zip, "broken_import.handler", Map.of());
        TestFunctions.createScript(lambda, "sleeps", "python3.12", zip, "sleeps.handler", b -> b.timeout(1));
    }

    @AfterAll
    static void stop() {
        System.clearProperty("selfheal.lambda.python");
    }

    private static void create(String name, String runtime, byte[] zip, String handler, Map<String, String> env) {
        TestFunctions.createScript(lambda, name, runtime, zip, handler,
                b -> b.environment(e -> e.variables(env)));
    }

    @Test
    void theHandlerGetsTheEventTheContextAndLambdasEnvironment() {
        String clientContext = Base64.getEncoder().encodeToString(
                "{\"custom\":{\"team\":\"sre\"}}".getBytes(StandardCharsets.UTF_8));
        InvokeResponse r = lambda.invoke(i -> i.functionName("echo").clientContext(clientContext)
                .payload(SdkBytes.fromUtf8String("{\"instanceId\":\"i-0abc\"}")));

        assertThat(r.functionError()).isNull();
        JsonNode out = json(r);
        assertThat(out.at("/input/instanceId").asText()).isEqualTo("i-0abc");
        assertThat(out.get("functionName").asText()).isEqualTo("echo");
        assertThat(out.get("functionVersion").asText()).isEqualTo("$LATEST");
        assertThat(out.get("invokedFunctionArn").asText()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:echo");
        assertThat(out.get("memoryLimitInMb").asText()).isEqualTo("128");
        assertThat(out.get("requestId").asText()).isEqualTo(r.responseMetadata().requestId());
        assertThat(out.get("logGroupName").asText()).isEqualTo("/aws/lambda/echo");
        assertThat(out.get("logStreamName").asText()).matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST][0-9a-f]{32}");
        assertThat(out.get("remainingMs").asInt()).isBetween(1, 3000);
        assertThat(out.at("/clientContextCustom/team").asText()).isEqualTo("sre");
        JsonNode env = out.get("environment");
        assertThat(env.get("AWS_LAMBDA_FUNCTION_NAME").asText()).isEqualTo("echo");
        assertThat(env.get("AWS_REGION").asText()).isEqualTo("us-east-1");
        assertThat(env.get("_HANDLER").asText()).isEqualTo("echo.handler");
        assertThat(env.get("AWS_EXECUTION_ENV").asText()).isEqualTo("AWS_Lambda_python3.12");
        assertThat(env.get("LAMBDA_TASK_ROOT").asText()).endsWith("task");
        assertThat(env.get("_X_AMZN_TRACE_ID").asText()).startsWith("Root=1-");
        assertThat(env.get("TARGET_TAG").asText()).isEqualTo("selfheal");
    }

    @Test
    void defaultBoto3ClientsReachTheEmulatorAsTheFunctionsRole() {
        JsonNode first = json(TestFunctions.invoke(lambda, "calls-aws", "{}"));
        JsonNode second = json(TestFunctions.invoke(lambda, "calls-aws", "{}"));

        assertThat(first.get("arn").asText())
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/remediation-role/calls-aws");
        assertThat(first.get("reservations").asInt()).isZero();
        // Warm: the second invocation ran in the same process, with the module-level client created once.
        assertThat(second.get("client").asLong()).isEqualTo(first.get("client").asLong());
    }

    @Test
    void printAndLoggingGoToTheLogBetweenStartAndReport() {
        InvokeResponse r = lambda.invoke(i -> i.functionName("logs").logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"n\": 7}")));
        String requestId = r.responseMetadata().requestId();
        String log = TestFunctions.tailLog(r);

        assertThat(r.payload().asUtf8String()).isEqualTo("\"ok\"");
        assertThat(log).startsWith("START RequestId: " + requestId + " Version: $LATEST\n")
                .contains("printed 7\n")
                .containsPattern("\\[INFO]\\t\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\\t" + requestId
                        + "\\tlogged at info\n")
                .contains("[WARNING]\t", "\t" + requestId + "\ta warning\n")
                .contains("END RequestId: " + requestId + "\n", "REPORT RequestId: " + requestId + "\tDuration: ");
    }

    @Test
    void anUnhandledExceptionIsAwsPythonErrorDocument() {
        InvokeResponse r = TestFunctions.invoke(lambda, "fails", "{\"detail\":{}}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.functionError()).isEqualTo("Unhandled");
        JsonNode error = json(r);
        assertThat(error.get("errorType").asText()).isEqualTo("ValueError");
        assertThat(error.get("errorMessage").asText()).isEqualTo("instance id missing from {'detail': {}}");
        assertThat(error.get("requestId").asText()).isEqualTo(r.responseMetadata().requestId());
        assertThat(error.get("stackTrace")).hasSize(2);
        assertThat(error.get("stackTrace").get(0).asText()).matches(
                "(?s)  File \".*/fails.py\", line 2, in handler\n    check\\(event\\)\n");
        assertThat(error.get("stackTrace").get(1).asText()).contains("line 6, in check");
    }

    @Test
    void aMissingModuleOrHandlerIsAwsInitError() {
        JsonNode module = json(unhandled("no-module"));
        assertThat(module.get("errorType").asText()).isEqualTo("Runtime.ImportModuleError");
        assertThat(module.get("errorMessage").asText())
                .isEqualTo("Unable to import module 'not_there': No module named 'not_there'");

        JsonNode handler = json(unhandled("no-handler"));
        assertThat(handler.get("errorType").asText()).isEqualTo("Runtime.HandlerNotFound");
        assertThat(handler.get("errorMessage").asText()).isEqualTo("Handler 'nothing' missing on module 'echo'");

        JsonNode vendored = json(unhandled("broken-import"));
        assertThat(vendored.get("errorType").asText()).isEqualTo("Runtime.ImportModuleError");
        assertThat(vendored.get("errorMessage").asText()).isEqualTo("Unable to import module 'broken_import': "
                + "No module named 'module_that_is_not_in_the_package'");
    }

    @Test
    void aFunctionPastItsTimeoutIsStoppedAndReportedAsAwsReportsIt() {
        InvokeResponse r = lambda.invoke(i -> i.functionName("sleeps").logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"seconds\": 30}")));
        String log = TestFunctions.tailLog(r);

        assertThat(r.functionError()).isEqualTo("Unhandled");
        assertThat(json(r).get("errorMessage").asText()).endsWith("Task timed out after 1.00 seconds");
        assertThat(log).contains("going to sleep", "Task timed out after 1.00 seconds", "Status: timeout");
        await().atMost(Duration.ofSeconds(10)).until(() -> TestFunctions.processes("sleeps.handler").isEmpty()
                || TestFunctions.invoke(lambda, "sleeps", "{\"seconds\": 0}").functionError() == null);
    }

    @Test
    void updatingTheCodeKillsTheWarmSandbox() {
        byte[] zip = TestFunctions.zipOf("/lambda/python");
        TestFunctions.createScript(lambda, "updated", "python3.12", zip, "echo.handler", b -> { });
        long before = json(TestFunctions.invoke(lambda, "updated", "{}")).get("pid").asLong();

        lambda.updateFunctionCode(u -> u.functionName("updated").zipFile(SdkBytes.fromByteArray(zip)));

        assertThat(ProcessHandle.of(before).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(json(TestFunctions.invoke(lambda, "updated", "{}")).get("pid").asLong()).isNotEqualTo(before);
        lambda.deleteFunction(d -> d.functionName("updated"));
    }

    @Test
    void runtimesAreValidatedWithAwsMessages() {
        byte[] zip = TestFunctions.zipOf("/lambda/python");
        assertThatThrownBy(() -> TestFunctions.createScript(lambda, "r1", "python3.99", zip, "echo.handler", b -> { }))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageStartingWith("Value python3.99 at 'runtime' failed to satisfy constraint: Member must "
                        + "satisfy enum value set: [");
        // https://docs.aws.amazon.com/lambda/latest/dg/runtime-support-policy.html: blocked after its dates.
        assertThatThrownBy(() -> TestFunctions.createScript(lambda, "r2", "python3.8", zip, "echo.handler", b -> { }))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageStartingWith("The runtime parameter of python3.8 is no longer supported for creating or "
                        + "updating AWS Lambda functions. We recommend you use a supported runtime while creating or "
                        + "updating functions.");
        assertThatThrownBy(() -> TestFunctions.createScript(lambda, "r3", "ruby3.3", zip, "echo.handler", b -> { }))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("ruby3.3 is not supported here").hasMessageContaining("python3.13");
    }

    private static InvokeResponse unhandled(String function) {
        InvokeResponse r = TestFunctions.invoke(lambda, function, "{}");
        assertThat(r.functionError()).isEqualTo("Unhandled");
        return r;
    }

    private static JsonNode json(InvokeResponse r) {
        return TestFunctions.payloadJson(r);
    }
}
