package io.selfheal.emulator.services.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Filter policies, with the examples of the AWS pages "Amazon SNS message filtering", "Filter policy constraints"
 * and the per-operator pages (exact, prefix, anything-but, numeric, exists, $or, MessageBody scope).
 */
class SnsFilterPolicyTest extends SnsTestBase {
    /** The "Amazon SNS example filter policies" page's message attributes. */
    private static Map<String, MessageAttributeValue> docAttributes(String price) {
        Map<String, MessageAttributeValue> a = new LinkedHashMap<>();
        a.put("store", string("example_corp"));
        a.put("event", string("order_placed"));
        a.put("customer_interests", stringArray("[\"soccer\", \"rugby\", \"hockey\"]"));
        a.put("price_usd", number(price));
        return a;
    }

    private static boolean delivered(String policy, Map<String, MessageAttributeValue> attributes) {
        return delivered(policy, null, "a message", attributes);
    }

    /** Subscribes a fresh queue with the policy, publishes once, and tells whether the queue got the message. */
    private static boolean delivered(String policy, String scope, String body,
                                     Map<String, MessageAttributeValue> attributes) {
        String topic = createTopic("filtered");
        String queue = "q-" + Math.abs(policy.hashCode()) + "-" + System.nanoTime();
        Map<String, String> subscription = new LinkedHashMap<>();
        subscription.put("FilterPolicy", policy);
        if (scope != null) {
            subscription.put("FilterPolicyScope", scope);
        }
        subscribeQueue(topic, queue, subscription);
        sns.publish(r -> r.topicArn(topic).message(body).messageAttributes(attributes));
        awaitIdle();
        return !queues.sent(queueArn(queue)).isEmpty();
    }

    @Test
    void theDocumentedExamplePolicyMatchesTheDocumentedMessage() {
        String policy = """
                {"store": ["example_corp"],
                 "event": [{"anything-but": "order_cancelled"}],
                 "customer_interests": ["rugby", "football", "baseball"],
                 "price_usd": [{"numeric": [">=", 100]}]}""";
        assertThat(delivered(policy, docAttributes("210.75"))).isTrue();
        assertThat(delivered(policy, docAttributes("99.5"))).isFalse();
    }

    @Test
    void exactStringMatchingIsCaseSensitive() {
        assertThat(delivered("{\"store\": [\"example_corp\"]}", docAttributes("1"))).isTrue();
        assertThat(delivered("{\"store\": [\"Example_Corp\"]}", docAttributes("1"))).isFalse();
        assertThat(delivered("{\"store\": [{\"equals-ignore-case\": \"EXAMPLE_CORP\"}]}", docAttributes("1")))
                .isTrue();
    }

    @Test
    void prefixAndSuffixMatching() {
        assertThat(delivered("{\"event\": [{\"prefix\": \"order\"}]}", docAttributes("1"))).isTrue();
        assertThat(delivered("{\"event\": [{\"prefix\": \"refund\"}]}", docAttributes("1"))).isFalse();
        assertThat(delivered("{\"event\": [{\"suffix\": \"_placed\"}]}", docAttributes("1"))).isTrue();
    }

    @Test
    void anythingButMatching() {
        assertThat(delivered("{\"event\": [{\"anything-but\": [\"order_cancelled\", \"order_failed\"]}]}",
                docAttributes("1"))).isTrue();
        assertThat(delivered("{\"event\": [{\"anything-but\": \"order_placed\"}]}", docAttributes("1"))).isFalse();
        assertThat(delivered("{\"event\": [{\"anything-but\": {\"prefix\": \"order\"}}]}", docAttributes("1")))
                .isFalse();
    }

    @Test
    void numericRangesMatchOnlyNumberAttributes() {
        String range = "{\"price_usd\": [{\"numeric\": [\">\", 0, \"<=\", 150]}]}";
        assertThat(delivered(range, docAttributes("149.99"))).isTrue();
        assertThat(delivered(range, docAttributes("150.01"))).isFalse();
        assertThat(delivered("{\"price_usd\": [{\"numeric\": [\"=\", 301.5]}]}", docAttributes("3.015e2"))).isTrue();
        // The same digits as a String attribute are not a number to SNS.
        assertThat(delivered(range, Map.of("price_usd", string("100")))).isFalse();
    }

