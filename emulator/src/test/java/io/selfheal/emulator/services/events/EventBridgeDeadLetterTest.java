package io.selfheal.emulator.services.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.control.EventRecord.TargetDelivery;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.messages.SendToQueue;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * RetryPolicy and DeadLetterConfig ("Event retry policy and using dead-letter queues"): retriable failures are
 * retried (MaximumRetryAttempts times), permission and missing-resource failures are not, and an event that could
 * not be delivered goes to the target's dead-letter queue with RULE_ARN, TARGET_ARN, ERROR_CODE, ERROR_MESSAGE,
 * RETRY_ATTEMPTS (and, when a limit ended the retries, EXHAUSTED_RETRY_CONDITION). On this real clock the retries
 * wait a 10 ms backoff, and a waiting retry counts as in-flight work: {@code putEvent}'s wait for idle covers them.
 * The backoff schedule on the virtual clock is {@link EventBridgeRetryTest}'s.
 */
class EventBridgeDeadLetterTest extends EventBridgeTargetTestBase {
    String ruleArn;

    @BeforeEach
    void aRule() {
        ruleArn = putRule("remediate", PATTERN);
    }

    @Test
    void retryPolicyAndDeadLetterConfigAreListed() {
        putTarget("remediate", Target.builder().id("fn").arn(FUNCTION)
                .retryPolicy(p -> p.maximumRetryAttempts(2).maximumEventAgeInSeconds(3600))
                .deadLetterConfig(d -> d.arn(DLQ)).build());
        Target listed = events.listTargetsByRule(r -> r.rule("remediate")).targets().get(0);
        assertThat(listed.retryPolicy().maximumRetryAttempts()).isEqualTo(2);
        assertThat(listed.retryPolicy().maximumEventAgeInSeconds()).isEqualTo(3600);
        assertThat(listed.deadLetterConfig().arn()).isEqualTo(DLQ);
    }

    @Test
    void aPermissionFailureGoesToTheQueueWithoutRetries() throws Exception {
        lambda.refuse(FUNCTION, "AccessDeniedException", "The function policy does not allow events.amazonaws.com.");
        putTarget("remediate", Target.builder().id("fn").arn(FUNCTION).retryPolicy(p -> p.maximumRetryAttempts(5))
                .deadLetterConfig(d -> d.arn(DLQ)).build());

        String id = putEvent("{\"instance\":\"i-1\"}");

        assertThat(lambda.invocations()).hasSize(1);
        TargetDelivery failed = deliveries(id).get(0);
        assertThat(deliveries(id)).hasSize(1);
        assertThat(failed.errorCode()).isEqualTo("AccessDeniedException");
        assertThat(failed.errorMessage()).endsWith("(sent to dead-letter queue " + DLQ + ")");
        SendToQueue dead = services.messages(DLQ).get(0);
        assertThat(Json.parse(dead.body()).path("id").asText()).as("the event as it reached the bus").isEqualTo(id);
        assertThat(dead.principal()).isEqualTo("events.amazonaws.com");
        assertThat(dead.sourceArn()).isEqualTo(ruleArn);
        assertThat(dead.attributes()).containsEntry("RULE_ARN", ruleArn).containsEntry("TARGET_ARN", FUNCTION)
                .containsEntry("ERROR_CODE", "NO_PERMISSIONS").containsEntry("RETRY_ATTEMPTS", "0")
                .doesNotContainKey("EXHAUSTED_RETRY_CONDITION");
        assertThat(dead.attributes().get("ERROR_MESSAGE")).startsWith("AccessDeniedException: The function policy");
    }

