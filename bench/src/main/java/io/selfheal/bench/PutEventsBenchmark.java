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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * PutEvents (one entry per call) through the SDK against a default bus with 100 rules, one of which matches.
 * Each JMH thread has its own client, hence its own keep-alive connection: 1 and 4 client connections.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class PutEventsBenchmark {

    /** One emulator with 100 rules for the whole run. */
    @State(Scope.Benchmark)
    public static class Cloud {
        Emulator emulator;

        @Setup(Level.Trial)
        public void start() {
            emulator = Emulator.startOnFreePort();
            try (EventBridgeClient events = BenchClients.of(EventBridgeClient.builder(), emulator)) {
                for (int i = 0; i < 100; i++) {
                    String pattern = "{\"source\":[\"bench.app" + i + "\"],\"detail\":{\"level\":[{\"numeric\":[\">\","
                            + i + "]}]}}";
                    events.putRule(r -> r.name("rule-" + System.nanoTime()).eventPattern(pattern));
                }
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            emulator.close();
        }
    }

    /** A client (and so a connection) per benchmark thread. */
    @State(Scope.Thread)
    public static class Client {
        EventBridgeClient events;
        PutEventsRequest request;

        @Setup(Level.Trial)
        public void open(Cloud cloud) {
            events = BenchClients.of(EventBridgeClient.builder(), cloud.emulator);
            request = PutEventsRequest.builder().entries(PutEventsRequestEntry.builder().source("bench.app42")
                    .detailType("Bench").detail("{\"level\": 99, \"message\": \"cpu high\"}").build()).build();
        }

        @TearDown(Level.Trial)
        public void close() {
            events.close();
        }
    }

    @Benchmark
    @Threads(1)
    public int oneConnection(Client client) {
        return client.events.putEvents(client.request).failedEntryCount();
    }

    @Benchmark
    @Threads(4)
    public int fourConnections(Client client) {
        return client.events.putEvents(client.request).failedEntryCount();
    }
}
