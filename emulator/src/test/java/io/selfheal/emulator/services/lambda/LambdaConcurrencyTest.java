package io.selfheal.emulator.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.control.LambdaControl;
import io.selfheal.emulator.services.lambda.testfunctions.SleepingHandler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * Reserved concurrency with real sandboxes: while the one reserved slot is busy, a synchronous invoke is
 * {@code TooManyRequestsException} (429, {@code Reason: ReservedFunctionConcurrentInvocationLimitExceeded}); once it
 * is free, the function runs again. https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html
 */
class LambdaConcurrencyTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();

    @Test
    void aSecondInvocationBeyondTheReservationIsThrottledUntilTheFirstEnds(LambdaClient lambda) {
        TestFunctions.create(lambda, "sleeper", SleepingHandler.class, b -> b.timeout(30));
        lambda.putFunctionConcurrency(b -> b.functionName("sleeper").reservedConcurrentExecutions(1));
        CompletableFuture<InvokeResponse> first = CompletableFuture.supplyAsync(
                () -> TestFunctions.invoke(lambda, "sleeper", "{\"millis\":8000}"));
        LambdaControl invocations = AWS.emulator().control().component(LambdaControl.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> invocations.invocations("sleeper").size() == 1);

        // the SDK retries a 429 a few times within a second or two; the first invocation holds its slot for 8 s
        assertThatThrownBy(() -> TestFunctions.invoke(lambda, "sleeper", "{\"millis\":1}"))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.reasonAsString()).isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded");
                });

        assertThat(first.join().functionError()).isNull();
        assertThat(TestFunctions.invoke(lambda, "sleeper", "{\"millis\":1}").functionError()).isNull();
    }
}
