package io.selfheal.emulator.services.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.services.cloudtrail.CloudTrailService;
import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.TestClients;
import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.control.EventsControl;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.messages.InvokeFunction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Archive;
import software.amazon.awssdk.services.eventbridge.model.ArchiveState;
import software.amazon.awssdk.services.eventbridge.model.CreateArchiveResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeArchiveResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeReplayResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.IllegalStatusException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.Replay;
import software.amazon.awssdk.services.eventbridge.model.ReplayState;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.StartReplayRequest;
import software.amazon.awssdk.services.eventbridge.model.StartReplayResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * Archives and replays through the SDK ("Archiving and replaying events" in the user guide; CreateArchive,
 * StartReplay … in the API reference). The clock is the test's, for retention.
 */
class EventBridgeArchiveReplayTest {
    private static final String ACCOUNT = EventBridgeTestBase.ACCOUNT;
    private static final String FUNCTION = EventBridgeTestBase.FUNCTION;
    private static final String BUS_ARN = "arn:aws:events:us-east-1:" + ACCOUNT + ":event-bus/default";
    private static final String ARCHIVE_ARN = "arn:aws:events:us-east-1:" + ACCOUNT + ":archive/orders";
    private static final String ORDERS = "{\"source\":[\"com.example.orders\"]}";
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private static final AtomicReference<Instant> clock = new AtomicReference<>(T0);
    private static final StandInLambda lambda = new StandInLambda();
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.on(() -> EmulatorClock.of(clock::get))
            .configure(b -> b.without(CloudTrailService.Provider.class)).resetBeforeEach();
    private static Emulator emulator;
    private static EventBridgeClient events;

    @BeforeAll
    static void start() {
        lambda.answerOn(AWS.bus());
        emulator = AWS.emulator();
        events = AWS.client(EventBridgeClient.class);
    }

    @BeforeEach
    void forgetEverything() {
        lambda.clear();
        clock.set(T0);
    }

