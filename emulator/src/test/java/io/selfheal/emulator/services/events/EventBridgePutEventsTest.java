package io.selfheal.emulator.services.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.NoHandlerException;
import io.selfheal.emulator.messages.InvokeFunction;
import io.selfheal.emulator.messages.ServiceEvent;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** PutEvents validation, asynchronous delivery to (stand-in) Lambda, service events and the harness's event log. */
class EventBridgePutEventsTest extends EventBridgeTestBase {
    private static final String ORDERS = "{\"source\":[\"com.example.orders\"]}";

    private static PutEventsRequestEntry order(String detail) {
        return PutEventsRequestEntry.builder().source("com.example.orders").detailType("Order Placed")
                .detail(detail).build();
    }

    @Test
    void aRequestCarriesOneToTenEntries() {
        assertThatThrownBy(() -> events.putEvents(r -> r.entries(List.of())))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("at 'entries' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1");
        List<PutEventsRequestEntry> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(order("{\"n\":" + i + "}"));
        }
        assertThatThrownBy(() -> events.putEvents(r -> r.entries(eleven)))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("Member must have length less than or equal to 10");
        assertThat(recorded()).isEmpty();
    }

    @Test
    void eachEntryIsValidatedOnItsOwn() {
        PutEventsResponse put = events.putEvents(r -> r.entries(
                order("{\"ok\":true}"),
                PutEventsRequestEntry.builder().detailType("Order Placed").detail("{}").build(),
                PutEventsRequestEntry.builder().source("com.example.orders").detail("{}").build(),
                PutEventsRequestEntry.builder().source("com.example.orders").detailType("Order Placed").build(),
                order("[1, 2]"),
                order("not json"),
                PutEventsRequestEntry.builder().source("aws.cloudwatch").detailType("CloudWatch Alarm State Change")
                        .detail("{}").build()));
        assertThat(put.failedEntryCount()).isEqualTo(6);
        List<PutEventsResultEntry> e = put.entries();
        assertThat(e.get(0).eventId()).isNotBlank();
        assertThat(e.get(0).errorCode()).isNull();
        assertThat(e.get(1).errorCode()).isEqualTo("InvalidArgument");
        assertThat(e.get(1).errorMessage()).isEqualTo(
                "Parameter Source is not valid. Reason: Source is a required argument.");
        assertThat(e.get(2).errorMessage()).isEqualTo(
                "Parameter DetailType is not valid. Reason: DetailType is a required argument.");
        assertThat(e.get(3).errorMessage()).isEqualTo(
                "Parameter Detail is not valid. Reason: Detail is a required argument.");
        assertThat(e.get(4).errorCode()).isEqualTo("MalformedDetail");
        assertThat(e.get(5).errorCode()).isEqualTo("MalformedDetail");
        assertThat(e.get(5).errorMessage()).isEqualTo("Detail is malformed.");
        assertThat(e.get(6).errorCode()).isEqualTo("NotAuthorizedForSourceException");
        assertThat(e.get(6).errorMessage()).isEqualTo("Not authorized for the source.");
        awaitIdle();
        assertThat(recorded()).extracting(EventRecord::eventId).containsExactly(e.get(0).eventId());
    }

    /**
     * AWS accepts an event for a bus that does not exist and drops it: an EventId, FailedEntryCount 0 (aws/aws-cli
     * issue 9186, aws/aws-sdk issue 186, "Putting an event on an nonexistent EventBridge event bus returns a
     * success"). A malformed entry for such a bus is still refused.
     */
    @Test
    void anEventForABusThatDoesNotExistIsAcceptedAndGoesNowhere() {
        putRule("orders", ORDERS);
        putTarget("orders", Target.builder().id("fn").arn(FUNCTION).build());
        // Another account's custom bus that does not exist (its default bus always exists, and its policy decides).
        String otherAccount = "arn:aws:events:us-east-1:210987654321:event-bus/orders-bus";
        String otherRegion = "arn:aws:events:eu-west-1:" + ACCOUNT + ":event-bus/default";
        PutEventsResponse put = events.putEvents(r -> r.entries(
                order("{\"n\":1}").toBuilder().eventBusName("orders-bus").build(),
                order("{\"n\":2}").toBuilder().eventBusName("arn:aws:events:us-east-1:" + ACCOUNT
                        + ":event-bus/orders-bus").build(),
                order("{\"n\":3}").toBuilder().eventBusName(otherAccount).build(),
                order("{\"n\":4}").toBuilder().eventBusName(otherRegion).build(),
                order("not json").toBuilder().eventBusName("orders-bus").build()));
        assertThat(put.failedEntryCount()).isEqualTo(1);
        assertThat(put.entries().subList(0, 4)).allSatisfy(entry -> {
            assertThat(entry.eventId()).isNotBlank();
            assertThat(entry.errorCode()).isNull();
        });
        assertThat(put.entries().get(4).errorCode()).isEqualTo("MalformedDetail");
        awaitIdle();
        assertThat(recorded()).isEmpty();
        assertThat(lambda.invocations()).isEmpty();
        assertThatThrownBy(() -> events.describeEventBus(r -> r.name("orders-bus")))
                .as("nothing was created").isInstanceOf(EventBridgeException.class);
    }

    @Test
    void entriesTogetherMayNotExceed256Kilobytes() {
        String big = "{\"blob\":\"" + "x".repeat(130 * 1024) + "\"}";
        assertThatThrownBy(() -> events.putEvents(r -> r.entries(order(big), order(big))))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("Total size of the entries in the request is over the limit.");
    }

    @Test
    void aMatchingEventReachesTheFunctionInAwsEnvelope() throws Exception {
        String ruleArn = putRule("orders", ORDERS);
        putTarget("orders", Target.builder().id("fn").arn(FUNCTION).build());
        Instant at = Instant.parse("2024-05-06T07:08:09.987Z");

        PutEventsResponse put = events.putEvents(r -> r.entries(order("{\"orderId\":\"o-1\",\"total\":12.5}")
                .toBuilder().time(at).resources("arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/orders").build()));
        assertThat(put.failedEntryCount()).isZero();
        awaitIdle();

        assertThat(lambda.invocations()).hasSize(1);
        InvokeFunction invoke = lambda.invocations().get(0);
        assertThat(invoke.functionArn()).isEqualTo(FUNCTION);
        assertThat(invoke.principal()).isEqualTo("events.amazonaws.com");
        assertThat(invoke.sourceArn()).isEqualTo(ruleArn);
        assertThat(invoke.sourceAccount()).isEqualTo(ACCOUNT);
        assertThat(invoke.accountId()).isEqualTo(ACCOUNT);
        assertThat(invoke.region()).isEqualTo("us-east-1");

        JsonNode event = Json.parse(lambda.payloads(FUNCTION).get(0));
        assertThat(fieldNames(event)).containsExactly("version", "id", "detail-type", "source", "account", "time",
                "region", "resources", "detail");
        assertThat(event.get("version").asText()).isEqualTo("0");
        assertThat(event.get("id").asText()).isEqualTo(put.entries().get(0).eventId());
        assertThat(event.get("detail-type").asText()).isEqualTo("Order Placed");
        assertThat(event.get("source").asText()).isEqualTo("com.example.orders");
        assertThat(event.get("account").asText()).isEqualTo(ACCOUNT);
        assertThat(event.get("time").asText()).isEqualTo("2024-05-06T07:08:09Z");
        assertThat(event.get("region").asText()).isEqualTo("us-east-1");
        assertThat(event.get("resources").get(0).asText()).endsWith(":table/orders");
        assertThat(event.get("detail")).isEqualTo(Json.parse("{\"orderId\":\"o-1\",\"total\":12.5}"));

        EventRecord record = recorded().get(0);
        assertThat(record.busArn()).isEqualTo("arn:aws:events:us-east-1:" + ACCOUNT + ":event-bus/default");
        assertThat(record.event()).isEqualTo(event);
        assertThat(record.deliveries()).singleElement().satisfies(d -> {
            assertThat(d.delivered()).isTrue();
            assertThat(d.ruleArn()).isEqualTo(ruleArn);
            assertThat(d.targetId()).isEqualTo("fn");
            assertThat(d.input()).isEqualTo(lambda.payloads(FUNCTION).get(0));
        });
    }

    @Test
    void everyTargetOfEveryMatchingRuleGetsItsOwnInput() throws Exception {
        putRule("orders", ORDERS);
        putRule("big-orders", "{\"detail\":{\"total\":[{\"numeric\":[\">\",100]}]}}");
        putRule("billing", "{\"source\":[\"com.example.billing\"]}");
        String other = FUNCTION + "-audit";
        putTarget("orders", Target.builder().id("whole").arn(FUNCTION).build());
        putTarget("orders", Target.builder().id("detail").arn(other).inputPath("$.detail").build());
        putTarget("big-orders", Target.builder().id("constant").arn(other).input("{\"alert\":\"big\"}").build());
        putTarget("billing", Target.builder().id("never").arn(other).build());

        events.putEvents(r -> r.entries(order("{\"total\":250}")));
        awaitIdle();

        // Rules deliver in parallel (AWS orders nothing across rules); one rule's targets in their order.
        List<EventRecord.TargetDelivery> deliveries = recorded().get(0).deliveries();
        assertThat(deliveries).extracting(EventRecord.TargetDelivery::targetId)
                .containsExactlyInAnyOrder("constant", "whole", "detail");
        assertThat(deliveries).extracting(EventRecord.TargetDelivery::targetId).filteredOn(id -> !id.equals("constant"))
                .containsExactly("whole", "detail");
        assertThat(deliveries).allMatch(EventRecord.TargetDelivery::delivered);
        assertThat(lambda.payloads(other)).containsExactlyInAnyOrder("{\"alert\":\"big\"}", "{\"total\":250}");
    }

    @Test
    void aDisabledRuleNeverFires() {
        putRule("orders", ORDERS);
        putTarget("orders", Target.builder().id("fn").arn(FUNCTION).build());
        events.disableRule(r -> r.name("orders"));

        events.putEvents(r -> r.entries(order("{}")));
        awaitIdle();
        assertThat(lambda.invocations()).isEmpty();
        assertThat(recorded()).singleElement().satisfies(rec -> assertThat(rec.deliveries()).isEmpty());

        events.enableRule(r -> r.name("orders"));
        events.putEvents(r -> r.entries(order("{}")));
        awaitIdle();
        assertThat(lambda.invocations()).hasSize(1);
    }

    @Test
    void anEventNoRuleMatchesIsRecordedWithoutDeliveries() {
        putRule("orders", ORDERS);
        putTarget("orders", Target.builder().id("fn").arn(FUNCTION).build());
        events.putEvents(r -> r.entries(PutEventsRequestEntry.builder().source("com.example.other")
                .detailType("Something").detail("{}").build()));
        awaitIdle();
        assertThat(recorded()).singleElement().satisfies(rec -> assertThat(rec.deliveries()).isEmpty());
        assertThat(lambda.invocations()).isEmpty();
    }

    @Test
    void aRefusedInvocationIsAVisibleFailedDelivery() {
        putRule("orders", ORDERS);
        putTarget("orders", Target.builder().id("fn").arn(FUNCTION).build());
        lambda.refuse(FUNCTION, "AccessDeniedException",
                "The resource policy of remediate does not allow events.amazonaws.com to invoke it.");

        events.putEvents(r -> r.entries(order("{}")));
        awaitIdle();

        assertThat(recorded().get(0).deliveries()).singleElement().satisfies(d -> {
            assertThat(d.delivered()).isFalse();
            assertThat(d.errorCode()).isEqualTo("AccessDeniedException");
            assertThat(d.errorMessage()).contains("does not allow events.amazonaws.com");
            assertThat(d.input()).contains("\"source\":\"com.example.orders\"");
        });
    }

    @Test
    void noLambdaServiceIsAFailedDeliveryNotACrash() {
        putRule("orders", ORDERS);
        putTarget("orders", Target.builder().id("fn").arn(FUNCTION).build());
        lambda.fail(FUNCTION, new NoHandlerException(InvokeFunction.class));

        events.putEvents(r -> r.entries(order("{}"), order("{}")));
        awaitIdle();

        assertThat(recorded()).hasSize(2).allSatisfy(rec -> assertThat(rec.deliveries()).singleElement()
                .satisfies(d -> assertThat(d.errorCode()).isEqualTo("ServiceUnavailable")));
    }

    @Test
    void redeliverySendsTheIdenticalEventAgain() {
        putRule("orders", ORDERS);
        putTarget("orders", Target.builder().id("fn").arn(FUNCTION).build());
        String id = events.putEvents(r -> r.entries(order("{\"orderId\":\"o-1\"}"))).entries().get(0).eventId();
        awaitIdle();

        EventRecord again = control().redeliver(id);

        assertThat(again.eventId()).isEqualTo(id);
        assertThat(again.deliveries()).singleElement().satisfies(d -> assertThat(d.delivered()).isTrue());
        assertThat(recorded()).extracting(EventRecord::eventId).containsExactly(id, id);
        assertThat(recorded().get(1).event()).isEqualTo(recorded().get(0).event());
        assertThat(lambda.payloads(FUNCTION)).hasSize(2).allSatisfy(p -> assertThat(p).contains(id));
        assertThat(lambda.payloads(FUNCTION).get(1)).isEqualTo(lambda.payloads(FUNCTION).get(0));
        assertThatThrownBy(() -> control().redeliver("no-such-id")).isInstanceOf(IllegalArgumentException.class);
    }

    /** The spine: an alarm transition from CloudWatch, transformed to the instance id, reaches the remediation. */
    @Test
    void aServiceEventReachesTheRemediationTransformed() throws Exception {
        putRule("ec2-cpu-high", EventBridgePatternTest.SPINE_PATTERN);
        putTarget("ec2-cpu-high", Target.builder().id("remediate").arn(FUNCTION).inputTransformer(t -> t
                .inputPathsMap(Map.of("instance_id",
                        "$.detail.configuration.metrics[0].metricStat.metric.dimensions.InstanceId"))
                .inputTemplate("{\"instance_id\": <instance_id>}")).build());
        ObjectNode sample = EventBridgePatternTest.referenceAlarm();
        ObjectNode detail = (ObjectNode) sample.get("detail");
        detail.put("alarmName", "EC2-CPU-High-i-12345678901234567");
        Instant at = Instant.parse("2019-10-02T17:04:40.123Z");

        lambda.publish(new ServiceEvent(ACCOUNT, "us-east-1", "aws.cloudwatch", "CloudWatch Alarm State Change",
                List.of("arn:aws:cloudwatch:us-east-1:" + ACCOUNT + ":alarm:EC2-CPU-High-i-12345678901234567"),
                detail, at));
        awaitIdle();

        assertThat(lambda.payloads(FUNCTION)).hasSize(1);
        assertThat(Json.parse(lambda.payloads(FUNCTION).get(0)))
                .isEqualTo(Json.parse("{\"instance_id\": \"i-12345678901234567\"}"));
        EventRecord record = recorded().get(0);
        assertThat(record.event().get("source").asText()).isEqualTo("aws.cloudwatch");
        assertThat(record.event().get("time").asText()).isEqualTo("2019-10-02T17:04:40Z");
        assertThat(record.event().get("detail")).isEqualTo(detail);
        assertThat(fieldNames(record.event())).containsExactly("version", "id", "detail-type", "source", "account",
                "time", "region", "resources", "detail");
    }

    @Test
    void aServiceEventInAnotherRegionReachesThatRegionsBusOnly() {
        putRule("ec2-cpu-high", EventBridgePatternTest.SPINE_PATTERN);
        putTarget("ec2-cpu-high", Target.builder().id("remediate").arn(FUNCTION).build());
        lambda.publish(new ServiceEvent(ACCOUNT, "eu-west-1", "aws.cloudwatch", "CloudWatch Alarm State Change",
                List.of(), Json.object().put("alarmName", "EC2-CPU-High-x"), Instant.now()));
        awaitIdle();
        assertThat(lambda.invocations()).isEmpty();
        assertThat(recorded()).singleElement().satisfies(rec -> assertThat(rec.busArn())
                .isEqualTo("arn:aws:events:eu-west-1:" + ACCOUNT + ":event-bus/default"));
    }

    @Test
    void aMalformedJsonBodyIsSerializationException() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(emulator.endpoint())
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSEvents.PutEvents")
                .POST(HttpRequest.BodyPublishers.ofString("{\"Entries\": [")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).contains("SerializationException");
        assertThat(r.body()).contains("\"__type\":\"SerializationException\"");
    }

    @Test
    void theEventLogIsBounded() {
        EventLog log = new EventLog(3);
        EventBus bus = new EventBus("default", ACCOUNT, "us-east-1");
        for (int i = 1; i <= 5; i++) {
            ObjectNode event = Json.object().put("id", "e" + i);
            log.add(new EventRecord("e" + i, bus.arn(), event, Instant.now(), List.of()), bus,
                    EventLog.IN_ARRIVAL_ORDER);
        }
        assertThat(log.records()).extracting(EventRecord::eventId).containsExactly("e3", "e4", "e5");
        assertThat(log.latest("e1")).isNull();
        assertThat(log.latest("e5")).isNotNull();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
