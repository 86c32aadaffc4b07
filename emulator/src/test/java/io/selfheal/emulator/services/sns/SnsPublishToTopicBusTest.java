package io.selfheal.emulator.services.sns;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.messages.Delivery;
import io.selfheal.emulator.messages.PublishToTopic;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Other services publishing over the bus (an EventBridge target, an alarm action): the topic policy decides, as in
 * "Amazon EventBridge permissions for Amazon SNS targets"; the default policy admits no service principal.
 */
class SnsPublishToTopicBusTest extends SnsTestBase {
    private static final String RULE = "arn:aws:events:us-east-1:123456789012:rule/disk-full";

    private static String allowEventsPolicy(String topic, String effect) {
        return """
                {"Version": "2012-10-17", "Statement": [{
                  "Sid": "events", "Effect": "%s",
                  "Principal": {"Service": "events.amazonaws.com"},
                  "Action": "sns:Publish", "Resource": "%s",
                  "Condition": {"ArnEquals": {"aws:SourceArn": "%s"}}}]}""".formatted(effect, topic, RULE);
    }

    private static Delivery publish(String topic, String principal, String sourceArn) {
        return AWS.bus().bus().ask(new PublishToTopic(topic, "{\"detail\":{}}", null,
                Map.of("source", "aws.events"), principal, sourceArn));
    }

    @Test
    void aMissingTopicIsNotFound() {
        Delivery d = publish("arn:aws:sns:us-east-1:123456789012:nope", "events.amazonaws.com", RULE);
        assertThat(d.accepted()).isFalse();
        assertThat(d.errorCode()).isEqualTo("NotFound");
    }

    @Test
    void theDefaultPolicyRefusesServicePrincipals() {
        String topic = createTopic("alerts");
        Delivery d = publish(topic, "events.amazonaws.com", RULE);
        assertThat(d.accepted()).isFalse();
        assertThat(d.errorCode()).isEqualTo("AuthorizationError");
    }

    @Test
    void aPolicyNamingTheServiceAndSourceAllowsIt() {
        String topic = createTopic("alerts");
        subscribeQueue(topic, "inbox", Map.of("RawMessageDelivery", "true"));
        sns.setTopicAttributes(r -> r.topicArn(topic).attributeName("Policy")
                .attributeValue(allowEventsPolicy(topic, "Allow")));

        Delivery d = publish(topic, "events.amazonaws.com", RULE);
        assertThat(d.accepted()).isTrue();
        awaitIdle();
        assertThat(queues.sent(queueArn("inbox"))).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo("{\"detail\":{}}");
            assertThat(m.attributes()).containsEntry("source", "aws.events");
        });

        assertThat(publish(topic, "events.amazonaws.com", RULE + "-other").errorCode())
                .isEqualTo("AuthorizationError");
        assertThat(publish(topic, "s3.amazonaws.com", RULE).errorCode()).isEqualTo("AuthorizationError");
    }

    @Test
    void anExplicitDenyWins() {
        String topic = createTopic("alerts");
        String policy = allowEventsPolicy(topic, "Deny").replace("[{", "[{\"Effect\": \"Allow\", "
                + "\"Principal\": \"*\", \"Action\": \"sns:*\", \"Resource\": \"" + topic + "\"}, {");
        sns.setTopicAttributes(r -> r.topicArn(topic).attributeName("Policy").attributeValue(policy));
        assertThat(publish(topic, "events.amazonaws.com", RULE).errorCode()).isEqualTo("AuthorizationError");
        assertThat(publish(topic, "cloudwatch.amazonaws.com", RULE).accepted()).isTrue();
    }

    @Test
    void aPublishWithinTheAccountIsNotChecked() {
        String topic = createTopic("alerts");
        subscribeQueue(topic, "inbox", Map.of());
        Delivery d = publish(topic, null, null);
        assertThat(d.accepted()).isTrue();
        assertThat(d.id()).isNotBlank();
        awaitIdle();
        assertThat(queues.sent(queueArn("inbox"))).hasSize(1);
    }
}