    @Test
    void createDescribeUpdateAndDeleteAnArchive() {
        CreateArchiveResponse created = events.createArchive(r -> r.archiveName("orders").eventSourceArn(BUS_ARN)
                .description("all orders").eventPattern(ORDERS).retentionDays(7));
        assertThat(created.archiveArn()).isEqualTo(ARCHIVE_ARN);
        assertThat(created.state()).isEqualTo(ArchiveState.ENABLED);
        assertThat(created.creationTime()).isEqualTo(T0);

        DescribeArchiveResponse archive = events.describeArchive(r -> r.archiveName("orders"));
        assertThat(archive.archiveArn()).isEqualTo(ARCHIVE_ARN);
        assertThat(archive.archiveName()).isEqualTo("orders");
        assertThat(archive.eventSourceArn()).isEqualTo(BUS_ARN);
        assertThat(archive.description()).isEqualTo("all orders");
        assertThat(archive.eventPattern()).isEqualTo(ORDERS);
        assertThat(archive.state()).isEqualTo(ArchiveState.ENABLED);
        assertThat(archive.retentionDays()).isEqualTo(7);
        assertThat(archive.eventCount()).isZero();
        assertThat(archive.sizeBytes()).isZero();

        events.updateArchive(r -> r.archiveName("orders").description("changed").retentionDays(0));
        DescribeArchiveResponse updated = events.describeArchive(r -> r.archiveName("orders"));
        assertThat(updated.description()).isEqualTo("changed");
        assertThat(updated.retentionDays()).isZero();
        assertThat(updated.eventPattern()).as("omitted members are kept").isEqualTo(ORDERS);

        events.deleteArchive(r -> r.archiveName("orders"));
        assertThatThrownBy(() -> events.describeArchive(r -> r.archiveName("orders")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Archive orders does not exist.");
        assertThatThrownBy(() -> events.deleteArchive(r -> r.archiveName("orders")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void archivesAreValidatedAsAwsDoes() {
        events.createArchive(r -> r.archiveName("orders").eventSourceArn(BUS_ARN));
        assertThatThrownBy(() -> events.createArchive(r -> r.archiveName("orders").eventSourceArn(BUS_ARN)))
                .isInstanceOf(ResourceAlreadyExistsException.class)
                .hasMessageContaining("Archive orders already exists.");
        assertThatThrownBy(() -> events.createArchive(r -> r.archiveName("other")
                .eventSourceArn("arn:aws:events:us-east-1:" + ACCOUNT + ":event-bus/nope")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Event bus nope does not exist.");
        assertThatThrownBy(() -> events.createArchive(r -> r.archiveName("other").eventSourceArn(BUS_ARN)
                .eventPattern("{\"source\":\"not-a-list\"}")))
                .isInstanceOf(InvalidEventPatternException.class)
                .hasMessageContaining("Event pattern is not valid. Reason: ");
        assertThatThrownBy(() -> events.createArchive(r -> r.archiveName("x".repeat(49)).eventSourceArn(BUS_ARN)))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("Member must have length less than or equal to 48");
        assertThatThrownBy(() -> events.createArchive(r -> r.archiveName("no spaces").eventSourceArn(BUS_ARN)))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("Member must satisfy regular expression pattern");
    }

    @Test
    void listArchivesTakesAtMostOneFilter() {
        events.createEventBus(r -> r.name("billing"));
        String billing = "arn:aws:events:us-east-1:" + ACCOUNT + ":event-bus/billing";
        events.createArchive(r -> r.archiveName("orders").eventSourceArn(BUS_ARN));
        events.createArchive(r -> r.archiveName("orders-2").eventSourceArn(BUS_ARN));
        events.createArchive(r -> r.archiveName("invoices").eventSourceArn(billing));

        assertThat(events.listArchives(r -> { }).archives()).extracting(Archive::archiveName)
                .containsExactly("invoices", "orders", "orders-2");
        assertThat(events.listArchives(r -> r.namePrefix("orders")).archives()).extracting(Archive::archiveName)
                .containsExactly("orders", "orders-2");
        assertThat(events.listArchives(r -> r.eventSourceArn(billing)).archives()).extracting(Archive::archiveName)
                .containsExactly("invoices");
        assertThat(events.listArchives(r -> r.state(ArchiveState.ENABLED)).archives()).hasSize(3);
        assertThat(events.listArchives(r -> r.state(ArchiveState.DISABLED)).archives()).isEmpty();
        assertThat(events.listArchives(r -> r.limit(2)).nextToken()).isNotNull();
        assertThatThrownBy(() -> events.listArchives(r -> r.namePrefix("o").state(ArchiveState.ENABLED)))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("At most one filter is allowed for ListArchives. "
                        + "Use either : State, EventSourceArn, or NamePrefix.");
    }

    @Test
    void anArchiveKeepsTheEventsOfItsBusThatMatchItsPattern() {
        events.createArchive(r -> r.archiveName("orders").eventSourceArn(BUS_ARN).eventPattern(ORDERS));
        events.createArchive(r -> r.archiveName("everything").eventSourceArn(BUS_ARN));
        events.createEventBus(r -> r.name("billing"));
        events.createArchive(r -> r.archiveName("billing")
                .eventSourceArn("arn:aws:events:us-east-1:" + ACCOUNT + ":event-bus/billing"));

        put("com.example.orders", T0);
        put("com.example.orders", T0);
        put("com.example.billing", T0);
        awaitIdle();

        DescribeArchiveResponse orders = events.describeArchive(r -> r.archiveName("orders"));
        assertThat(orders.eventCount()).isEqualTo(2);
        assertThat(orders.sizeBytes()).isPositive();
        assertThat(events.describeArchive(r -> r.archiveName("everything")).eventCount()).isEqualTo(3);
        assertThat(events.describeArchive(r -> r.archiveName("billing")).eventCount()).as("another bus").isZero();
        assertThat(events.listArchives(r -> r.namePrefix("orders")).archives().get(0).eventCount()).isEqualTo(2);
    }

    @Test
    void archivedEventsExpireAfterTheRetentionDaysOnTheEmulatorClock() {
        events.createArchive(r -> r.archiveName("orders").eventSourceArn(BUS_ARN).retentionDays(1));
        put("com.example.orders", T0);
        clock.set(T0.plus(Duration.ofHours(23)));
        put("com.example.orders", clock.get());
        assertThat(events.describeArchive(r -> r.archiveName("orders")).eventCount()).isEqualTo(2);
        clock.set(T0.plus(Duration.ofHours(25)));
        assertThat(events.describeArchive(r -> r.archiveName("orders")).eventCount()).isEqualTo(1);
    }

    @Test
    void aReplaySendsTheArchivedEventsInTheirTimeOrderWithReplayName() {
        ruleWithTarget("orders", FUNCTION);
        events.createArchive(r -> r.archiveName("orders").eventSourceArn(BUS_ARN).eventPattern(ORDERS));
        String later = put("com.example.orders", T0.plusSeconds(120));
        String earlier = put("com.example.orders", T0.plusSeconds(60));
        put("com.example.orders", T0.plus(Duration.ofHours(2)));
        awaitIdle();
        lambda.clear();
        clock.set(T0.plus(Duration.ofHours(3)));

        StartReplayResponse started = events.startReplay(replay("fix-1", T0, T0.plus(Duration.ofHours(1))));
        assertThat(started.replayArn()).isEqualTo("arn:aws:events:us-east-1:" + ACCOUNT + ":replay/fix-1");
        assertThat(started.state()).isEqualTo(ReplayState.STARTING);
        assertThat(started.replayStartTime()).isEqualTo(clock.get());
        awaitIdle();

        List<JsonNode> replayed = lambda.payloads(FUNCTION).stream().map(EventBridgeArchiveReplayTest::parse)
                .toList();
        assertThat(replayed).extracting(e -> e.get("id").asText()).as("the original events, in time order")
                .containsExactly(earlier, later);
        assertThat(replayed).allSatisfy(e -> assertThat(e.get("replay-name").asText()).isEqualTo("fix-1"));
        List<String> names = new java.util.ArrayList<>();
        replayed.get(0).fieldNames().forEachRemaining(names::add);
        assertThat(names).last().as("replay-name is added at the top level").isEqualTo("replay-name");

        DescribeReplayResponse replay = events.describeReplay(r -> r.replayName("fix-1"));
        assertThat(replay.state()).isEqualTo(ReplayState.COMPLETED);
        assertThat(replay.replayArn()).isEqualTo(started.replayArn());
        assertThat(replay.eventSourceArn()).isEqualTo(ARCHIVE_ARN);
        assertThat(replay.destination().arn()).isEqualTo(BUS_ARN);
        assertThat(replay.eventStartTime()).isEqualTo(T0);
        assertThat(replay.eventEndTime()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(replay.eventLastReplayedTime()).isEqualTo(T0.plusSeconds(120));
        assertThat(replay.replayStartTime()).isEqualTo(clock.get());
        assertThat(replay.replayEndTime()).isEqualTo(clock.get());

        // Replayed events are not archived again, and show in the event log like any other.
        assertThat(events.describeArchive(r -> r.archiveName("orders")).eventCount()).isEqualTo(3);
        List<EventRecord> log = EventBridgeTestBase.withoutCloudTrail(emulator.control().component(EventsControl.class).events());
        assertThat(log).hasSize(5);
        assertThat(log.subList(3, 5)).allSatisfy(rec -> {
            assertThat(rec.event().get("replay-name").asText()).isEqualTo("fix-1");
            assertThat(rec.deliveries()).singleElement().satisfies(d -> assertThat(d.delivered()).isTrue());
        });
    }

    @Test
    void filterArnsLimitTheReplayToThoseRules() {
        String first = ruleWithTarget("first", FUNCTION);
        ruleWithTarget("second", FUNCTION + "-2");
        events.createArchive(r -> r.archiveName("orders").eventSourceArn(BUS_ARN));
        put("com.example.orders", T0);
        awaitIdle();
        lambda.clear();

        events.startReplay(replay("only-first", T0.minusSeconds(60), T0.plusSeconds(60)).toBuilder()
                .destination(d -> d.arn(BUS_ARN).filterArns(first)).build());
        awaitIdle();
        assertThat(lambda.invocations()).extracting(InvokeFunction::functionArn).containsExactly(FUNCTION);
        assertThat(events.describeReplay(r -> r.replayName("only-first")).destination().filterArns())
                .containsExactly(first);
    }

    @Test
    void startReplayIsValidatedAsAwsDoes() {
        events.createArchive(r -> r.archiveName("orders").eventSourceArn(BUS_ARN));
        events.createEventBus(r -> r.name("billing"));
        Instant end = T0.plusSeconds(60);
        assertThatThrownBy(() -> events.startReplay(replay("r", T0, end).toBuilder()
                .eventSourceArn("arn:aws:events:us-east-1:" + ACCOUNT + ":archive/nope").build()))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("Parameter EventSourceArn is not valid. Reason: Archive nope does not exist.");
        assertThatThrownBy(() -> events.startReplay(replay("r", T0, end).toBuilder()
                .destination(d -> d.arn("arn:aws:events:us-east-1:" + ACCOUNT + ":event-bus/billing")).build()))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("Parameter Destination.Arn is not valid. Reason: Cross event bus replay is not "
                        + "permitted.");
        assertThatThrownBy(() -> events.startReplay(replay("r", end, T0)))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("Parameter EventEndTime is not valid. Reason: EventStartTime must be before "
                        + "EventEndTime.");
        events.startReplay(replay("r", T0, end));
        assertThatThrownBy(() -> events.startReplay(replay("r", T0, end)))
                .isInstanceOf(ResourceAlreadyExistsException.class).hasMessageContaining("Replay r already exists.");
        assertThatThrownBy(() -> events.describeReplay(r -> r.replayName("nope")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Replay nope does not exist.");
        awaitIdle();
        assertThatThrownBy(() -> events.cancelReplay(r -> r.replayName("r")))
                .isInstanceOf(IllegalStatusException.class)
                .hasMessageContaining("Replay r is not in a valid state for this operation.");
    }

    @Test
    void listReplaysFiltersByOneOfNameStateAndArchive() {
        events.createArchive(r -> r.archiveName("orders").eventSourceArn(BUS_ARN));
        events.startReplay(replay("fix-1", T0, T0.plusSeconds(60)));
        events.startReplay(replay("fix-2", T0, T0.plusSeconds(60)));
        awaitIdle();
        assertThat(events.listReplays(r -> { }).replays()).extracting(Replay::replayName)
                .containsExactly("fix-1", "fix-2");
        assertThat(events.listReplays(r -> r.namePrefix("fix-2")).replays()).extracting(Replay::replayName)
                .containsExactly("fix-2");
        assertThat(events.listReplays(r -> r.state(ReplayState.COMPLETED)).replays()).hasSize(2);
        assertThat(events.listReplays(r -> r.state(ReplayState.RUNNING)).replays()).isEmpty();
        assertThat(events.listReplays(r -> r.eventSourceArn(ARCHIVE_ARN)).replays()).hasSize(2);
        assertThat(events.listReplays(r -> r.limit(1)).replays()).hasSize(1);
        assertThatThrownBy(() -> events.listReplays(r -> r.namePrefix("fix").eventSourceArn(ARCHIVE_ARN)))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("At most one filter is allowed for ListReplays.");
    }

    @Test
    void cancelReplayStopsItBeforeTheNextEvent() throws InterruptedException {
        // A Lambda that holds the first replayed invocation until the test has cancelled the replay.
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> replayedPayloads = new CopyOnWriteArrayList<>();
        try (Emulator gated = Emulator.builder().port(0).without(CloudTrailService.Provider.class).service(StandInService.wiredBy("gated-lambda",
                ctx -> ctx.bus().handle(InvokeFunction.class, req -> {
                    String payload = new String(req.payload(), StandardCharsets.UTF_8);
                    if (payload.contains("\"replay-name\"")) {
                        replayedPayloads.add(payload);
                        holding.countDown();
                        await(release);
                    }
                    return InvokeFunction.Result.accepted(UUID.randomUUID().toString());
                }))).start();
             EventBridgeClient client = TestClients.of(EventBridgeClient.builder(), gated)) {
            client.putRule(r -> r.name("orders").eventPattern(ORDERS));
            client.putTargets(r -> r.rule("orders").targets(Target.builder().id("fn").arn(FUNCTION).build()));
            client.createArchive(r -> r.archiveName("orders").eventSourceArn(BUS_ARN));
            Instant now = Instant.now();
            for (int i = 0; i < 3; i++) {
                client.putEvents(r -> r.entries(e -> e.source("com.example.orders").detailType("Order Placed")
                        .detail("{}")));
            }
            assertThat(gated.control().awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(client.describeArchive(r -> r.archiveName("orders")).eventCount()).isEqualTo(3);

            client.startReplay(replay("slow", now.minusSeconds(60), now.plusSeconds(60)));
            assertThat(holding.await(10, TimeUnit.SECONDS)).as("the first replayed event reached Lambda").isTrue();
            assertThat(client.describeReplay(r -> r.replayName("slow")).state()).isEqualTo(ReplayState.RUNNING);

            assertThat(client.cancelReplay(r -> r.replayName("slow")).state()).isEqualTo(ReplayState.CANCELLING);
            assertThat(client.describeReplay(r -> r.replayName("slow")).state()).isEqualTo(ReplayState.CANCELLING);
            release.countDown();
            assertThat(gated.control().awaitIdle(Duration.ofSeconds(10))).isTrue();

            DescribeReplayResponse replay = client.describeReplay(r -> r.replayName("slow"));
            assertThat(replay.state()).isEqualTo(ReplayState.CANCELLED);
            assertThat(replay.replayEndTime()).isNotNull();
            assertThat(replayedPayloads).as("no event after the cancel").hasSize(1);
        }
    }

    @Test
    void resetForgetsArchivesAndReplays() {
        events.createArchive(r -> r.archiveName("orders").eventSourceArn(BUS_ARN));
        events.startReplay(replay("fix-1", T0, T0.plusSeconds(60)));
        awaitIdle();
        emulator.control().reset();
        assertThat(events.listArchives(r -> { }).archives()).isEmpty();
        assertThat(events.listReplays(r -> { }).replays()).isEmpty();
    }

    private static StartReplayRequest replay(String name, Instant from, Instant to) {
        return StartReplayRequest.builder().replayName(name).eventSourceArn(ARCHIVE_ARN).eventStartTime(from)
                .eventEndTime(to).destination(d -> d.arn(BUS_ARN)).build();
    }

    private static String ruleWithTarget(String name, String function) {
        String arn = events.putRule(r -> r.name(name).eventPattern(ORDERS)).ruleArn();
        assertThat(events.putTargets(r -> r.rule(name).targets(Target.builder().id("fn").arn(function).build()))
                .failedEntryCount()).isZero();
        return arn;
    }

    /** Puts one event with that time on the default bus; returns its id. */
    private static String put(String source, Instant time) {
        return events.putEvents(r -> r.entries(e -> e.source(source).detailType("Order Placed").detail("{}")
                .time(time))).entries().get(0).eventId();
    }

    private static void awaitIdle() {
        assertThat(emulator.control().awaitIdle(Duration.ofSeconds(10))).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonNode parse(String text) {
        try {
            return Json.parse(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
