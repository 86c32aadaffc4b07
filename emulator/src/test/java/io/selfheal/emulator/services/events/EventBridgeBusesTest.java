package io.selfheal.emulator.services.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.control.EventRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.CreateEventBusResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeEventBusResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.EventBus;
import software.amazon.awssdk.services.eventbridge.model.ListEventBusesResponse;
import software.amazon.awssdk.services.eventbridge.model.ListRuleNamesByTargetResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** Custom event buses through the SDK, rules and events on them, and ListRuleNamesByTarget. */
class EventBridgeBusesTest extends EventBridgeTestBase {
    private static final String BUS_ARN = "arn:aws:events:us-east-1:" + ACCOUNT + ":event-bus/orders";
    private static final String PATTERN = "{\"source\":[\"com.example.orders\"]}";

    @Test
    void createDescribeAndDeleteACustomBus() {
        Instant before = Instant.now().minusSeconds(1);
        CreateEventBusResponse created = events.createEventBus(r -> r.name("orders").description("order events"));
        assertThat(created.eventBusArn()).isEqualTo(BUS_ARN);
        assertThat(created.description()).isEqualTo("order events");

        DescribeEventBusResponse bus = events.describeEventBus(r -> r.name("orders"));
        assertThat(bus.name()).isEqualTo("orders");
        assertThat(bus.arn()).isEqualTo(BUS_ARN);
        assertThat(bus.description()).isEqualTo("order events");
        assertThat(bus.policy()).as("no policy was put").isNull();
        assertThat(bus.creationTime()).isAfter(before);
        assertThat(events.describeEventBus(r -> r.name(BUS_ARN)).name()).as("by ARN").isEqualTo("orders");

        events.deleteEventBus(r -> r.name("orders"));
        assertThatThrownBy(() -> events.describeEventBus(r -> r.name("orders")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Event bus orders does not exist.");
        // Deleting again succeeds: the bus is already gone.
        events.deleteEventBus(r -> r.name("orders"));
    }

    @Test
    void describeWithoutANameIsTheDefaultBus() {
        DescribeEventBusResponse bus = events.describeEventBus(r -> { });
        assertThat(bus.name()).isEqualTo("default");
        assertThat(bus.arn()).isEqualTo("arn:aws:events:us-east-1:" + ACCOUNT + ":event-bus/default");
    }

    @Test
    void updateEventBusChangesTheDescription() {
        events.createEventBus(r -> r.name("orders").description("old"));
        events.updateEventBus(r -> r.name("orders").description("new"));
        assertThat(events.describeEventBus(r -> r.name("orders")).description()).isEqualTo("new");
    }

    @Test
    void busNamesAreUniqueAndDefaultIsTaken() {
        events.createEventBus(r -> r.name("orders"));
        assertThatThrownBy(() -> events.createEventBus(r -> r.name("orders")))
                .isInstanceOf(ResourceAlreadyExistsException.class)
                .hasMessageContaining("Event bus orders already exists.");
        assertThatThrownBy(() -> events.createEventBus(r -> r.name("default")))
                .isInstanceOf(ResourceAlreadyExistsException.class)
                .hasMessageContaining("Event bus default already exists.");
    }

    @Test
    void busNamesFollowTheModelAndPartnerBusesAreRefusedClearly() {
        assertThatThrownBy(() -> events.createEventBus(r -> r.name("no spaces")))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("Member must satisfy regular expression pattern: [/\\.\\-_A-Za-z0-9]+");
        assertThatThrownBy(() -> events.createEventBus(r -> r.name("x".repeat(257))))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("Member must have length less than or equal to 256");
        // "Custom event bus names can't contain the / character" (API reference, CreateEventBus).
        assertThatThrownBy(() -> events.createEventBus(r -> r.name("team/orders")))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("Event bus name must not contain '/'.");
        assertThatThrownBy(() -> events.createEventBus(r -> r.name("aws.partner/example.com/123/orders")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Event source aws.partner/example.com/123/orders does not exist.")
                .hasMessageContaining("selfheal emulates no SaaS partner event sources");
    }

    @Test
    void theDefaultBusCannotBeDeleted() {
        assertThatThrownBy(() -> events.deleteEventBus(r -> r.name("default")))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("Cannot delete event bus default.")
                .satisfies(e -> assertThat(((EventBridgeException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"));
    }

    @Test
    void aBusWithRulesCannotBeDeleted() {
        // The API refuses (the console deletes the rules first): "EventBus can't be deleted since it has rules."
        events.createEventBus(r -> r.name("orders"));
        events.putRule(r -> r.name("all").eventPattern(PATTERN).eventBusName("orders"));
        assertThatThrownBy(() -> events.deleteEventBus(r -> r.name("orders")))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("EventBus can't be deleted since it has rules.");
        events.deleteRule(r -> r.name("all").eventBusName("orders"));
        events.deleteEventBus(r -> r.name("orders"));
    }

    @Test
    void listEventBusesFiltersByPrefixAndPages() {
        for (String name : new String[] {"orders", "billing", "orders-dlq"}) {
            events.createEventBus(r -> r.name(name));
        }
        assertThat(events.listEventBuses(r -> { }).eventBuses()).extracting(EventBus::name)
                .containsExactly("billing", "default", "orders", "orders-dlq");
        assertThat(events.listEventBuses(r -> r.namePrefix("orders")).eventBuses()).extracting(EventBus::name)
                .containsExactly("orders", "orders-dlq");

        ListEventBusesResponse first = events.listEventBuses(r -> r.limit(2));
        assertThat(first.eventBuses()).extracting(EventBus::name).containsExactly("billing", "default");
        ListEventBusesResponse rest = events.listEventBuses(r -> r.limit(2).nextToken(first.nextToken()));
        assertThat(rest.eventBuses()).extracting(EventBus::name).containsExactly("orders", "orders-dlq");
        assertThat(rest.nextToken()).isNull();
        assertThat(rest.eventBuses().get(0).arn()).isEqualTo(BUS_ARN);
        // A token this did not hand out (here a bare Base64 offset, negative) is a 400, not a failure on the server.
        assertThatThrownBy(() -> events.listEventBuses(r -> r.limit(2).nextToken("LTE=")))
                .isInstanceOfSatisfying(EventBridgeException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The NextToken provided is not valid.");
                });
    }

    @Test
    void rulesOnACustomBusHaveTheBusInTheirArnAndAnswerByBusNameOrArn() {
        events.createEventBus(r -> r.name("orders"));
        String arn = events.putRule(r -> r.name("all").eventPattern(PATTERN).eventBusName(BUS_ARN)).ruleArn();
        assertThat(arn).isEqualTo("arn:aws:events:us-east-1:" + ACCOUNT + ":rule/orders/all");
        assertThat(events.describeRule(r -> r.name("all").eventBusName("orders")).eventBusName()).isEqualTo("orders");
        assertThat(events.listRules(r -> r.eventBusName("orders")).rules()).hasSize(1);
        assertThat(events.listRules(r -> { }).rules()).as("the default bus has none").isEmpty();
        assertThatThrownBy(() -> events.describeRule(r -> r.name("all")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Rule all does not exist on EventBus default.");
        putTarget("all", "orders", Target.builder().id("fn").arn(FUNCTION).build());
        assertThat(events.listTargetsByRule(r -> r.rule("all").eventBusName(BUS_ARN)).targets()).hasSize(1);
    }

    /** Except for PutEvents, which AWS answers with an EventId and drops (EventBridgePutEventsTest). */
    @Test
    void unknownBusesAreResourceNotFoundEverywhere() {
        assertThatThrownBy(() -> events.putRule(r -> r.name("x").eventPattern(PATTERN).eventBusName("nope")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Event bus nope does not exist.");
        assertThatThrownBy(() -> events.listRules(r -> r.eventBusName(
                "arn:aws:events:us-east-1:" + ACCOUNT + ":event-bus/nope")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Event bus nope does not exist.");
        assertThatThrownBy(() -> events.describeEventBus(r -> r.name("nope")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Event bus nope does not exist.");
        PutEventsResponse put = events.putEvents(r -> r.entries(e -> e.eventBusName("nope")
                .source("com.example.orders").detailType("Order Placed").detail("{}")));
        assertThat(put.failedEntryCount()).isZero();
        assertThat(put.entries().get(0).eventId()).isNotBlank();
        assertThat(put.entries().get(0).errorCode()).isNull();
    }

    @Test
    void eventsPutOnACustomBusReachOnlyItsRules() {
        events.createEventBus(r -> r.name("orders"));
        events.putRule(r -> r.name("on-orders").eventPattern(PATTERN).eventBusName("orders"));
        putTarget("on-orders", "orders", Target.builder().id("fn").arn(FUNCTION).build());
        putRule("on-default", PATTERN);
        putTarget("on-default", Target.builder().id("fn").arn(FUNCTION + "-default").build());

        PutEventsResponse put = events.putEvents(r -> r.entries(e -> e.eventBusName(BUS_ARN)
                .source("com.example.orders").detailType("Order Placed").detail("{\"id\":1}")));
        assertThat(put.failedEntryCount()).isZero();
        awaitIdle();

        assertThat(lambda.invocations()).hasSize(1);
        assertThat(lambda.invocations().get(0).functionArn()).isEqualTo(FUNCTION);
        assertThat(lambda.invocations().get(0).sourceArn())
                .isEqualTo("arn:aws:events:us-east-1:" + ACCOUNT + ":rule/orders/on-orders");
        List<EventRecord> recorded = recorded();
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).busArn()).isEqualTo(BUS_ARN);
    }

    @Test
    void listRuleNamesByTargetFindsTheRulesOfOneBusThatTargetAnArn() {
        for (String name : new String[] {"c-rule", "a-rule", "b-rule"}) {
            putRule(name, PATTERN);
        }
        putTarget("c-rule", Target.builder().id("fn").arn(FUNCTION).build());
        putTarget("a-rule", Target.builder().id("fn").arn(FUNCTION).build());
        putTarget("b-rule", Target.builder().id("other").arn(FUNCTION + "-other").build());
        events.createEventBus(r -> r.name("orders"));
        events.putRule(r -> r.name("d-rule").eventPattern(PATTERN).eventBusName("orders"));
        putTarget("d-rule", "orders", Target.builder().id("fn").arn(FUNCTION).build());

        assertThat(events.listRuleNamesByTarget(r -> r.targetArn(FUNCTION)).ruleNames())
                .containsExactly("a-rule", "c-rule");
        assertThat(events.listRuleNamesByTarget(r -> r.targetArn(FUNCTION).eventBusName("orders")).ruleNames())
                .containsExactly("d-rule");
        ListRuleNamesByTargetResponse first = events.listRuleNamesByTarget(r -> r.targetArn(FUNCTION).limit(1));
        assertThat(first.ruleNames()).containsExactly("a-rule");
        assertThat(events.listRuleNamesByTarget(r -> r.targetArn(FUNCTION).limit(1).nextToken(first.nextToken()))
                .ruleNames()).containsExactly("c-rule");
        assertThat(events.listRuleNamesByTarget(r -> r.targetArn("arn:aws:lambda:us-east-1:" + ACCOUNT
                + ":function:unused")).ruleNames()).isEmpty();
        assertThatThrownBy(() -> events.listRuleNamesByTarget(r -> r.targetArn(FUNCTION).eventBusName("nope")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void resetForgetsCustomBuses() {
        events.createEventBus(r -> r.name("orders"));
        emulator.control().reset();
        assertThat(events.listEventBuses(r -> { }).eventBuses()).extracting(EventBus::name)
                .containsExactly("default");
    }

    private static void putTarget(String rule, String bus, Target target) {
        assertThat(events.putTargets(r -> r.rule(rule).eventBusName(bus).targets(target)).failedEntryCount())
                .isZero();
    }
}
