package io.selfheal.emulator.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.control.FunctionFaults;
import io.selfheal.emulator.services.lambda.testfunctions.EchoHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * Function faults: the platform makes a real function throw, time out, crash or be throttled, and every client sees
 * what AWS would show for it (checked through the SDK v2's Invoke), injected by Java or over the control HTTP API.
 */
class LambdaFunctionFaultsTest {
    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "us-east-1";

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime().resetBeforeEach();

    private LambdaClient lambda;

    @BeforeEach
    void setUp(LambdaClient client) {
        lambda = client;
        TestFunctions.create(lambda, "echo", EchoHandler.class, b -> b.timeout(7));
    }

    @Test
    void aThrowFaultFailsTheNextInvocationsAsAnUnhandledErrorNamingTheFault() {
        faults().inject(ACCOUNT, REGION, "echo", FunctionFaults.Mode.THROW, 1, null);

        InvokeResponse failed = TestFunctions.invoke(lambda, "echo", "{}");
        assertThat(failed.functionError()).isEqualTo("Unhandled");
        JsonNode error = TestFunctions.payloadJson(failed);
        assertThat(error.get("errorType").asText()).isEqualTo("selfheal.InjectedFunctionFault");
        assertThat(error.get("errorMessage").asText()).contains("injected function fault (mode throw)");

        // used up: the real handler answers again
        InvokeResponse ok = TestFunctions.invoke(lambda, "echo", "{\"n\":2}");
        assertThat(ok.functionError()).isNull();
        assertThat(TestFunctions.payloadJson(ok).at("/input/n").asInt()).isEqualTo(2);
    }

    @Test
    void aTimeoutFaultReportsAwsTimeoutAndReplacesTheSandbox() {
        long warmPid = TestFunctions.payloadJson(TestFunctions.invoke(lambda, "echo", "{}")).get("pid").asLong();
        faults().inject(ACCOUNT, REGION, "echo", FunctionFaults.Mode.TIMEOUT, 1, null);

        InvokeResponse timedOut = lambda.invoke(b -> b.functionName("echo").logType(LogType.TAIL));

        // https://docs.aws.amazon.com/lambda/latest/dg/troubleshooting-invocation.html: "Task timed out after"
        assertThat(timedOut.functionError()).isEqualTo("Unhandled");
        JsonNode error = TestFunctions.payloadJson(timedOut);
        assertThat(error.get("errorType").asText()).isEqualTo("Sandbox.Timedout");
        assertThat(error.get("errorMessage").asText()).isEqualTo("RequestId: "
                + timedOut.responseMetadata().requestId() + " Error: Task timed out after 7.00 seconds");
        String log = TestFunctions.tailLog(timedOut);
        assertThat(log).contains("Task timed out after 7.00 seconds").contains("Status: timeout")
                .contains("Duration: 7000.00 ms");
        long nextPid = TestFunctions.payloadJson(TestFunctions.invoke(lambda, "echo", "{}")).get("pid").asLong();
        assertThat(nextPid).isNotEqualTo(warmPid);
    }

    @Test
    void theInvocationsRouteListsEachInvocationWithItsOutcome() throws Exception {
        faults().inject(ACCOUNT, REGION, "echo", FunctionFaults.Mode.THROW, 1, null);
        TestFunctions.invoke(lambda, "echo", "{\"n\":1}");
        String ok = TestFunctions.invoke(lambda, "echo", "{\"n\":2}").responseMetadata().requestId();

        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                AWS.emulator().endpoint().resolve("/_selfheal/lambda/invocations?function=echo")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode list = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
        assertThat(list).hasSize(2);
        assertThat(list.get(0).path("errorType").asText()).isEqualTo("selfheal.InjectedFunctionFault");
        var second = io.selfheal.emulator.control.ControlJson.invocation(list.get(1));
        assertThat(second.requestId()).isEqualTo(ok);
        assertThat(second.finishedOk()).isTrue();
        assertThat(second.payload()).contains("\"n\":2");
    }

    @Test
    void aCrashFaultIsARuntimeExitError() {
        faults().inject(ACCOUNT, REGION, "echo", FunctionFaults.Mode.CRASH, 1, null);

        JsonNode error = TestFunctions.payloadJson(TestFunctions.invoke(lambda, "echo", "{}"));

        assertThat(error.get("errorType").asText()).isEqualTo("Runtime.ExitError");
        assertThat(error.get("errorMessage").asText()).contains("Runtime exited with error");
    }

    @Test
    void aThrottleFaultIsTooManyRequestsUntilCleared() {
        faults().inject(ACCOUNT, REGION, "echo", FunctionFaults.Mode.THROTTLE, 0, null);

        assertThatThrownBy(() -> TestFunctions.invoke(lambda, "echo", "{}"))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.reasonAsString()).isEqualTo("ConcurrentInvocationLimitExceeded");
                });

        faults().clear(ACCOUNT, REGION, "echo");
        assertThat(TestFunctions.invoke(lambda, "echo", "{}").functionError()).isNull();
    }

    @Test
    void faultsAreInjectedAndClearedOverTheControlHttpApi() throws Exception {
        HttpResponse<String> injected = control("POST", "{\"account\":\"" + ACCOUNT + "\",\"region\":\"" + REGION
                + "\",\"function\":\"echo\",\"mode\":\"throw\",\"times\":0}");
        assertThat(injected.statusCode()).isEqualTo(200);
        assertThat(TestFunctions.invoke(lambda, "echo", "{}").functionError()).isEqualTo("Unhandled");
        assertThat(TestFunctions.invoke(lambda, "echo", "{}").functionError()).isEqualTo("Unhandled");

        assertThat(control("DELETE", "{\"function\":\"echo\"}").statusCode()).isEqualTo(200);
        assertThat(TestFunctions.invoke(lambda, "echo", "{}").functionError()).isNull();

        HttpResponse<String> badMode = control("POST", "{\"function\":\"echo\",\"mode\":\"explode\"}");
        assertThat(badMode.statusCode()).isEqualTo(400);
        assertThat(badMode.body()).contains("mode must be throw, timeout, crash or throttle");
        HttpResponse<String> noFunction = control("POST", "{\"function\":\"nope\",\"mode\":\"crash\"}");
        assertThat(noFunction.statusCode()).isEqualTo(400);
        assertThat(noFunction.body()).contains("no function nope");
        assertThat(control("POST", "not json").statusCode()).isEqualTo(400);
    }

    private static HttpResponse<String> control(String method, String body) throws Exception {
        URI uri = AWS.emulator().endpoint().resolve("/_selfheal/lambda/faults");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static FunctionFaults faults() {
        return AWS.emulator().control().functionFaults();
    }
}
