package io.selfheal.bench;

import io.selfheal.emulator.Emulator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time from {@code Emulator.builder().start()} to a bound port with every service loaded, then close.
 * {@code firstStartInFreshJvm} is the cold case a test suite pays once (class loading included): one shot per fork.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StartupBenchmark {

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(5)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public int firstStartInFreshJvm() {
        try (Emulator emulator = Emulator.startOnFreePort()) {
            return emulator.port();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Fork(1)
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 3, time = 2)
    public int warmStartAndClose() {
        try (Emulator emulator = Emulator.startOnFreePort()) {
            return emulator.port();
        }
    }
}
