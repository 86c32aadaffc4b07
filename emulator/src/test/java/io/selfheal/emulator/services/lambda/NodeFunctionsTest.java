package io.selfheal.emulator.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * Node.js functions (nodejs18.x/20.x/22.x) through the AWS SDK v2, on the machine's node with the AWS SDK for
 * JavaScript v3 the runtime provides. https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html,
 * nodejs-context.html, nodejs-logging.html, nodejs-exceptions.html
 */
class NodeFunctionsTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();
    private static Emulator emulator;
    private static LambdaClient lambda;

    @BeforeAll
    static void start() {
        emulator = AWS.emulator();
        lambda = AWS.client(LambdaClient.class);
        byte[] zip = TestFunctions.zipOf("/lambda/nodejs");
        TestFunctions.createScript(lambda, "esm", "nodejs22.x", zip, "index.handler", b -> b.timeout(60));
        TestFunctions.createScript(lambda, "esm-fails", "nodejs20.x", zip, "index.fails", b -> { });
        TestFunctions.createScript(lambda, "cjs", "nodejs20.x", zip, "callback.handler", b -> { });
        TestFunctions.createScript(lambda, "cjs-rejects", "nodejs18.x", zip, "callback.rejects", b -> { });
        TestFunctions.createScript(lambda, "missing", "nodejs20.x", zip, "nothere.handler", b -> { });
        TestFunctions.createScript(lambda, "not-exported", "nodejs20.x", zip, "index.nope", b -> { });
        TestFunctions.createScript(lambda, "sleeps", "nodejs20.x", zip, "sleeps.handler", b -> b.timeout(1));
    }

    @Test
    void anEsModuleAsyncHandlerUsesTheProvidedSdkWithDefaultSettings() {
        InvokeResponse r = lambda.invoke(i -> i.functionName("esm").logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"instanceId\":\"i-0abc\"}")));
        String requestId = r.responseMetadata().requestId();

        assertThat(r.functionError()).isNull();
        JsonNode out = json(r);
        assertThat(out.at("/input/instanceId").asText()).isEqualTo("i-0abc");
        assertThat(out.get("arn").asText()).isEqualTo("arn:aws:sts::123456789012:assumed-role/remediation-role/esm");
        assertThat(out.get("functionName").asText()).isEqualTo("esm");
        assertThat(out.get("memoryLimitInMB").asText()).isEqualTo("128");
        assertThat(out.get("requestId").asText()).isEqualTo(requestId);
        assertThat(out.get("invokedFunctionArn").asText()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:esm");
        assertThat(out.get("logGroupName").asText()).isEqualTo("/aws/lambda/esm");
        assertThat(out.get("remainingMs").asInt()).isBetween(1, 60000);
        assertThat(out.get("handlerEnv").asText()).isEqualTo("index.handler");
        assertThat(log(r)).containsPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\\t" + requestId
                + "\\tINFO\\tchecking i-0abc\n").contains("REPORT RequestId: " + requestId);

        JsonNode again = json(TestFunctions.invoke(lambda, "esm", "{}"));
        assertThat(again.get("invocations").asInt()).isEqualTo(2);
        assertThat(again.get("pid").asLong()).isEqualTo(out.get("pid").asLong());
    }

    @Test
    void aCommonJsCallbackHandlerAnswersThroughItsCallback() {
        InvokeResponse r = lambda.invoke(i -> i.functionName("cjs").logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"n\": 21}")));

        assertThat(r.functionError()).isNull();
        assertThat(json(r).get("doubled").asInt()).isEqualTo(42);
        assertThat(log(r)).contains("\tINFO\tcallback style for cjs\n", "\tERROR\tto stderr\n");
    }

    @Test
    void errorsAreAwsNodeErrorDocuments() {
        InvokeResponse thrown = lambda.invoke(i -> i.functionName("esm-fails").logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{}")));
        assertThat(thrown.functionError()).isEqualTo("Unhandled");
        JsonNode error = json(thrown);
        assertThat(error.get("errorType").asText()).isEqualTo("TypeError");
        assertThat(error.get("errorMessage").asText()).isEqualTo("instance id missing");
        assertThat(error.get("trace").get(0).asText()).isEqualTo("TypeError: instance id missing");
        assertThat(error.get("trace").get(1).asText()).contains("index.mjs");
        assertThat(log(thrown)).contains("\tERROR\tInvoke Error \t{\"errorType\":\"TypeError\","
                + "\"errorMessage\":\"instance id missing\",\"stack\":[\"TypeError: instance id missing\"");

        JsonNode callback = json(TestFunctions.invoke(lambda, "cjs-rejects", "{}"));
        assertThat(callback.get("errorType").asText()).isEqualTo("Error");
        assertThat(callback.get("errorMessage").asText()).isEqualTo("told to fail");
    }

    @Test
    void aMissingModuleOrHandlerIsAwsInitError() {
        InvokeResponse missing = TestFunctions.invoke(lambda, "missing", "{}");
        assertThat(missing.functionError()).isEqualTo("Unhandled");
        assertThat(json(missing).get("errorType").asText()).isEqualTo("Runtime.ImportModuleError");
        assertThat(json(missing).get("errorMessage").asText()).startsWith("Error: Cannot find module 'nothere'");

        InvokeResponse notExported = TestFunctions.invoke(lambda, "not-exported", "{}");
        assertThat(json(notExported).get("errorType").asText()).isEqualTo("Runtime.HandlerNotFound");
        assertThat(json(notExported).get("errorMessage").asText()).isEqualTo("index.nope is undefined or not exported");
    }

    @Test
    void aFunctionPastItsTimeoutIsStopped() {
        InvokeResponse r = lambda.invoke(i -> i.functionName("sleeps").logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{}")));

        assertThat(r.functionError()).isEqualTo("Unhandled");
        assertThat(json(r).get("errorMessage").asText()).endsWith("Task timed out after 1.00 seconds");
        assertThat(log(r)).contains("going to sleep", "Status: timeout");
    }

    private static String log(InvokeResponse r) {
        return TestFunctions.tailLog(r);
    }

    private static JsonNode json(InvokeResponse r) {
        return TestFunctions.payloadJson(r);
    }
}
