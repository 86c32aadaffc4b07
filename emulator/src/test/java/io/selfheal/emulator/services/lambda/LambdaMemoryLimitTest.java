package io.selfheal.emulator.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.core.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A function past its MemorySize is killed as Lambda's memory limit kills it: the invocation fails with
 * {@code Runtime.OutOfMemory} ("Runtime exited with error: signal: killed"), the REPORT line says so with the
 * memory all used, the sandbox is replaced, and an asynchronous invocation goes the failure path. Python and
 * Node.js processes are watched (their resident memory); Java's heap is sized from MemorySize instead.
 * https://repost.aws/knowledge-center/lambda-runtime-error
 */
@EnabledOnOs(OS.LINUX)
class LambdaMemoryLimitTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();
    private static LambdaClient lambda;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        lambda = AWS.client(LambdaClient.class);
        sqs = AWS.client(SqsClient.class);
    }

    @ParameterizedTest
    @CsvSource({"python3.12, /lambda/python, allocates.handler, oom-py",
            "nodejs20.x, /lambda/nodejs, allocates.handler, oom-node"})
    void aFunctionPastItsMemorySizeIsKilledAndItsSandboxReplaced(String runtime, String sources, String handler,
                                                                  String name) {
        TestFunctions.createScript(lambda, name, runtime, TestFunctions.zipOf(sources), handler,
                b -> b.memorySize(256).timeout(60));
        long warm = json(invoke(name, 16)).get("pid").asLong();

        // 768 MiB, then held for 20 s: only a kill ends it early.
        InvokeResponse killed = invoke(name, 768);

        assertThat(killed.functionError()).isEqualTo("Unhandled");
        JsonNode error = json(killed);
        assertThat(error.get("errorType").asText()).isEqualTo("Runtime.OutOfMemory");
        assertThat(error.get("errorMessage").asText()).isEqualTo("RequestId: "
                + killed.responseMetadata().requestId() + " Error: Runtime exited with error: signal: killed");
        assertThat(TestFunctions.tailLog(killed)).contains("Memory Size: 256 MB\tMax Memory Used: 256 MB")
                .contains("\tStatus: error\tError Type: Runtime.OutOfMemory");
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(warm).map(p -> !p.isAlive()).orElse(true));

        InvokeResponse after = invoke(name, 16);
        assertThat(after.functionError()).as(after.payload().asUtf8String()).isNull();
        assertThat(json(after).get("pid").asLong()).as("a fresh sandbox").isNotEqualTo(warm);
    }

    @ParameterizedTest
    @CsvSource({"python3.12, /lambda/python, allocates.handler, async-oom-py"})
    void anAsynchronousInvocationKilledForMemoryGoesTheFailurePath(String runtime, String sources, String handler,
                                                                  String name) {
        String failures = sqs.createQueue(b -> b.queueName(name + "-failures")).queueUrl();
        TestFunctions.createScript(lambda, name, runtime, TestFunctions.zipOf(sources), handler,
                b -> b.memorySize(256).timeout(60));
        lambda.putFunctionEventInvokeConfig(b -> b.functionName(name).maximumRetryAttempts(0)
                .destinationConfig(d -> d.onFailure(f -> f.destination(
                        "arn:aws:sqs:us-east-1:123456789012:" + name + "-failures"))));

        InvokeResponse accepted = lambda.invoke(r -> r.functionName(name).invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"mib\": 768, \"hold_seconds\": 20}")));

        assertThat(accepted.statusCode()).isEqualTo(202);
        List<Message> records = await().atMost(Duration.ofSeconds(30)).until(() -> sqs.receiveMessage(
                b -> b.queueUrl(failures).waitTimeSeconds(1)).messages(), m -> !m.isEmpty());
        JsonNode record = parse(records.get(0).body());
        assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
        assertThat(record.at("/responseContext/functionError").asText()).isEqualTo("Unhandled");
        assertThat(record.at("/responsePayload/errorType").asText()).isEqualTo("Runtime.OutOfMemory");
    }

    private static InvokeResponse invoke(String name, int mib) {
        return lambda.invoke(r -> r.functionName(name).logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"mib\": " + mib + ", \"hold_seconds\": " + (mib > 100 ? 20 : 0)
                        + "}")));
    }

    private static JsonNode json(InvokeResponse r) {
        return TestFunctions.payloadJson(r);
    }

    private static JsonNode parse(String text) {
        try {
            return Json.parse(text);
        } catch (IOException e) {
            throw new AssertionError(text, e);
        }
    }
}
