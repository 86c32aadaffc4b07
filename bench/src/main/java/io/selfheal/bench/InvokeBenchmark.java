package io.selfheal.bench;

import io.selfheal.emulator.Emulator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;

/**
 * A warm RequestResponse invoke through the SDK, per runtime: front door → sandbox queue → Runtime API long poll →
 * the runtime in the function's own process (AWS's RIC in a JVM, our Python or Node.js bootstrap) → response. The
 * cold start happens in setup and is not measured here ({@link ColdStart} measures it).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@State(Scope.Benchmark)
public class InvokeBenchmark {
    @Param({"java17", "python3.12", "nodejs20.x"})
    public String runtime;

    private Emulator emulator;
    private LambdaClient lambda;
    private InvokeRequest request;

    @Setup(Level.Trial)
    public void start() {
        emulator = Emulator.startOnFreePort();
        lambda = BenchClients.of(LambdaClient.builder(), emulator);
        EchoFunctions.Package echo = EchoFunctions.of(runtime);
        String role = BenchClients.lambdaRole(emulator, "echo");
        lambda.createFunction(r -> r.functionName("echo").runtime(runtime).handler(echo.handler())
                .role(role).timeout(30).memorySize(512)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(echo.zip()))));
        request = InvokeRequest.builder().functionName("echo")
                .payload(SdkBytes.fromUtf8String("{\"instance_id\":\"i-0123456789abcdef0\"}")).build();
        lambda.invoke(request); // cold start
    }

    @TearDown(Level.Trial)
    public void stop() {
        lambda.close();
        emulator.close();
    }

    @Benchmark
    public int warmInvoke() {
        return lambda.invoke(request).statusCode();
    }
}
