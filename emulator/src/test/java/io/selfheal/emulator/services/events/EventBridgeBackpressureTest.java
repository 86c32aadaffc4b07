package io.selfheal.emulator.services.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.TestClients;
import io.selfheal.emulator.messages.Delivery;
import io.selfheal.emulator.messages.SendToQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * PutEvents' bounded backlog: with a queue that takes its time, a flood fills the configured backlog and PutEvents
 * answers AWS's {@code ThrottlingException} (400, "The request was denied due to request throttling":
 * https://docs.aws.amazon.com/eventbridge/latest/APIReference/CommonErrors.html), which the SDK retries; once the
 * queue catches up every event is delivered, none lost, each rule's in order.
 */
class EventBridgeBackpressureTest {
    private static final String QUEUE = "arn:aws:sqs:us-east-1:123456789012:slow";

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime().configure(b -> b.eventsBacklog(3)).perTest();

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch gate = new CountDownLatch(1);
    private Emulator emulator;

    @BeforeEach
    void start() {
        emulator = AWS.emulator();
        // A queue that holds every delivery until the test opens the gate.
        AWS.bus().answer(SendToQueue.class, m -> {
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            received.add(m.body());
            return Delivery.accepted(m.body());
        });
        EventBridgeClient events = AWS.client(EventBridgeClient.class);
        events.putRule(r -> r.name("all").eventPattern("{\"source\":[\"flood\"]}"));
        events.putTargets(r -> r.rule("all").targets(t -> t.id("q").arn(QUEUE).inputPath("$.detail.n")));
    }

    @AfterEach
    void openTheGate() {
        gate.countDown();
    }

    @Test
    void aFullBacklogAnswersThrottlingExceptionThatTheSdkRetriesUntilEverythingIsDelivered() throws Exception {
        try (EventBridgeClient noRetries = TestClients.of(EventBridgeClient.builder()
                .overrideConfiguration(c -> c.retryPolicy(p -> p.numRetries(0))),
                emulator)) {
            for (int n = 0; n < 3; n++) {
                assertThat(noRetries.putEvents(r -> r.entries(entry(0))).failedEntryCount()).isZero();
            }
            assertThatThrownBy(() -> noRetries.putEvents(r -> r.entries(entry(3))))
                    .isInstanceOfSatisfying(EventBridgeException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                        assertThat(e.isThrottlingException()).isTrue();
                    });
        }
        received.clear();
        ExecutorService flood = Executors.newFixedThreadPool(4);
        try (EventBridgeClient retrying = TestClients.of(EventBridgeClient.builder()
                .overrideConfiguration(c -> c.retryPolicy(p -> p.numRetries(50))), emulator)) {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int first = 1 + t * 25;
                sent.add(flood.submit(() -> {
                    int failed = 0;
                    for (int n = first; n < first + 25; n++) {
                        int number = n;
                        failed += retrying.putEvents(r -> r.entries(entry(number))).failedEntryCount();
                    }
                    return failed;
                }));
            }
            gate.countDown(); // the queue starts taking messages; throttled calls go on being retried
            for (Future<Integer> f : sent) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isZero();
            }
        } finally {
            flood.shutdownNow();
        }
        // The three events (n = 0) accepted before the gate opened, then the hundred of the flood: nothing lost.
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 103);
        List<Integer> flooded = received.stream().map(Integer::parseInt).filter(n -> n > 0).toList();
        assertThat(flooded).hasSize(100).doesNotHaveDuplicates();
        // One sender's events reach the rule's target in the order it put them.
        List<Integer> firstSender = flooded.stream().filter(n -> n <= 25).toList();
        assertThat(firstSender).isSorted();
        assertThat(calls("ThrottlingException")).isPositive();
    }

    private long calls(String errorCode) {
        return emulator.control().calls("events", "PutEvents").stream()
                .filter(c -> errorCode.equals(c.errorCode())).count();
    }

    private static PutEventsRequestEntry entry(int n) {
        return PutEventsRequestEntry.builder().source("flood").detailType("Flood").detail("{\"n\":" + n + "}").build();
    }
}
