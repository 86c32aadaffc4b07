package io.selfheal.emulator.services.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.messages.PutMetricData;
import io.selfheal.emulator.messages.PutMetricData.Datum;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * The AWS/Events metrics EventBridge publishes ("Monitoring Amazon EventBridge"), caught by a stand-in for CloudWatch
 * that subscribes to {@link PutMetricData} on the internal bus.
 */
class EventBridgeMetricsTest {
    private static final String FUNCTION = EventBridgeTestBase.FUNCTION;
    private static final String FAILING = FUNCTION + "-denied";
    private static final String ORDERS = "{\"source\":[\"com.example.orders\"]}";
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:30Z");

    private static final AtomicReference<Instant> clock = new AtomicReference<>(T0);
    private static final StandInLambda lambda = new StandInLambda();
    /** The metrics EventBridge publishes for CloudWatch are recorded from the start, forgotten before each test. */
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.on(() -> EmulatorClock.of(clock::get))
            .recording(PutMetricData.class).resetBeforeEach();
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

    private static List<PutMetricData> published() {
        return AWS.bus().published(PutMetricData.class);
    }

    @Test
    void aMatchedEventCountsTheRuleItsInvocationsAndTheFailedOnes() {
        events.putRule(r -> r.name("orders").eventPattern(ORDERS));
        events.putTargets(r -> r.rule("orders").targets(Target.builder().id("ok").arn(FUNCTION).build(),
                Target.builder().id("denied").arn(FAILING).build()));
        lambda.refuse(FAILING, "AccessDeniedException", "not allowed");

        put("com.example.orders", null);
        awaitIdle();

        assertThat(published()).singleElement().satisfies(m -> {
            assertThat(m.namespace()).isEqualTo("AWS/Events");
            assertThat(m.accountId()).isEqualTo(EventBridgeTestBase.ACCOUNT);
            assertThat(m.region()).isEqualTo("us-east-1");
            assertThat(m.data()).allSatisfy(d -> {
                assertThat(d.unit()).isEqualTo("Count");
                assertThat(d.timestamp()).isEqualTo(T0);
            });
        });
        Map<String, String> rule = Map.of("RuleName", "orders");
        assertThat(sum("MatchedEvents", Map.of())).isEqualTo(1);
        assertThat(sum("MatchedEvents", rule)).isEqualTo(1);
        assertThat(sum("TriggeredRules", rule)).isEqualTo(1);
        assertThat(sum("Invocations", rule)).isEqualTo(2);
        assertThat(sum("Invocations", Map.of())).isEqualTo(2);
        assertThat(sum("FailedInvocations", rule)).isEqualTo(1);
    }

    @Test
    void rulesOnACustomBusAreNamedWithTheirBus() {
        // "Metrics that specify both the EventBusName and RuleName dimensions refer to a custom event bus."
        events.createEventBus(r -> r.name("orders"));
        events.putRule(r -> r.name("all").eventPattern(ORDERS).eventBusName("orders"));
        events.putTargets(r -> r.rule("all").eventBusName("orders")
                .targets(Target.builder().id("ok").arn(FUNCTION).build()));

        put("com.example.orders", "orders");
        put("com.example.orders", "orders");
        awaitIdle();

        Map<String, String> rule = Map.of("EventBusName", "orders", "RuleName", "all");
        assertThat(sum("MatchedEvents", rule)).isEqualTo(2);
        assertThat(sum("TriggeredRules", rule)).isEqualTo(2);
        assertThat(sum("Invocations", rule)).isEqualTo(2);
        assertThat(sum("FailedInvocations", rule)).as("nothing is sent for a count of zero").isZero();
        assertThat(datums()).noneMatch(d -> d.metricName().equals("FailedInvocations"));
        assertThat(sum("TriggeredRules", Map.of("RuleName", "all"))).isZero();
    }

    @Test
    void anEventNoRuleMatchesSendsNothing() {
        events.putRule(r -> r.name("orders").eventPattern(ORDERS));
        put("com.example.billing", null);
        awaitIdle();
        assertThat(published()).isEmpty();
    }

    @Test
    void aScheduledFiringTriggersItsRuleWithoutMatchingAnEvent() {
        events.putRule(r -> r.name("every-5").scheduleExpression("rate(5 minutes)"));
        events.putTargets(r -> r.rule("every-5").targets(Target.builder().id("ok").arn(FUNCTION).build()));
        clock.set(T0.plus(Duration.ofMinutes(5)));
        emulator.services().get(EventsService.class).schedules().runDue();
        awaitIdle();

        Map<String, String> rule = Map.of("RuleName", "every-5");
        assertThat(sum("TriggeredRules", rule)).isEqualTo(1);
        assertThat(sum("Invocations", rule)).isEqualTo(1);
        assertThat(datums()).noneMatch(d -> d.metricName().equals("MatchedEvents"));
    }

    private static void put(String source, String bus) {
        events.putEvents(r -> r.entries(e -> e.source(source).detailType("Order Placed").detail("{}")
                .eventBusName(bus)));
    }

    private static List<Datum> datums() {
        return published().stream().flatMap(m -> m.data().stream()).toList();
    }

    /** The sum of a metric with exactly those dimensions. */
    private static double sum(String metric, Map<String, String> dimensions) {
        return datums().stream().filter(d -> d.metricName().equals(metric) && d.dimensions().equals(dimensions))
                .mapToDouble(Datum::value).sum();
    }

    private static void awaitIdle() {
        assertThat(emulator.control().awaitIdle(Duration.ofSeconds(10))).isTrue();
    }
}
