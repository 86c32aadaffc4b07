package io.selfheal.emulator.services.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.control.EventRecord.TargetDelivery;
import io.selfheal.emulator.core.Json;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * Event buses as targets ("Sending events between event buses in the same account and Region", and cross-Region
 * targets): the event reaches the other bus unchanged and its rules route it on.
 */
class EventBridgeBusTargetTest extends EventBridgeTargetTestBase {
    static final String WEST_BUS = "arn:aws:events:us-west-2:" + ACCOUNT + ":event-bus/default";
    static final String EAST_BUS = "arn:aws:events:us-east-1:" + ACCOUNT + ":event-bus/default";
    static final String WEST_FUNCTION = "arn:aws:lambda:us-west-2:" + ACCOUNT + ":function:remediate";
    static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/eventbridge-forward";
    EventBridgeClient west;

    @BeforeEach
    void aWestClient() {
        west = client(Region.US_WEST_2);
    }

    @AfterEach
    void closeIt() {
        west.close();
    }

    @Test
    void theEventReachesTheOtherBusUnchangedAndItsRules() throws Exception {
        putRule("forward", PATTERN);
        putTarget("forward", Target.builder().id("west").arn(WEST_BUS).roleArn(ROLE).build());
        west.putRule(r -> r.name("remediate").eventPattern(PATTERN));
        west.putTargets(r -> r.rule("remediate").targets(Target.builder().id("fn").arn(WEST_FUNCTION).build()));

        String id = putEvent("{\"instance\":\"i-1\"}");

        List<EventRecord> records = recorded().stream().filter(e -> e.eventId().equals(id)).toList();
        assertThat(records).extracting(EventRecord::busArn).containsExactly(EAST_BUS, WEST_BUS);
        assertThat(records.get(1).event()).isEqualTo(records.get(0).event());
        assertThat(records.get(0).deliveries()).singleElement().satisfies(d -> {
            assertThat(d.delivered()).isTrue();
            assertThat(d.targetArn()).isEqualTo(WEST_BUS);
        });
        assertThat(records.get(1).deliveries()).singleElement().satisfies(d -> assertThat(d.delivered()).isTrue());
        assertThat(lambda.payloads(WEST_FUNCTION)).singleElement()
                .satisfies(p -> assertThat(Json.parse(p).path("region").asText()).isEqualTo(REGION));
        assertThat(events.listTargetsByRule(r -> r.rule("forward")).targets().get(0).roleArn()).isEqualTo(ROLE);
    }

    /** "EventBridge can't route events received from a sender event bus to a third event bus." */
    @Test
    void aForwardedEventIsNotForwardedAgainSoABusTargetingItselfStops() {
        putRule("loop", PATTERN);
        putTarget("loop", Target.builder().id("self").arn(EAST_BUS).roleArn(ROLE).build());

        String id = putEvent("{}");

        List<EventRecord> records = recorded().stream().filter(e -> e.eventId().equals(id)).toList();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).deliveries()).singleElement().satisfies(d -> assertThat(d.delivered()).isTrue());
        TargetDelivery second = records.get(1).deliveries().get(0);
        assertThat(second.delivered()).isFalse();
        assertThat(second.errorMessage()).contains("can't route events received from a sender event bus");
    }

    @Test
    void aMissingBusIsAFailedDelivery() {
        putRule("forward", PATTERN);
        String missing = "arn:aws:events:us-east-1:" + ACCOUNT + ":event-bus/nowhere";
        putTarget("forward", Target.builder().id("nowhere").arn(missing).roleArn(ROLE).build());
        String id = putEvent("{}");
        assertThat(deliveries(id)).singleElement().satisfies(d -> {
            assertThat(d.delivered()).isFalse();
            assertThat(d.errorCode()).isEqualTo("ResourceNotFoundException");
            assertThat(d.errorMessage()).isEqualTo("Event bus nowhere does not exist.");
        });
    }

    @Test
    void inputOptionsAreRefusedPerEntry() {
        putRule("forward", PATTERN);
        PutTargetsResponse put = events.putTargets(r -> r.rule("forward").targets(
                Target.builder().id("shaped").arn(WEST_BUS).roleArn(ROLE).inputPath("$.detail").build()));
        assertThat(put.failedEntryCount()).isEqualTo(1);
        assertThat(put.failedEntries().get(0).errorMessage()).contains("original event");
        assertThat(events.listTargetsByRule(r -> r.rule("forward")).targets()).isEmpty();
    }
}
