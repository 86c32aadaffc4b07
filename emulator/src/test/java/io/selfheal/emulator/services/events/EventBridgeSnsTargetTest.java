package io.selfheal.emulator.services.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.messages.PublishToTopic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** SNS topics as targets ("Amazon EventBridge targets"; the topic policy must allow events.amazonaws.com). */
class EventBridgeSnsTargetTest extends EventBridgeTargetTestBase {
    static final String TOPIC = "arn:aws:sns:us-east-1:" + ACCOUNT + ":ops-alerts";
    String ruleArn;

    @BeforeEach
    void aRule() {
        ruleArn = putRule("to-topic", PATTERN);
    }

    @Test
    void theTopicReceivesTheEventAsMessage() throws Exception {
        putTarget("to-topic", Target.builder().id("t").arn(TOPIC).build());
        String id = putEvent("{\"state\":\"ALARM\"}");

        assertThat(services.publications()).singleElement().satisfies(p -> {
            assertThat(p.topicArn()).isEqualTo(TOPIC);
            assertThat(Json.parse(p.message()).path("id").asText()).isEqualTo(id);
            assertThat(p.subject()).isNull();
            assertThat(p.messageAttributes()).isEmpty();
            assertThat(p.principal()).isEqualTo("events.amazonaws.com");
            assertThat(p.sourceArn()).isEqualTo(ruleArn);
        });
        assertThat(deliveries(id)).singleElement().satisfies(d -> assertThat(d.delivered()).isTrue());
    }

    @Test
    void aConstantInputIsTheMessage() {
        putTarget("to-topic", Target.builder().id("t").arn(TOPIC).input("{\"page\":\"on-call\"}").build());
        putEvent("{}");
        assertThat(services.publications()).extracting(PublishToTopic::message)
                .containsExactly("{\"page\":\"on-call\"}");
    }

    @Test
    void aRefusalByTheTopicPolicyIsAFailedDelivery() {
        services.refuse(TOPIC, "AuthorizationError", "The topic policy does not allow events.amazonaws.com.");
        putTarget("to-topic", Target.builder().id("t").arn(TOPIC).build());
        String id = putEvent("{}");
        assertThat(deliveries(id)).singleElement().satisfies(d -> {
            assertThat(d.delivered()).isFalse();
            assertThat(d.errorCode()).isEqualTo("AuthorizationError");
        });
    }
}
