package io.selfheal.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.core.VirtualClock;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** Virtual time: nothing scheduled happens until the harness advances the clock, then it happens in order. */
class VirtualClockTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void timersFireInTimeOrderWhenAdvancedAndNotBefore() {
        VirtualClock clock = new VirtualClock(START);
        List<String> fired = new ArrayList<>();
        clock.schedule(Duration.ofMinutes(5), () -> fired.add("5m@" + clock.now()));
        clock.schedule(Duration.ofMinutes(1), () -> fired.add("1m@" + clock.now()));
        var cancelled = clock.schedule(Duration.ofMinutes(2), () -> fired.add("cancelled"));
        cancelled.cancel();

        clock.advance(Duration.ofSeconds(59));
        assertThat(fired).isEmpty();
        assertThat(clock.now()).isEqualTo(START.plusSeconds(59));

        clock.advance(Duration.ofMinutes(10));
        assertThat(fired).containsExactly("1m@" + START.plusSeconds(60), "5m@" + START.plusSeconds(300));
        assertThat(clock.now()).isEqualTo(START.plus(Duration.ofSeconds(659)));
    }

    @Test
    void advanceUntilStopsAtTheFirstTimerAfterWhichTheConditionHolds() {
        VirtualClock clock = new VirtualClock(START);
        List<Integer> ticks = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            int n = i;
            clock.schedule(Duration.ofMinutes(i), () -> ticks.add(n));
        }
        assertThat(clock.advanceUntil(() -> ticks.size() == 3, Duration.ofHours(1))).isTrue();
        assertThat(clock.now()).isEqualTo(START.plus(Duration.ofMinutes(3)));
        assertThat(clock.advanceUntil(() -> ticks.size() == 99, Duration.ofMinutes(2))).isFalse();
        assertThat(clock.now()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    }

    /**
     * Every answer carries AWS's {@code Date} header (an IMF-fixdate), by the emulator's clock, errors included: a
     * function reading the time from the cloud agrees with the virtual clock.
     */
    @Test
    void answersAreDatedByTheVirtualClock() {
        VirtualClock clock = new VirtualClock(START);
        try (Emulator emulator = Emulator.builder().port(0).clock(clock).start();
             SqsClient sqs = TestClients.of(SqsClient.builder(), emulator)) {
            assertThat(sqs.listQueues().sdkHttpResponse().firstMatchingHeader("Date"))
                    .contains("Thu, 01 Jan 2026 00:00:00 GMT");
            clock.advance(Duration.ofDays(40).plusSeconds(5));
            assertThat(sqs.listQueues().sdkHttpResponse().firstMatchingHeader("Date"))
                    .contains("Tue, 10 Feb 2026 00:00:05 GMT");
            assertThatThrownBy(() -> sqs.getQueueUrl(b -> b.queueName("missing")))
                    .isInstanceOfSatisfying(QueueDoesNotExistException.class, e -> assertThat(
                            e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Date"))
                            .contains("Tue, 10 Feb 2026 00:00:05 GMT"));
        }
    }

    @Test
    void anInstanceStartsOnlyWhenVirtualTimeMoves() {
        try (Emulator emulator = Emulator.builder().port(0).clock(new VirtualClock(START)).start();
             Ec2Client ec2 = TestClients.of(Ec2Client.builder(), emulator)) {
            String id = ec2.runInstances(r -> r.imageId("ami-0abcdef1234567890").minCount(1).maxCount(1))
                    .instances().get(0).instanceId();
            assertThat(state(ec2, id)).isEqualTo(InstanceStateName.PENDING);

            emulator.control().advance(Duration.ofSeconds(1));

            assertThat(state(ec2, id)).isEqualTo(InstanceStateName.RUNNING);
            assertThat(ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0)
                    .launchTime()).isEqualTo(START);
        }
    }

    @Test
    void theControlApiAdvancesOverHttpAndARealClockRefuses() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (Emulator virtual = Emulator.builder().port(0).clock(new VirtualClock(START)).start()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                    virtual.endpoint().resolve("/_selfheal/clock/advance?ms=90000"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"now\":\"2026-01-01T00:01:30Z\"").contains("\"virtual\":true");
        }
        try (Emulator real = Emulator.startOnFreePort()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                    real.endpoint().resolve("/_selfheal/clock/advance?ms=1000"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(409);
            assertThatThrownBy(() -> real.control().advance(Duration.ofSeconds(1)))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    private static InstanceStateName state(Ec2Client ec2, String id) {
        return ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0).state().name();
    }
}