    @Test
    void aThrottledTargetIsRetriedThenDeadLettered() {
        lambda.refuse(FUNCTION, "TooManyRequestsException", "Rate exceeded");
        putTarget("remediate", Target.builder().id("fn").arn(FUNCTION).retryPolicy(p -> p.maximumRetryAttempts(2))
                .deadLetterConfig(d -> d.arn(DLQ)).build());

        String id = putEvent("{}");

        assertThat(lambda.invocations()).hasSize(3);
        List<TargetDelivery> attempts = deliveries(id);
        assertThat(attempts).hasSize(3).allSatisfy(a -> assertThat(a.errorCode()).isEqualTo("TooManyRequestsException"));
        assertThat(services.messages(DLQ)).singleElement().satisfies(m -> assertThat(m.attributes())
                .containsEntry("ERROR_CODE", "THROTTLING")
                .containsEntry("EXHAUSTED_RETRY_CONDITION", "MaximumRetryAttempts")
                .containsEntry("RETRY_ATTEMPTS", "2"));
    }

    @Test
    void aRetryThatSucceedsIsDeliveredAndNothingIsDeadLettered() {
        services.refuse(QUEUE, 2, "InternalFailure", "try again");
        putTarget("remediate", Target.builder().id("q").arn(QUEUE).retryPolicy(p -> p.maximumRetryAttempts(3))
                .deadLetterConfig(d -> d.arn(DLQ)).build());
        String id = putEvent("{}");
        assertThat(deliveries(id)).extracting(TargetDelivery::delivered).containsExactly(false, false, true);
        assertThat(services.messages(QUEUE)).hasSize(3);
        assertThat(services.messages(DLQ)).isEmpty();
    }

    @Test
    void maximumRetryAttemptsZeroMeansOneAttempt() {
        lambda.refuse(FUNCTION, "TooManyRequestsException", "Rate exceeded");
        putTarget("remediate", Target.builder().id("fn").arn(FUNCTION).retryPolicy(p -> p.maximumRetryAttempts(0))
                .deadLetterConfig(d -> d.arn(DLQ)).build());
        String id = putEvent("{}");
        assertThat(deliveries(id)).hasSize(1);
        assertThat(services.messages(DLQ)).singleElement().satisfies(m -> assertThat(m.attributes())
                .containsEntry("EXHAUSTED_RETRY_CONDITION", "MaximumRetryAttempts")
                .containsEntry("RETRY_ATTEMPTS", "0"));
    }

    @Test
    void aDeadLetterQueueThatRefusesIsNoted() {
        lambda.refuse(FUNCTION, "ResourceNotFoundException", "Function not found");
        services.refuse(DLQ, "AccessDeniedException", "The queue policy does not allow events.amazonaws.com.");
        putTarget("remediate", Target.builder().id("fn").arn(FUNCTION).deadLetterConfig(d -> d.arn(DLQ)).build());
        String id = putEvent("{}");
        assertThat(deliveries(id)).singleElement().satisfies(d -> assertThat(d.errorMessage())
                .contains("dead-letter queue " + DLQ + " refused it: AccessDeniedException"));
        assertThat(services.messages(DLQ).get(0).attributes()).containsEntry("ERROR_CODE", "NO_RESOURCE");
    }

    @Test
    void theDeadLetterQueueIsAStandardQueueAndRetriesStayInRange() {
        assertThatThrownBy(() -> events.putTargets(r -> r.rule("remediate").targets(Target.builder().id("fn")
                .arn(FUNCTION).deadLetterConfig(d -> d.arn(DLQ + ".fifo")).build())))
                .isInstanceOf(EventBridgeException.class).hasMessageContaining("must be a standard SQS queue");
        assertThatThrownBy(() -> events.putTargets(r -> r.rule("remediate").targets(Target.builder().id("fn")
                .arn(FUNCTION).retryPolicy(p -> p.maximumRetryAttempts(186)).build())))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("'targets.1.member.retryPolicy.maximumRetryAttempts' failed to satisfy "
                        + "constraint: Member must have value less than or equal to 185");
        assertThatThrownBy(() -> events.putTargets(r -> r.rule("remediate").targets(Target.builder().id("fn")
                .arn(FUNCTION).retryPolicy(p -> p.maximumEventAgeInSeconds(59)).build())))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("Member must have value greater than or equal to 60");
    }
}
