package io.selfheal.emulator.services.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.LimitExceededException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Tag;

/** Tags on rules and event buses ("In EventBridge, rules and event buses can be tagged": TagResource). */
class EventBridgeTagsTest extends EventBridgeTestBase {
    private static final String PATTERN = "{\"source\":[\"com.example.orders\"]}";
    private static final String BUS_ARN = "arn:aws:events:us-east-1:" + ACCOUNT + ":event-bus/orders";

    private static Map<String, String> tagsOf(String arn) {
        return events.listTagsForResource(r -> r.resourceARN(arn)).tags().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value));
    }

    @Test
    void tagsGivenAtCreationAreStored() {
        String rule = events.putRule(r -> r.name("orders").eventPattern(PATTERN)
                .tags(Tag.builder().key("team").value("payments").build())).ruleArn();
        events.createEventBus(r -> r.name("orders").tags(Tag.builder().key("env").value("test").build()));
        assertThat(tagsOf(rule)).containsExactly(Map.entry("team", "payments"));
        assertThat(tagsOf(BUS_ARN)).containsExactly(Map.entry("env", "test"));
    }

    @Test
    void tagUntagAndListARuleOnACustomBus() {
        events.createEventBus(r -> r.name("orders"));
        String rule = events.putRule(r -> r.name("all").eventPattern(PATTERN).eventBusName("orders")).ruleArn();
        assertThat(tagsOf(rule)).isEmpty();

        events.tagResource(r -> r.resourceARN(rule).tags(Tag.builder().key("a").value("1").build(),
                Tag.builder().key("b").value("2").build()));
        events.tagResource(r -> r.resourceARN(rule).tags(Tag.builder().key("a").value("changed").build()));
        assertThat(tagsOf(rule)).containsOnly(Map.entry("a", "changed"), Map.entry("b", "2"));

        events.untagResource(r -> r.resourceARN(rule).tagKeys("a", "never-set"));
        assertThat(tagsOf(rule)).containsOnly(Map.entry("b", "2"));
        assertThat(tagsOf(BUS_ARN)).as("the bus's tags are its own").isEmpty();
    }

    @Test
    void theDefaultBusTakesTags() {
        String arn = "arn:aws:events:us-east-1:" + ACCOUNT + ":event-bus/default";
        events.tagResource(r -> r.resourceARN(arn).tags(Tag.builder().key("k").value("").build()));
        assertThat(tagsOf(arn)).containsExactly(Map.entry("k", ""));
    }

    @Test
    void tagsGoWithTheResource() {
        String rule = events.putRule(r -> r.name("orders").eventPattern(PATTERN)
                .tags(Tag.builder().key("team").value("payments").build())).ruleArn();
        events.deleteRule(r -> r.name("orders"));
        events.putRule(r -> r.name("orders").eventPattern(PATTERN));
        assertThat(tagsOf(rule)).as("a new rule of the same name starts untagged").isEmpty();

        events.createEventBus(r -> r.name("orders").tags(Tag.builder().key("env").value("test").build()));
        events.deleteEventBus(r -> r.name("orders"));
        events.createEventBus(r -> r.name("orders"));
        assertThat(tagsOf(BUS_ARN)).isEmpty();
    }

    @Test
    void unknownResourcesAreNotFound() {
        assertThatThrownBy(() -> events.listTagsForResource(r -> r.resourceARN(
                "arn:aws:events:us-east-1:" + ACCOUNT + ":rule/nope")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Rule nope does not exist on EventBus default.");
        assertThatThrownBy(() -> events.tagResource(r -> r.resourceARN(
                "arn:aws:events:us-east-1:" + ACCOUNT + ":rule/nope-bus/x").tags(t -> t.key("k").value("v"))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Event bus nope-bus does not exist.");
        assertThatThrownBy(() -> events.untagResource(r -> r.resourceARN(BUS_ARN).tagKeys("k")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Event bus orders does not exist.");
        assertThatThrownBy(() -> events.listTagsForResource(r -> r.resourceARN(
                "arn:aws:events:us-east-1:" + ACCOUNT + ":archive/orders")))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("only rules and event buses take tags");
    }

    @Test
    void tagsFollowTheModelConstraints() {
        String rule = putRule("orders", PATTERN);
        assertThatThrownBy(() -> events.tagResource(r -> r.resourceARN(rule).tags(t -> t.key("k".repeat(129))
                .value("v"))))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("Member must have length less than or equal to 128");
        assertThatThrownBy(() -> events.tagResource(r -> r.resourceARN(rule).tags(t -> t.key("k")
                .value("v".repeat(257)))))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("Member must have length less than or equal to 256");
        Tag[] fifty = new Tag[50];
        for (int i = 0; i < 50; i++) {
            fifty[i] = Tag.builder().key("k" + i).value("v").build();
        }
        events.tagResource(r -> r.resourceARN(rule).tags(fifty));
        assertThatThrownBy(() -> events.tagResource(r -> r.resourceARN(rule).tags(t -> t.key("one-more")
                .value("v"))))
                .isInstanceOf(LimitExceededException.class);
        assertThat(tagsOf(rule)).hasSize(50);
    }
}
