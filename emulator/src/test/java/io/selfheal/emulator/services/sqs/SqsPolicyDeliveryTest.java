package io.selfheal.emulator.services.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.messages.Delivery;
import io.selfheal.emulator.messages.SendToQueue;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Deliveries over the bus ({@link SendToQueue}), as EventBridge and SNS make them. AWS requires the queue policy to
 * allow the service principal ("Amazon SQS permissions", EventBridge User Guide): without it nothing arrives.
 */
class SqsPolicyDeliveryTest extends SqsTestBase {
    private static final String RULE = "arn:aws:events:us-east-1:123456789012:rule/heal";

    private static Delivery deliver(String queueArn, String principal, String sourceArn) {
        return busAsk(new SendToQueue(queueArn, "{\"detail\":1}", Map.of("source", "aws.ec2"), null, null,
                principal, sourceArn));
    }

    private static Delivery busAsk(SendToQueue send) {
        return AWS.bus().bus().ask(send);
    }

    private static String policy(String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"events.amazonaws.com\"},\"Action\":\"sqs:SendMessage\","
                + "\"Resource\":\"*\"" + condition + "}]}";
    }

    @Test
    void aServiceDeliveryWithoutAQueuePolicyIsRefused() {
        String url = createQueue(unique("nopolicy"));
        Delivery d = deliver(arnOf(url), "events.amazonaws.com", RULE);
        assertThat(d.accepted()).isFalse();
        assertThat(d.errorCode()).isEqualTo("AccessDeniedException");
        assertThat(approximate(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isZero();
    }

    @Test
    void aPolicyAllowingEventBridgeForTheRuleLetsTheMessageIn() {
        String url = createQueue(unique("policy"), Map.of(QueueAttributeName.POLICY,
                policy(",\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":\"" + RULE + "\"}}")));
        Delivery d = deliver(arnOf(url), "events.amazonaws.com", RULE);
        assertThat(d.accepted()).isTrue();
        Message m = sqs.receiveMessage(b -> b.queueUrl(url).messageAttributeNames("All")).messages().get(0);
        assertThat(m.messageId()).isEqualTo(d.id());
        assertThat(m.body()).isEqualTo("{\"detail\":1}");
        assertThat(m.messageAttributes().get("source").stringValue()).isEqualTo("aws.ec2");
    }

    @Test
    void theConditionMustMatchTheSendingRule() {
        String url = createQueue(unique("otherrule"), Map.of(QueueAttributeName.POLICY,
                policy(",\"Condition\":{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:events:*:*:rule/other-*\"}}")));
        assertThat(deliver(arnOf(url), "events.amazonaws.com", RULE).errorCode()).isEqualTo("AccessDeniedException");
        assertThat(deliver(arnOf(url), "events.amazonaws.com",
                "arn:aws:events:us-east-1:123456789012:rule/other-1").accepted()).isTrue();
    }

    @Test
    void anExplicitDenyWinsAndOtherPrincipalsAreNotAllowed() {
        String url = createQueue(unique("deny"), Map.of(QueueAttributeName.POLICY, "{\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sqs:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Principal\":{\"Service\":\"sns.amazonaws.com\"},\"Action\":\"sqs:SendMessage\","
                + "\"Resource\":\"*\"}]}"));
        assertThat(deliver(arnOf(url), "events.amazonaws.com", RULE).accepted()).isTrue();
        assertThat(deliver(arnOf(url), "sns.amazonaws.com", "arn:aws:sns:us-east-1:123456789012:t").accepted())
                .isFalse();
    }

    /**
     * The policy engine's negated operators and SourceAccount (the confused-deputy guard of "Amazon SQS policy
     * examples", https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-creating-custom-policies-access-policy-examples.html):
     * a Deny with ArnNotEquals refuses every rule but the named one; the old evaluator never applied it.
     */
    @Test
    void aDenyOnEveryOtherRuleAndAnAccountConditionAreEvaluated() {
        String url = createQueue(unique("guarded"), Map.of(QueueAttributeName.POLICY, "{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"events.amazonaws.com\"},"
                + "\"Action\":\"sqs:SendMessage\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
                + "{\"aws:SourceAccount\":\"123456789012\"}}},{\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"sqs:SendMessage\",\"Resource\":\"*\",\"Condition\":{\"ArnNotEquals\":"
                + "{\"aws:SourceArn\":\"" + RULE + "\"}}}]}"));
        assertThat(deliver(arnOf(url), "events.amazonaws.com", RULE).accepted()).isTrue();
        assertThat(deliver(arnOf(url), "events.amazonaws.com", "arn:aws:events:us-east-1:123456789012:rule/other")
                .errorCode()).isEqualTo("AccessDeniedException");
        assertThat(deliver(arnOf(url), "events.amazonaws.com", "arn:aws:events:us-east-1:210987654321:rule/heal")
                .errorCode()).isEqualTo("AccessDeniedException");
    }

    @Test
    void deliveriesWithinTheAccountNeedNoPolicyAndMissingQueuesAreRefused() {
        String url = createQueue(unique("internal"));
        assertThat(deliver(arnOf(url), null, null).accepted()).isTrue();
        assertThat(deliver("arn:aws:sqs:us-east-1:123456789012:nope", null, null).errorCode())
                .isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
    }

    @Test
    void fifoDeliveriesNeedAGroup() {
        String url = createQueue(unique("bus") + ".fifo", Map.of(QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true"));
        assertThat(deliver(arnOf(url), null, null).errorCode()).isEqualTo("MissingParameter");
        assertThat(busAsk(new SendToQueue(arnOf(url), "x", Map.of(), "g", null, null, null)).accepted()).isTrue();
    }
}
