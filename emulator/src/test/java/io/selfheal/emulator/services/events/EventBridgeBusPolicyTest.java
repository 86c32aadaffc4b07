package io.selfheal.emulator.services.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.TestClients;
import io.selfheal.emulator.core.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PolicyLengthExceededException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * Event bus policies: PutPermission (https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutPermission.html)
 * in its statement form and its Policy form, RemovePermission (…/API_RemovePermission.html), DescribeEventBus's Policy,
 * and what they decide: a PutEvents from another account, and another account's rule targeting the bus
 * ("Sending and receiving events between AWS accounts",
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-cross-account.html). The 10,240-character limit is
 * "Event bus policy size" in https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html.
 */
class EventBridgeBusPolicyTest extends EventBridgeTargetTestBase {
    static final String OTHER = "210987654321";
    static final String BUS_ARN = "arn:aws:events:us-east-1:" + ACCOUNT + ":event-bus/shared";
    EventBridgeClient other;

    @BeforeEach
    void aSharedBusWithARuleAndAnotherAccount() {
        events.createEventBus(r -> r.name("shared"));
        events.putRule(r -> r.name("incoming").eventBusName("shared").eventPattern(PATTERN));
        events.putTargets(r -> r.rule("incoming").eventBusName("shared")
                .targets(Target.builder().id("fn").arn(FUNCTION).build()));
        other = TestClients.of(EventBridgeClient.builder(), emulator.endpoint(), OTHER);
    }

    @AfterEach
    void closeIt() {
        other.close();
    }

