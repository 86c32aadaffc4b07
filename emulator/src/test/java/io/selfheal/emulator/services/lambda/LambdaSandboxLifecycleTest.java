package io.selfheal.emulator.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.TestClients;
import io.selfheal.emulator.control.FunctionInvocation;
import io.selfheal.emulator.control.LambdaControl;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.services.lambda.testfunctions.BrokenInitHandler;
import io.selfheal.emulator.services.lambda.testfunctions.EchoHandler;
import io.selfheal.emulator.services.lambda.testfunctions.EnvironmentHandler;
import io.selfheal.emulator.services.lambda.testfunctions.ExitingHandler;
import io.selfheal.emulator.services.lambda.testfunctions.SleepingHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** How sandboxes end: timeouts, crashes, init failures, deletes, updates and the emulator closing. */
class LambdaSandboxLifecycleTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();
    private static Emulator emulator;
    private static LambdaClient lambda;

    @BeforeAll
    static void start() {
        emulator = AWS.emulator();
        lambda = AWS.client(LambdaClient.class);
    }

    @Test
    void aTimeoutKillsTheSandboxAndTheNextInvocationGetsAFreshOne() {
        TestFunctions.create(lambda, "slow", SleepingHandler.class, b -> b.timeout(1));
        long warm = Long.parseLong(TestFunctions.invoke(lambda, "slow", "{\"millis\":0}").payload().asUtf8String());

        InvokeResponse timedOut = TestFunctions.invoke(lambda, "slow", "{\"millis\":20000}");

        assertThat(timedOut.functionError()).isEqualTo("Unhandled");
        JsonNode error = json(timedOut);
        assertThat(error.get("errorType").asText()).isEqualTo("Sandbox.Timedout");
        assertThat(error.get("errorMessage").asText()).isEqualTo("RequestId: "
                + timedOut.responseMetadata().requestId() + " Error: Task timed out after 1.00 seconds");
        assertThat(ProcessHandle.of(warm).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        FunctionInvocation recorded = last("slow");
        assertThat(recorded.errorType()).isEqualTo("Sandbox.Timedout");
        assertThat(recorded.logs()).contains("sleeping 20000 ms").contains("Task timed out after 1.00 seconds")
                .contains("Status: timeout");

        long fresh = Long.parseLong(TestFunctions.invoke(lambda, "slow", "{\"millis\":0}").payload().asUtf8String());
        assertThat(fresh).isNotEqualTo(warm);
    }

    @Test
    void aProcessThatDiesMidInvocationIsARuntimeExitError() {
        TestFunctions.create(lambda, "crashing", ExitingHandler.class);

        InvokeResponse r = TestFunctions.invoke(lambda, "crashing", "{}");

        assertThat(r.functionError()).isEqualTo("Unhandled");
        JsonNode error = json(r);
        assertThat(error.get("errorType").asText()).isEqualTo("Runtime.ExitError");
        assertThat(error.get("errorMessage").asText()).isEqualTo("RequestId: " + r.responseMetadata().requestId()
                + " Error: Runtime exited with error: exit status 3");
        assertThat(last("crashing").logs()).contains("exiting");
        await().atMost(Duration.ofSeconds(10)).until(() -> pids("crashing").isEmpty());
    }

    @Test
    void anInitErrorIsReportedToTheInvocationThatStartedTheSandbox() {
        TestFunctions.create(lambda, "broken", BrokenInitHandler.class);

        InvokeResponse r = TestFunctions.invoke(lambda, "broken", "{}");

        assertThat(r.functionError()).isEqualTo("Unhandled");
        JsonNode error = json(r);
        assertThat(error.get("errorType").asText()).isEqualTo("java.lang.ExceptionInInitializerError");
        assertThat(error.get("errorMessage").asText()).isEqualTo("Error loading class " + BrokenInitHandler.class.getName());
        FunctionInvocation recorded = last("broken");
        assertThat(recorded.errorType()).isEqualTo("java.lang.ExceptionInInitializerError");
        assertThat(recorded.logs()).contains("Caused by: java.lang.IllegalStateException: missing configuration");
        assertThat(TestFunctions.invoke(lambda, "broken", "{}").functionError()).as("fails again, never hangs")
                .isEqualTo("Unhandled");
    }

    @Test
    void deletingAFunctionKillsItsSandboxes() {
        TestFunctions.create(lambda, "doomed", EchoHandler.class);
        long pid = json(TestFunctions.invoke(lambda, "doomed", "{}")).get("pid").asLong();
        assertThat(ProcessHandle.of(pid)).isPresent();

        lambda.deleteFunction(r -> r.functionName("doomed"));

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void updatingAFunctionReplacesItsSandboxes() {
        TestFunctions.create(lambda, "evolving", EnvironmentHandler.class,
                b -> b.environment(e -> e.variables(Map.of("MODE", "lenient"))));
        String names = "{\"names\":[\"MODE\"]}";
        InvokeResponse before = TestFunctions.invoke(lambda, "evolving", names);
        assertThat(json(before).get("MODE").asText()).isEqualTo("lenient");
        List<Long> oldPids = pids("evolving");
        assertThat(oldPids).hasSize(1);

        lambda.updateFunctionConfiguration(r -> r.functionName("evolving")
                .environment(e -> e.variables(Map.of("MODE", "strict"))));

        assertThat(ProcessHandle.of(oldPids.get(0)).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(json(TestFunctions.invoke(lambda, "evolving", names)).get("MODE").asText()).isEqualTo("strict");
        assertThat(pids("evolving")).hasSize(1).doesNotContain(oldPids.get(0));
    }

    @Test
    void closingTheEmulatorLeavesNoChildProcess() {
        Emulator own = Emulator.startOnFreePort();
        try (LambdaClient client = TestClients.of(LambdaClient.builder(), own)) {
            TestFunctions.create(client, "one", EchoHandler.class);
            TestFunctions.create(client, "two", SleepingHandler.class, b -> b.timeout(60));
            TestFunctions.invoke(client, "one", "{}");
            // Leave one invocation running while the emulator closes.
            client.invoke(r -> r.functionName("two").invocationType("Event")
                    .payload(software.amazon.awssdk.core.SdkBytes.fromUtf8String("{\"millis\":60000}")));
            await().atMost(Duration.ofSeconds(30)).until(() -> sandboxes(own).size() == 2);
            List<ProcessHandle> running = sandboxes(own);

            own.close();

            assertThat(running).noneMatch(ProcessHandle::isAlive);
        }
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> !isSandboxOf(emulator, p))).isEmpty();
    }

    private static List<ProcessHandle> sandboxes(Emulator e) {
        return ProcessHandle.current().descendants().filter(p -> isSandboxOf(e, p)).toList();
    }

    /** A sandbox process whose Runtime API belongs to this emulator's service (told apart by its pool). */
    private static boolean isSandboxOf(Emulator e, ProcessHandle p) {
        LambdaService service = e.services().get(LambdaService.class);
        return List.of("one", "two", "slow", "crashing", "broken", "doomed", "evolving").stream()
                .anyMatch(name -> service.sandboxPids("123456789012", "us-east-1", name).contains(p.pid()));
    }

    private static List<Long> pids(String function) {
        return emulator.services().get(LambdaService.class).sandboxPids("123456789012", "us-east-1", function);
    }

    private static FunctionInvocation last(String function) {
        List<FunctionInvocation> all = emulator.control().component(LambdaControl.class).invocations(function);
        return all.get(all.size() - 1);
    }

    private static JsonNode json(InvokeResponse r) {
        try {
            return Json.parse(r.payload().asUtf8String());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + r.payload().asUtf8String(), e);
        }
    }
}
