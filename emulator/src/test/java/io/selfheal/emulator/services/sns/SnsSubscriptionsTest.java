package io.selfheal.emulator.services.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.Subscription;

/** Subscribe … Unsubscribe through the SDK, with AWS's confirmation rules per protocol. */
class SnsSubscriptionsTest extends SnsTestBase {

    @Test
    void queueSubscriptionsAreConfirmedAtOnce() {
        String topic = createTopic("alerts");
        String arn = subscribeQueue(topic, "inbox", Map.of());
        assertThat(arn).startsWith(topic + ":");
        assertThat(sns.listSubscriptionsByTopic(r -> r.topicArn(topic)).subscriptions()).singleElement()
                .satisfies(s -> {
                    assertThat(s.subscriptionArn()).isEqualTo(arn);
                    assertThat(s.protocol()).isEqualTo("sqs");
                    assertThat(s.endpoint()).isEqualTo(queueArn("inbox"));
                    assertThat(s.owner()).isEqualTo(ACCOUNT);
                    assertThat(s.topicArn()).isEqualTo(topic);
                });
        assertThat(sns.getSubscriptionAttributes(r -> r.subscriptionArn(arn)).attributes())
                .containsEntry("PendingConfirmation", "false").containsEntry("RawMessageDelivery", "false")
                .containsEntry("Protocol", "sqs").containsEntry("TopicArn", topic)
                .containsEntry("SubscriptionArn", arn);
        assertThat(sns.getTopicAttributes(r -> r.topicArn(topic)).attributes())
                .containsEntry("SubscriptionsConfirmed", "1");
    }

    @Test
    void subscribeIsIdempotentButWillNotChangeAttributes() {
        String topic = createTopic("alerts");
        String arn = subscribeQueue(topic, "inbox", Map.of("RawMessageDelivery", "true"));
        assertThat(subscribeQueue(topic, "inbox", Map.of("RawMessageDelivery", "true"))).isEqualTo(arn);
        assertThatThrownBy(() -> subscribeQueue(topic, "inbox", Map.of("RawMessageDelivery", "false")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Subscription already exists with different attributes");
    }

    @Test
    void emailSubscriptionsWaitForConfirmation() {
        String topic = createTopic("alerts");
        // Without ReturnSubscriptionArn, SNS answers the literal "pending confirmation".
        assertThat(sns.subscribe(r -> r.topicArn(topic).protocol("email").endpoint("ops@example.com"))
                .subscriptionArn()).isEqualTo("pending confirmation");
        String arn = sns.subscribe(r -> r.topicArn(topic).protocol("email-json").endpoint("ops@example.com")
                .returnSubscriptionArn(true)).subscriptionArn();
        assertThat(arn).startsWith(topic + ":");
        assertThat(sns.listSubscriptions().subscriptions()).extracting(Subscription::subscriptionArn)
                .containsOnly("PendingConfirmation");
        assertThat(sns.getSubscriptionAttributes(r -> r.subscriptionArn(arn)).attributes())
                .containsEntry("PendingConfirmation", "true");
        assertThat(sns.getTopicAttributes(r -> r.topicArn(topic)).attributes())
                .containsEntry("SubscriptionsPending", "2");
    }

    @Test
    void subscribeValidatesProtocolAndEndpoint() {
        String topic = createTopic("alerts");
        assertThatThrownBy(() -> sns.subscribe(r -> r.topicArn(topic).protocol("pigeon").endpoint("x")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("does not support this protocol string: pigeon");
        assertThatThrownBy(() -> sns.subscribe(r -> r.topicArn(topic).protocol("sqs").endpoint("inbox")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("SQS endpoint ARN");
        assertThatThrownBy(() -> sns.subscribe(r -> r.topicArn(topic).protocol("lambda").endpoint("fn")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Lambda endpoint ARN");
        assertThatThrownBy(() -> sns.subscribe(r -> r.topicArn(topic).protocol("https")
                .endpoint("http://example.com/hook"))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> subscribeQueue(topic, "orders.fifo", Map.of()))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("FIFO SQS Queues can not be subscribed to standard SNS topics");
        assertThatThrownBy(() -> sns.subscribe(r -> r.topicArn(topic + "-missing").protocol("sqs")
                .endpoint(queueArn("inbox")))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void subscriptionAttributesAreValidated() {
        String topic = createTopic("alerts");
        String arn = subscribeQueue(topic, "inbox", Map.of());
        sns.setSubscriptionAttributes(r -> r.subscriptionArn(arn).attributeName("RawMessageDelivery")
                .attributeValue("true"));
        assertThat(sns.getSubscriptionAttributes(r -> r.subscriptionArn(arn)).attributes())
                .containsEntry("RawMessageDelivery", "true");
        assertThatThrownBy(() -> sns.setSubscriptionAttributes(r -> r.subscriptionArn(arn)
                .attributeName("Protocol").attributeValue("http"))).isInstanceOf(InvalidParameterException.class);
        String lambda = sns.subscribe(r -> r.topicArn(topic).protocol("lambda")
                .endpoint("arn:aws:lambda:us-east-1:123456789012:function:fn")).subscriptionArn();
        assertThatThrownBy(() -> sns.setSubscriptionAttributes(r -> r.subscriptionArn(lambda)
                .attributeName("RawMessageDelivery").attributeValue("true")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("does not support raw message delivery");
    }

    @Test
    void unsubscribeRemovesTheSubscription() {
        String topic = createTopic("alerts");
        String arn = subscribeQueue(topic, "inbox", Map.of());
        sns.unsubscribe(r -> r.subscriptionArn(arn));
        assertThat(sns.listSubscriptions().subscriptions()).isEmpty();
        assertThatThrownBy(() -> sns.getSubscriptionAttributes(r -> r.subscriptionArn(arn)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("Subscription does not exist");
        assertThat(sns.getTopicAttributes(r -> r.topicArn(topic)).attributes())
                .containsEntry("SubscriptionsDeleted", "1");
    }

    @Test
    void confirmSubscriptionRefusesUnknownTokens() {
        String topic = createTopic("alerts");
        assertThatThrownBy(() -> sns.confirmSubscription(r -> r.topicArn(topic).token("nope")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Token");
    }

    @Test
    void fifoTopicsAcceptOnlyQueues() {
        String topic = sns.createTopic(r -> r.name("orders.fifo").attributes(Map.of("FifoTopic", "true")))
                .topicArn();
        assertThat(subscribeQueue(topic, "orders.fifo", Map.of())).startsWith(topic);
        assertThatThrownBy(() -> sns.subscribe(r -> r.topicArn(topic).protocol("https")
                .endpoint("https://example.com/hook"))).isInstanceOf(InvalidParameterException.class);
    }
}
