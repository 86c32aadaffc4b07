package io.selfheal.bench;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.control.EventsControl;
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
 * PutEvents (one entry per call) against a default bus with 100 rules, one of which matches; each JMH thread has its
 * own client and so its own keep-alive connection: 1 and 4 client connections. {@code sdk*} goes through the AWS SDK
 * v2 (what a user's code pays, client included); {@code wire*} through a minimal HTTP client (the emulator's own
 * capacity).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 6, time = 3)
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

    /** A bare keep-alive connection per benchmark thread. */
    @State(Scope.Thread)
    public static class Wire {
        KeepAliveConnection connection;
        byte[] request = KeepAliveConnection.awsJsonRequest("AWSEvents.PutEvents", "events",
                "{\"Entries\":[{\"Source\":\"bench.app42\",\"DetailType\":\"Bench\","
                        + "\"Detail\":\"{\\\"level\\\": 99, \\\"message\\\": \\\"cpu high\\\"}\"}]}");

        @Setup(Level.Trial)
        public void open(Cloud cloud) throws java.io.IOException {
            connection = new KeepAliveConnection(cloud.emulator.port());
            // Numbers of refused requests would be worthless: prove the request is accepted and reaches the bus.
            int before = cloud.emulator.control().component(EventsControl.class).events().size();
            if (connection.exchange(request) != 200
                    || cloud.emulator.control().component(EventsControl.class).events().size() <= before) {
                throw new IllegalStateException("the benchmark's PutEvents request is not accepted");
            }
        }

        @TearDown(Level.Trial)
        public void close() throws java.io.IOException {
            connection.close();
        }
    }

    /** An SDK client (and so a connection) per benchmark thread. */
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
    public int sdkOneConnection(Client client) {
        return client.events.putEvents(client.request).failedEntryCount();
    }

    @Benchmark
    @Threads(4)
    public int sdkFourConnections(Client client) {
        return client.events.putEvents(client.request).failedEntryCount();
    }

    @Benchmark
    @Threads(1)
    public int wireOneConnection(Wire wire) throws java.io.IOException {
        return wire.connection.exchange(wire.request);
    }

    @Benchmark
    @Threads(4)
    public int wireFourConnections(Wire wire) throws java.io.IOException {
        return wire.connection.exchange(wire.request);
    }
}
