package io.selfheal.bench;

import io.selfheal.emulator.Emulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;

/**
 * A warm RequestResponse invoke through the SDK: front door → sandbox queue → Runtime API long poll → AWS's RIC in
 * the function's own JVM → response. The cold start happens in setup and is not measured here.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@State(Scope.Benchmark)
public class InvokeBenchmark {
    private Emulator emulator;
    private LambdaClient lambda;
    private InvokeRequest request;

    @Setup(Level.Trial)
    public void start() {
        emulator = Emulator.startOnFreePort();
        lambda = BenchClients.of(LambdaClient.builder(), emulator);
        lambda.createFunction(r -> r.functionName("echo").runtime("java17").handler(EchoHandler.class.getName())
                .role("arn:aws:iam::123456789012:role/echo").timeout(30).memorySize(512)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(handlerJar()))));
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

    static byte[] handlerJar() {
        String entry = EchoHandler.class.getName().replace('.', '/') + ".class";
        try (InputStream in = EchoHandler.class.getClassLoader().getResourceAsStream(entry);
             ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(in.readAllBytes());
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