    @Test
    void existsMatching() {
        assertThat(delivered("{\"store\": [{\"exists\": true}]}", docAttributes("1"))).isTrue();
        assertThat(delivered("{\"encrypted\": [{\"exists\": false}]}", docAttributes("1"))).isTrue();
        assertThat(delivered("{\"store\": [{\"exists\": false}]}", docAttributes("1"))).isFalse();
    }

    @Test
    void everyKeyMustMatchUnlessJoinedByOr() {
        assertThat(delivered("{\"store\": [\"example_corp\"], \"event\": [\"order_cancelled\"]}",
                docAttributes("1"))).isFalse();
        assertThat(delivered("{\"$or\": [{\"store\": [\"example_corp\"]}, {\"event\": [\"order_cancelled\"]}]}",
                docAttributes("1"))).isTrue();
    }

    @Test
    void aStringArrayMatchesWhenAnyElementMatches() {
        assertThat(delivered("{\"customer_interests\": [\"hockey\"]}", docAttributes("1"))).isTrue();
        assertThat(delivered("{\"customer_interests\": [\"golf\"]}", docAttributes("1"))).isFalse();
    }

    @Test
    void messageBodyScopeMatchesTheJsonPayloadIncludingNestedKeys() {
        String body = "{\"store\": \"example_corp\", \"customer\": {\"interests\": [\"rugby\", \"hockey\"]}}";
        String policy = "{\"customer\": {\"interests\": [\"rugby\"]}}";
        assertThat(delivered(policy, "MessageBody", body, Map.of())).isTrue();
        assertThat(delivered("{\"customer\": {\"interests\": [\"golf\"]}}", "MessageBody", body, Map.of()))
                .isFalse();
        assertThat(delivered(policy, "MessageBody", "not json", Map.of())).isFalse();
    }

    @Test
    void subscriptionsWithoutAPolicyGetEverything() {
        String topic = createTopic("plain");
        subscribeQueue(topic, "all", Map.of());
        sns.publish(r -> r.topicArn(topic).message("anything"));
        awaitIdle();
        assertThat(queues.sent(queueArn("all"))).hasSize(1);
    }

    @Test
    void invalidPoliciesAreRefusedAtSubscribeAndSetSubscriptionAttributes() {
        String topic = createTopic("filtered");
        assertThatThrownBy(() -> subscribeQueue(topic, "q", Map.of("FilterPolicy", "{not json")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("FilterPolicy");
        // Filter policy constraints: at most five keys; no nesting in the MessageAttributes scope.
        assertThatThrownBy(() -> subscribeQueue(topic, "q", Map.of("FilterPolicy",
                "{\"a\":[\"1\"],\"b\":[\"1\"],\"c\":[\"1\"],\"d\":[\"1\"],\"e\":[\"1\"],\"f\":[\"1\"]}")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("more than 5 keys");
        assertThatThrownBy(() -> subscribeQueue(topic, "q", Map.of("FilterPolicy", "{\"a\":{\"b\":[\"1\"]}}")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("nested");
        assertThatThrownBy(() -> subscribeQueue(topic, "q", Map.of("FilterPolicy",
                "{\"a\":[{\"wildcard\":\"x*\"}]}"))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> subscribeQueue(topic, "q", Map.of("FilterPolicy",
                "{\"a\":[{\"numeric\":[\">\"]}]}"))).isInstanceOf(InvalidParameterException.class);
        String arn = subscribeQueue(topic, "q", Map.of("FilterPolicy", "{\"a\":[\"1\"]}"));
        assertThatThrownBy(() -> sns.setSubscriptionAttributes(r -> r.subscriptionArn(arn)
                .attributeName("FilterPolicy").attributeValue("[1]"))).isInstanceOf(InvalidParameterException.class);
        assertThat(sns.getSubscriptionAttributes(r -> r.subscriptionArn(arn)).attributes())
                .containsEntry("FilterPolicy", "{\"a\":[\"1\"]}")
                .containsEntry("FilterPolicyScope", "MessageAttributes");
    }
}
