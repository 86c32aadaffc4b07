package io.selfheal.emulator.services.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.control.EventRecord.TargetDelivery;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.messages.SendToQueue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** SQS queues as targets ("Amazon EventBridge targets"; SqsParameters in the API reference). */
class EventBridgeSqsTargetTest extends EventBridgeTargetTestBase {
    static final String FIFO = "arn:aws:sqs:us-east-1:" + ACCOUNT + ":alarms.fifo";
    String ruleArn;

    @BeforeEach
    void aRule() {
        ruleArn = putRule("to-queue", PATTERN);
    }

    @Test
    void theQueueReceivesTheEventAsEventBridge() throws Exception {
        putTarget("to-queue", Target.builder().id("q").arn(QUEUE).build());
        String id = putEvent("{\"instance\":\"i-1\"}");

        List<SendToQueue> sent = services.messages(QUEUE);
        assertThat(sent).hasSize(1);
        SendToQueue message = sent.get(0);
        assertThat(Json.parse(message.body()).path("id").asText()).isEqualTo(id);
        assertThat(Json.parse(message.body()).path("detail").path("instance").asText()).isEqualTo("i-1");
        // The queue policy decides on the service principal and the rule as source ARN.
        assertThat(message.principal()).isEqualTo("events.amazonaws.com");
        assertThat(message.sourceArn()).isEqualTo(ruleArn);
        assertThat(message.messageGroupId()).isNull();
        assertThat(message.deduplicationId()).isNull();
        assertThat(deliveries(id)).singleElement().satisfies(d -> {
            assertThat(d.delivered()).isTrue();
            assertThat(d.targetArn()).isEqualTo(QUEUE);
        });
    }

    @Test
    void theBodyIsTheTransformedInput() {
        putTarget("to-queue", Target.builder().id("q").arn(QUEUE).inputTransformer(t -> t
                .inputPathsMap(Map.of("instance", "$.detail.instance"))
                .inputTemplate("{\"reboot\": <instance>}")).build());
        putEvent("{\"instance\":\"i-1\"}");
        assertThat(services.messages(QUEUE)).singleElement()
                .satisfies(m -> assertThat(m.body()).isEqualTo("{\"reboot\": \"i-1\"}"));
    }

    /** API reference, Target: SqsParameters "Contains the message group ID to use when the target is a FIFO queue". */
    @Test
    void aFifoQueueNeedsAMessageGroupId() {
        assertThatThrownBy(() -> events.putTargets(r -> r.rule("to-queue")
                .targets(Target.builder().id("fifo").arn(FIFO).build())))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("Parameter(s) SqsParameters must be specified for target: fifo.");
        assertThat(events.listTargetsByRule(r -> r.rule("to-queue")).targets()).isEmpty();
    }

    @Test
    void aFifoQueueGetsTheGroupAndTheEventIdAsDeduplicationId() {
        putTarget("to-queue", Target.builder().id("fifo").arn(FIFO).sqsParameters(p -> p.messageGroupId("alarms"))
                .build());
        assertThat(events.listTargetsByRule(r -> r.rule("to-queue")).targets().get(0).sqsParameters()
                .messageGroupId()).isEqualTo("alarms");
        String id = putEvent("{}");
        control().redeliver(id);

        // Both deliveries carry the event id: the queue deduplicates the redelivery.
        assertThat(services.messages(FIFO)).hasSize(2).allSatisfy(m -> {
            assertThat(m.messageGroupId()).isEqualTo("alarms");
            assertThat(m.deduplicationId()).isEqualTo(id);
        });
    }

    @Test
    void aRefusalByTheQueuePolicyIsAFailedDelivery() {
        services.refuse(QUEUE, "AccessDeniedException", "The queue policy does not allow events.amazonaws.com.");
        putTarget("to-queue", Target.builder().id("q").arn(QUEUE).build());
        String id = putEvent("{}");
        TargetDelivery d = deliveries(id).get(0);
        assertThat(d.delivered()).isFalse();
        assertThat(d.errorCode()).isEqualTo("AccessDeniedException");
        assertThat(d.errorMessage()).contains("does not allow events.amazonaws.com");
    }

    @Test
    void aMalformedQueueArnIsRefusedPerEntry() {
        var put = events.putTargets(r -> r.rule("to-queue").targets(
                Target.builder().id("bad").arn("arn:aws:sqs:us-east-1:" + ACCOUNT + ":bad name").build(),
                Target.builder().id("q").arn(QUEUE).build()));
        assertThat(put.failedEntryCount()).isEqualTo(1);
        assertThat(put.failedEntries().get(0).targetId()).isEqualTo("bad");
        assertThat(events.listTargetsByRule(r -> r.rule("to-queue")).targets()).extracting(Target::id)
                .containsExactly("q");
    }
}
