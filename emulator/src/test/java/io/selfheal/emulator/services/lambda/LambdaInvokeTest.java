package io.selfheal.emulator.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.control.FunctionInvocation;
import io.selfheal.emulator.control.LambdaControl;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.services.lambda.testfunctions.EchoHandler;
import io.selfheal.emulator.services.lambda.testfunctions.EnvironmentHandler;
import io.selfheal.emulator.services.lambda.testfunctions.FailingHandler;
import io.selfheal.emulator.services.lambda.testfunctions.LoggingHandler;
import io.selfheal.emulator.services.lambda.testfunctions.SleepingHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.sts.StsClient;

/** Invoke through the real SDK, against functions running in real RIC sandboxes. */
class LambdaInvokeTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();
    private static Emulator emulator;
    private static LambdaClient lambda;

    @BeforeAll
    static void start() {
        emulator = AWS.emulator();
        lambda = AWS.client(LambdaClient.class);
        TestFunctions.create(lambda, "echo", EchoHandler.class);
        TestFunctions.create(lambda, "env", EnvironmentHandler.class, b -> b.memorySize(256)
                .environment(e -> e.variables(Map.of("TARGET_TAG", "selfheal"))));
        TestFunctions.create(lambda, "failing", FailingHandler.class);
        TestFunctions.create(lambda, "logging", LoggingHandler.class);
        TestFunctions.create(lambda, "sleeping", SleepingHandler.class, b -> b.timeout(30));
    }

    @Test
    void requestResponseReturnsTheHandlersOutput() {
        InvokeResponse r = TestFunctions.invoke(lambda, "echo", "{\"instanceId\":\"i-0abc\"}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.functionError()).isNull();
        assertThat(r.executedVersion()).isEqualTo("$LATEST");
        JsonNode out = json(r);
        assertThat(out.at("/input/instanceId").asText()).isEqualTo("i-0abc");
        assertThat(out.get("functionName").asText()).isEqualTo("echo");
        assertThat(out.get("invokedFunctionArn").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:echo");
        assertThat(out.get("requestId").asText()).isEqualTo(r.responseMetadata().requestId());
        assertThat(out.get("remainingMs").asInt()).isBetween(1, 3000);
        assertThat(out.get("memoryLimitMb").asInt()).isEqualTo(128);
    }

    @Test
    void aWarmSandboxServesTheNextInvocationInTheSameProcess() {
        JsonNode first = json(TestFunctions.invoke(lambda, "echo", "{}"));
        JsonNode second = json(TestFunctions.invoke(lambda, "echo", "{}"));

        assertThat(second.get("pid").asLong()).isEqualTo(first.get("pid").asLong());
        assertThat(second.get("calls").asInt()).isEqualTo(first.get("calls").asInt() + 1);
        assertThat(first.get("pid").asLong()).isNotEqualTo(ProcessHandle.current().pid());
        LambdaService service = emulator.services().get(LambdaService.class);
        assertThat(service.sandboxPids("123456789012", "us-east-1", "echo")).containsExactly(first.get("pid").asLong());
    }

    @Test
    void warmInvocationsCostMilliseconds() {
        TestFunctions.invoke(lambda, "echo", "{}");
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long started = System.nanoTime();
            TestFunctions.invoke(lambda, "echo", "{}");
            micros.add((System.nanoTime() - started) / 1000);
        }
        micros.sort(null);
        // Generous for a shared two-core machine; typically a few milliseconds.
        assertThat(micros.get(micros.size() / 2)).as("median warm invoke, µs").isLessThan(100_000);
    }

    @Test
    void theFunctionGetsLambdasEnvironmentAndTheEmulatorAsItsEndpoint() {
        InvokeResponse r = lambda.invoke(b -> b.functionName("env").payload(SdkBytes.fromUtf8String(
                "{\"names\":[\"AWS_ENDPOINT_URL\",\"AWS_REGION\",\"AWS_DEFAULT_REGION\",\"AWS_LAMBDA_FUNCTION_NAME\","
                        + "\"AWS_LAMBDA_FUNCTION_VERSION\",\"AWS_LAMBDA_FUNCTION_MEMORY_SIZE\",\"AWS_EXECUTION_ENV\","
                        + "\"AWS_LAMBDA_LOG_GROUP_NAME\",\"AWS_LAMBDA_LOG_STREAM_NAME\",\"AWS_LAMBDA_RUNTIME_API\","
                        + "\"_HANDLER\",\"LAMBDA_TASK_ROOT\",\"LAMBDA_RUNTIME_DIR\",\"TZ\",\"TARGET_TAG\","
                        + "\"AWS_ACCESS_KEY_ID\",\"AWS_SECRET_ACCESS_KEY\",\"AWS_SESSION_TOKEN\",\"AWS_PROFILE\","
                        + "\"HOME\",\"MAVEN_OPTS\"]}")));
        assertThat(r.functionError()).isNull();
        Map<String, String> env = Json.MAPPER.convertValue(json(r), Map.class);

        assertThat(env).containsEntry("AWS_ENDPOINT_URL", emulator.endpoint().toString())
                .containsEntry("AWS_REGION", "us-east-1")
                .containsEntry("AWS_DEFAULT_REGION", "us-east-1")
                .containsEntry("AWS_LAMBDA_FUNCTION_NAME", "env")
                .containsEntry("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
                .containsEntry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256")
                .containsEntry("AWS_EXECUTION_ENV", "AWS_Lambda_java17")
                .containsEntry("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/env")
                .containsEntry("_HANDLER", EnvironmentHandler.class.getName() + "::handleRequest")
                .containsEntry("TZ", ":UTC")
                .containsEntry("TARGET_TAG", "selfheal")
                .doesNotContainKeys("AWS_PROFILE", "HOME", "MAVEN_OPTS");
        assertThat(env.get("AWS_LAMBDA_LOG_STREAM_NAME")).matches("\\d{4}/\\d\\d/\\d\\d/\\[\\$LATEST][0-9a-f]{32}");
        assertThat(env.get("AWS_LAMBDA_RUNTIME_API")).startsWith("127.0.0.1:")
                .isNotEqualTo("127.0.0.1:" + emulator.port());
        assertThat(env.get("LAMBDA_TASK_ROOT")).isEqualTo(env.get("user.dir"));
        assertThat(env.get("LAMBDA_RUNTIME_DIR")).isNotBlank();
        assertThat(env.get("AWS_ACCESS_KEY_ID")).matches("ASIA[A-Z2-7]{16}");
        assertThat(env.get("AWS_SECRET_ACCESS_KEY")).hasSize(40);
        assertThat(env.get("AWS_SESSION_TOKEN")).isNotBlank();

        // The credentials stand for the function's role session: calls made with them are attributed to it.
        try (StsClient sts = StsClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY"),
                        env.get("AWS_SESSION_TOKEN")))).build()) {
            assertThat(sts.getCallerIdentity().arn())
                    .isEqualTo("arn:aws:sts::123456789012:assumed-role/remediation-role/env");
        }
        assertThat(emulator.control().calls("sts", "GetCallerIdentity")).last().satisfies(call ->
                assertThat(call.callerArn()).isEqualTo("arn:aws:sts::123456789012:assumed-role/remediation-role/env"));
    }

    @Test
    void aFunctionErrorComesBackUnhandledWithTheRuntimesErrorDocument() {
        InvokeResponse r = TestFunctions.invoke(lambda, "failing", "{\"reason\":\"quota\"}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.functionError()).isEqualTo("Unhandled");
        JsonNode error = json(r);
        assertThat(error.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.get("errorMessage").asText()).isEqualTo("refused: quota");
        assertThat(error.get("stackTrace").isArray()).isTrue();
        assertThat(error.get("stackTrace").toString()).contains("FailingHandler.handleRequest");

        FunctionInvocation recorded = record(r.responseMetadata().requestId());
        assertThat(recorded.failed()).isTrue();
        assertThat(recorded.errorType()).isEqualTo("java.lang.IllegalStateException");
        assertThat(recorded.errorMessage()).isEqualTo("refused: quota");
        // What the runtime logs after reporting the error still belongs to this invocation, as on AWS.
        assertThat(recorded.logs()).contains("refused: quota").contains("END RequestId: " + recorded.requestId());

        assertThat(TestFunctions.invoke(lambda, "failing", "{}").functionError())
                .as("the sandbox survives a handler error").isEqualTo("Unhandled");
    }

    @Test
    void logTypeTailReturnsTheInvocationsLogWithLambdasOwnLines() {
        InvokeResponse r = lambda.invoke(b -> b.functionName("logging").logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"tag\":\"tail-1\"}")));
        assertThat(r.payload().asUtf8String()).isEqualTo("\"logged tail-1\"");
        String id = r.responseMetadata().requestId();
        String tail = new String(Base64.getDecoder().decode(r.logResult()), StandardCharsets.UTF_8);

        assertThat(tail).startsWith("START RequestId: " + id + " Version: $LATEST\n")
                .contains("stdout tail-1\n").contains("stderr tail-1\n").contains("logger tail-1")
                .contains("END RequestId: " + id + "\n")
                .containsPattern("REPORT RequestId: " + id + "\tDuration: [\\d.]+ ms\tBilled Duration: \\d+ ms"
                        + "\tMemory Size: 128 MB");
        assertThat(record(id).logs()).isEqualTo(tail);

        InvokeResponse second = lambda.invoke(b -> b.functionName("logging").logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"tag\":\"tail-2\"}")));
        String secondTail = new String(Base64.getDecoder().decode(second.logResult()), StandardCharsets.UTF_8);
        assertThat(secondTail).contains("stdout tail-2").doesNotContain("tail-1").doesNotContain("Init Duration");
        assertThat(tail).contains("Init Duration");
        assertThat(TestFunctions.invoke(lambda, "logging", "{\"tag\":\"x\"}").logResult()).isNull();
    }

    @Test
    void anEventInvocationIsAcceptedAtOnceThenRunsAndIsRecorded() {
        InvokeResponse r = lambda.invoke(b -> b.functionName("echo").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"async\":true}")));
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.payload().asByteArray()).isEmpty();
        String id = r.responseMetadata().requestId();

        assertThat(emulator.control().awaitIdle(Duration.ofSeconds(30))).isTrue();
        FunctionInvocation recorded = record(id);
        assertThat(recorded.finishedOk()).isTrue();
        assertThat(recorded.invocationType()).isEqualTo("Event");
        assertThat(recorded.invokedBy()).isEqualTo("arn:aws:iam::123456789012:root");
        assertThat(recorded.payload()).isEqualTo("{\"async\":true}");
        assertThat(recorded.response()).contains("\"async\":true").contains(id);
        assertThat(recorded.started()).isBeforeOrEqualTo(recorded.finished());
    }

    @Test
    void dryRunChecksWithoutRunning() {
        int before = control().invocations("echo").size();
        InvokeResponse r = lambda.invoke(b -> b.functionName("echo").invocationType(InvocationType.DRY_RUN));
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(control().invocations("echo")).hasSize(before);
    }

    @Test
    void aPayloadThatIsNotJsonIsRefused() {
        assertThatThrownBy(() -> TestFunctions.invoke(lambda, "echo", "not json"))
                .isInstanceOfSatisfying(InvalidRequestContentException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).startsWith("Could not parse request body into json"));
    }

    @Test
    void concurrentInvocationsGetSeparateSandboxes() {
        CompletableFuture<InvokeResponse> a = CompletableFuture.supplyAsync(
                () -> TestFunctions.invoke(lambda, "sleeping", "{\"millis\":1500}"));
        CompletableFuture<InvokeResponse> b = CompletableFuture.supplyAsync(
                () -> TestFunctions.invoke(lambda, "sleeping", "{\"millis\":1500}"));
        long pidA = Long.parseLong(a.join().payload().asUtf8String());
        long pidB = Long.parseLong(b.join().payload().asUtf8String());
        assertThat(pidA).isNotEqualTo(pidB);
        // Both stay warm: the next two invocations reuse them rather than starting a third.
        long pidC = Long.parseLong(TestFunctions.invoke(lambda, "sleeping", "{\"millis\":0}").payload().asUtf8String());
        assertThat(pidC).isIn(pidA, pidB);
    }

    private static LambdaControl control() {
        return emulator.control().component(LambdaControl.class);
    }

    private static FunctionInvocation record(String requestId) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> control().invocations().stream().filter(i -> i.requestId().equals(requestId))
                        .filter(i -> i.finished() != null).findFirst().orElse(null), i -> i != null);
    }

    private static JsonNode json(InvokeResponse r) {
        try {
            return Json.parse(r.payload().asUtf8String());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + r.payload().asUtf8String(), e);
        }
    }
}
