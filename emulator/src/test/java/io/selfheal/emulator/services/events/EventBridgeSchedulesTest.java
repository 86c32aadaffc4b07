package io.selfheal.emulator.services.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.services.cloudtrail.CloudTrailService;
import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.TestClients;
import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.control.EventsControl;
import io.selfheal.emulator.core.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * Scheduled rules firing on the emulator clock. The clock is the test's: it moves only when a test moves it, and
 * {@link ScheduleRunner#runDue()} then fires what is due at once, so no test waits for real minutes (one test shows
 * the runner's own wake-up noticing a moved clock). That wake-up may beat a test's own runDue() to a firing, so
 * tests check what reached the target, never runDue()'s count.
 */
class EventBridgeSchedulesTest {
    private static final String ACCOUNT = EventBridgeTestBase.ACCOUNT;
    private static final String FUNCTION = EventBridgeTestBase.FUNCTION;
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:30Z");
    private static final String RULE_ARN = "arn:aws:events:us-east-1:" + ACCOUNT + ":rule/every-5";

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

    private static ScheduleRunner runner() {
        return emulator.services().get(EventsService.class).schedules();
    }

    private static void advance(Duration by) {
        clock.set(clock.get().plus(by));
    }

    /** Fires what is due (unless the runner's wake-up already did) and waits for the deliveries. */
    private static void fireDue() {
        runner().runDue();
        awaitIdle();
    }

    private static void awaitIdle() {
        assertThat(emulator.control().awaitIdle(Duration.ofSeconds(10))).isTrue();
    }

    private static void scheduledRule(String name, String expression) {
        events.putRule(r -> r.name(name).scheduleExpression(expression));
        assertThat(events.putTargets(r -> r.rule(name).targets(Target.builder().id("fn").arn(FUNCTION).build()))
                .failedEntryCount()).isZero();
    }

    @Test
    void aRateRuleFiresAScheduledEventToItsTargetOnePeriodAfterCreation() {
        scheduledRule("every-5", "rate(5 minutes)");
        assertThat(runner().nextFiring(RULE_ARN)).isEqualTo(T0.plus(Duration.ofMinutes(5)));

        advance(Duration.ofMinutes(4));
        fireDue();
        assertThat(lambda.invocations()).as("not yet").isEmpty();
        advance(Duration.ofMinutes(1));
        fireDue();

        List<String> payloads = lambda.payloads(FUNCTION);
        assertThat(payloads).hasSize(1);
        JsonNode event = parse(payloads.get(0));
        // The envelope of the user guide's sample "Scheduled Event" (tutorial "Schedule AWS Lambda functions"),
        // field for field and in its order; time is the scheduled time.
        assertThat(fieldNames(event)).containsExactly("version", "id", "detail-type", "source", "account", "time",
                "region", "resources", "detail");
        assertThat(event.get("version").asText()).isEqualTo("0");
        assertThat(event.get("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(event.get("source").asText()).isEqualTo("aws.events");
        assertThat(event.get("account").asText()).isEqualTo(ACCOUNT);
        assertThat(event.get("time").asText()).isEqualTo("2024-05-01T10:05:30Z");
        assertThat(event.get("region").asText()).isEqualTo("us-east-1");
        assertThat(event.get("resources")).hasSize(1);
        assertThat(event.get("resources").get(0).asText()).isEqualTo(RULE_ARN);
        assertThat(event.get("detail").isObject() && event.get("detail").isEmpty()).isTrue();
        assertThat(lambda.invocations().get(0).sourceArn()).isEqualTo(RULE_ARN);
    }

    @Test
    void theScheduledEventGoesToThatRuleAloneAndIsRecorded() {
        scheduledRule("every-5", "rate(5 minutes)");
        // A pattern rule that would match the scheduled event if it were put on the bus: it is not.
        events.putRule(r -> r.name("aws-events").eventPattern("{\"source\":[\"aws.events\"]}"));
        events.putTargets(r -> r.rule("aws-events").targets(Target.builder().id("fn").arn(FUNCTION + "-2").build()));

        advance(Duration.ofMinutes(5));
        fireDue();

        assertThat(lambda.invocations()).extracting(i -> i.functionArn()).containsExactly(FUNCTION);
        List<EventRecord> recorded = EventBridgeTestBase.withoutCloudTrail(emulator.control().component(EventsControl.class).events());
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).event().get("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(recorded.get(0).deliveries()).singleElement()
                .satisfies(d -> assertThat(d.ruleArn()).isEqualTo(RULE_ARN))
                .satisfies(d -> assertThat(d.delivered()).isTrue());
    }

    @Test
    void firingsMissedWhileTheClockJumpedAreMadeInOrderWithTheirOwnTimes() {
        scheduledRule("every-5", "rate(5 minutes)");
        advance(Duration.ofMinutes(16));
        fireDue();
        assertThat(lambda.payloads(FUNCTION)).extracting(p -> parse(p).get("time").asText())
                .containsExactly("2024-05-01T10:05:30Z", "2024-05-01T10:10:30Z", "2024-05-01T10:15:30Z");
        assertThat(runner().nextFiring(RULE_ARN)).isEqualTo(Instant.parse("2024-05-01T10:20:30Z"));
    }

    @Test
    void aCronRuleFiresOnTheMinuteInUtc() {
        scheduledRule("quarterly", "cron(0/15 * * * ? *)");
        String arn = "arn:aws:events:us-east-1:" + ACCOUNT + ":rule/quarterly";
        assertThat(runner().nextFiring(arn)).isEqualTo(Instant.parse("2024-05-01T10:15:00Z"));
        advance(Duration.ofMinutes(30));
        fireDue();
        assertThat(lambda.payloads(FUNCTION)).extracting(p -> parse(p).get("time").asText())
                .containsExactly("2024-05-01T10:15:00Z", "2024-05-01T10:30:00Z");
    }

    @Test
    void disablingOrDeletingStopsTheFiringAndEnablingRestartsTheRate() {
        scheduledRule("every-5", "rate(5 minutes)");
        events.disableRule(r -> r.name("every-5"));
        assertThat(runner().nextFiring(RULE_ARN)).isNull();
        advance(Duration.ofMinutes(12));
        fireDue();
        assertThat(lambda.invocations()).isEmpty();

        events.enableRule(r -> r.name("every-5"));
        assertThat(runner().nextFiring(RULE_ARN)).as("a period after enabling")
                .isEqualTo(T0.plus(Duration.ofMinutes(17)));

        events.removeTargets(r -> r.rule("every-5").ids("fn"));
        events.deleteRule(r -> r.name("every-5"));
        advance(Duration.ofMinutes(10));
        fireDue();
        assertThat(lambda.invocations()).isEmpty();
    }

    @Test
    void aRuleCreatedDisabledDoesNotFire() {
        events.putRule(r -> r.name("every-5").scheduleExpression("rate(5 minutes)").state(RuleState.DISABLED));
        assertThat(runner().nextFiring(RULE_ARN)).isNull();
    }

    @Test
    void aRuleWithAPatternAndAScheduleAnswersBoth() {
        // PutRule: "A rule can have both an EventPattern and a ScheduleExpression" (API reference).
        events.putRule(r -> r.name("every-5").scheduleExpression("rate(5 minutes)")
                .eventPattern("{\"source\":[\"com.example\"]}"));
        events.putTargets(r -> r.rule("every-5").targets(Target.builder().id("fn").arn(FUNCTION).build()));
        events.putEvents(r -> r.entries(e -> e.source("com.example").detailType("Ping").detail("{}")));
        advance(Duration.ofMinutes(5));
        fireDue();
        assertThat(lambda.payloads(FUNCTION)).extracting(p -> parse(p).get("detail-type").asText())
                .containsExactlyInAnyOrder("Ping", "Scheduled Event");
    }

    @Test
    void theRunnersOwnWakeUpNoticesTheMovedClock() {
        scheduledRule("every-5", "rate(5 minutes)");
        advance(Duration.ofMinutes(5));
        // No runDue(): the wake-up task polls the emulator clock at least every second.
        await().atMost(Duration.ofSeconds(10)).until(() -> !lambda.invocations().isEmpty());
    }

    @Test
    void invalidExpressionsAreRefusedAsAwsWordsIt() {
        for (String bad : new String[] {"rate(5 minute)", "cron(0 10 * * * *)", "every 5 minutes"}) {
            assertThatThrownBy(() -> events.putRule(r -> r.name("bad").scheduleExpression(bad)))
                    .isInstanceOf(EventBridgeException.class)
                    .hasMessageContaining("Parameter ScheduleExpression is not valid.")
                    .satisfies(e -> assertThat(((EventBridgeException) e).awsErrorDetails().errorCode())
                            .isEqualTo("ValidationException"));
        }
        assertThat(events.listRules(r -> { }).rules()).isEmpty();
    }

    @Test
    void schedulesRunOnlyOnTheDefaultBus() {
        events.createEventBus(r -> r.name("orders"));
        assertThatThrownBy(() -> events.putRule(r -> r.name("every-5").scheduleExpression("rate(5 minutes)")
                .eventBusName("orders")))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("ScheduleExpression is supported only on the default event bus.");
    }

    @Test
    void resetForgetsSchedulesAndClosingStopsThem() {
        scheduledRule("every-5", "rate(5 minutes)");
        emulator.control().reset();
        assertThat(runner().nextFiring(RULE_ARN)).isNull();

        try (Emulator other = Emulator.builder().port(0).without(CloudTrailService.Provider.class).clock(EmulatorClock.of(clock::get)).start();
             EventBridgeClient client = TestClients.of(EventBridgeClient.builder(), other)) {
            client.putRule(r -> r.name("every-5").scheduleExpression("rate(5 minutes)"));
            ScheduleRunner otherRunner = other.services().get(EventsService.class).schedules();
            assertThat(otherRunner.nextFiring(RULE_ARN)).isNotNull();
            other.close();
            assertThat(otherRunner.nextFiring(RULE_ARN)).isNull();
        }
    }

    private static JsonNode parse(String text) {
        try {
            return Json.parse(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