    @Test
    void theStatementFormAddsAStatementDescribeEventBusShowsAndRemovePermissionTakesAway() throws Exception {
        events.putPermission(r -> r.eventBusName("shared").action("events:PutEvents").principal(OTHER)
                .statementId("from-other"));
        events.putPermission(r -> r.eventBusName("shared").action("events:PutEvents").principal("*")
                .statementId("org").condition(c -> c.type("StringEquals").key("aws:PrincipalOrgID")
                        .value("o-1234567890")));

        var policy = Json.parse(events.describeEventBus(r -> r.name("shared")).policy());
        assertThat(policy.path("Statement")).hasSize(2);
        var first = policy.path("Statement").get(0);
        assertThat(first.path("Sid").asText()).isEqualTo("from-other");
        assertThat(first.path("Effect").asText()).isEqualTo("Allow");
        assertThat(first.path("Principal").path("AWS").asText()).isEqualTo("arn:aws:iam::" + OTHER + ":root");
        assertThat(first.path("Action").asText()).isEqualTo("events:PutEvents");
        assertThat(first.path("Resource").asText()).isEqualTo(BUS_ARN);
        assertThat(policy.path("Statement").get(1).path("Condition").path("StringEquals")
                .path("aws:PrincipalOrgID").asText()).isEqualTo("o-1234567890");
        assertThat(events.listEventBuses(r -> r.namePrefix("shared")).eventBuses().get(0).policy()).isNotNull();

        events.removePermission(r -> r.eventBusName("shared").statementId("org"));
        assertThat(Json.parse(events.describeEventBus(r -> r.name("shared")).policy()).path("Statement"))
                .singleElement().satisfies(s -> assertThat(s.path("Sid").asText()).isEqualTo("from-other"));
        assertThatThrownBy(() -> events.removePermission(r -> r.eventBusName("shared").statementId("org")))
                .isInstanceOf(ResourceNotFoundException.class);
        events.removePermission(r -> r.eventBusName("shared").removeAllPermissions(true));
        assertThat(events.describeEventBus(r -> r.name("shared")).policy()).isNull();
        assertThatThrownBy(() -> events.removePermission(r -> r.eventBusName("shared").statementId("from-other")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("does not have a policy");
    }

    @Test
    void badRequestsAreRefusedInEventBridgesWords() {
        assertThatThrownBy(() -> events.putPermission(r -> r.eventBusName("shared").action("events:PutRule")
                .principal(OTHER).statementId("s"))).isInstanceOfSatisfying(EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> events.putPermission(r -> r.eventBusName("shared").action("events:PutEvents")
                .principal("arn:aws:iam::" + OTHER + ":root").statementId("s")))
                .isInstanceOfSatisfying(EventBridgeException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.getMessage()).contains("principal");
                });
        assertThatThrownBy(() -> events.putPermission(r -> r.eventBusName("nowhere").action("events:PutEvents")
                .principal(OTHER).statementId("s"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> events.putPermission(r -> r.eventBusName("shared").policy("{\"Statement\":3}")))
                .isInstanceOfSatisfying(EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        String tooLong = policy("Allow", "\"" + OTHER + "\"", "x".repeat(BusPermissionOperations.MAX_POLICY));
        assertThatThrownBy(() -> events.putPermission(r -> r.eventBusName("shared").policy(tooLong)))
                .isInstanceOf(PolicyLengthExceededException.class);
        assertThatThrownBy(() -> events.removePermission(r -> r.eventBusName("shared")))
                .isInstanceOfSatisfying(EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    }

    @Test
    void anotherAccountsPutEventsIsAllowedExactlyWhenTheBusPolicyAllowsIt() {
        assertThatThrownBy(() -> other.putEvents(r -> r.entries(entry())))
                .as("no policy").isInstanceOfSatisfying(EventBridgeException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).contains("events:PutEvents").contains(BUS_ARN);
                });

        events.putPermission(r -> r.eventBusName("shared").action("events:PutEvents").principal(OTHER)
                .statementId("from-other"));
        PutEventsResponse put = other.putEvents(r -> r.entries(entry()));
        assertThat(put.failedEntryCount()).isZero();
        awaitIdle();
        assertThat(lambda.payloads(FUNCTION)).singleElement().satisfies(p -> {
            assertThat(Json.parse(p).path("account").asText()).as("the sender's account").isEqualTo(OTHER);
            assertThat(Json.parse(p).path("detail").path("n").asInt()).isEqualTo(1);
        });

        // The Policy form replaces the whole policy: an explicit Deny for the account wins over its Allow.
        events.putPermission(r -> r.eventBusName("shared").policy("{\"Version\":\"2012-10-17\",\"Statement\":["
                + statement("Allow", "\"*\"", BUS_ARN) + "," + statement("Deny", "\"" + OTHER + "\"", BUS_ARN)
                + "]}"));
        assertThatThrownBy(() -> other.putEvents(r -> r.entries(entry())))
                .isInstanceOfSatisfying(EventBridgeException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .contains("explicit deny"));
    }

    @Test
    void aRuleOfAnotherAccountDeliversToTheBusOnlyWhenItsPolicyAllowsThatAccount() {
        other.putRule(r -> r.name("forward").eventPattern(PATTERN));
        other.putTargets(r -> r.rule("forward").targets(Target.builder().id("to-shared").arn(BUS_ARN).build()));

        String refused = putEventAs(other);
        assertThat(deliveries(refused)).singleElement().satisfies(d -> {
            assertThat(d.delivered()).isFalse();
            assertThat(d.errorCode()).isEqualTo("AccessDeniedException");
        });
        assertThat(lambda.invocations()).isEmpty();

        events.putPermission(r -> r.eventBusName("shared").action("events:PutEvents").principal(OTHER)
                .statementId("from-other"));
        String delivered = putEventAs(other);
        assertThat(deliveries(delivered)).hasSize(2).allSatisfy(d -> assertThat(d.delivered()).isTrue());
        assertThat(lambda.payloads(FUNCTION)).singleElement()
                .satisfies(p -> assertThat(Json.parse(p).path("id").asText()).isEqualTo(delivered));
    }

    private static String putEventAs(EventBridgeClient client) {
        PutEventsResponse put = client.putEvents(r -> r.entries(e -> e.source("selfheal.test")
                .detailType("Test Event").detail("{}")));
        assertThat(put.failedEntryCount()).isZero();
        awaitIdle();
        return put.entries().get(0).eventId();
    }

    private static PutEventsRequestEntry entry() {
        return PutEventsRequestEntry.builder().eventBusName(BUS_ARN).source("selfheal.test").detailType("Test Event")
                .detail("{\"n\":1}").build();
    }

    private static String statement(String effect, String account, String resource) {
        String principal = account.equals("\"*\"") ? "\"*\"" : "{\"AWS\":" + account + "}";
        return "{\"Effect\":\"" + effect + "\",\"Principal\":" + principal + ",\"Action\":\"events:PutEvents\","
                + "\"Resource\":\"" + resource + "\"}";
    }

    private static String policy(String effect, String account, String sid) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement(effect, account, BUS_ARN)
                .replace("{\"Effect\"", "{\"Sid\":\"" + sid + "\",\"Effect\"") + "]}";
    }
}
