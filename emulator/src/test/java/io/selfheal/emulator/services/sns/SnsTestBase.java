package io.selfheal.emulator.services.sns;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/** One emulator per test class with a stand-in SQS, reset before each test; an unmodified SDK client. */
abstract class SnsTestBase {
    static final String ACCOUNT = "123456789012";

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime().resetBeforeEach();

    static StandInQueues queues;
    static Emulator emulator;
    static SnsClient sns;

    @BeforeAll
    static void startEmulator() {
        queues = new StandInQueues(AWS.bus());
        emulator = AWS.emulator();
        sns = AWS.client(SnsClient.class);
    }

    @BeforeEach
    void forgetQueues() {
        queues.clear();
    }

    static String queueArn(String name) {
        return "arn:aws:sqs:us-east-1:" + ACCOUNT + ":" + name;
    }

    static String createTopic(String name) {
        return sns.createTopic(r -> r.name(name)).topicArn();
    }

    static String subscribeQueue(String topicArn, String queue, Map<String, String> attributes) {
        return sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queueArn(queue))
                .attributes(attributes)).subscriptionArn();
    }

    static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    static MessageAttributeValue number(String value) {
        return MessageAttributeValue.builder().dataType("Number").stringValue(value).build();
    }

    static MessageAttributeValue stringArray(String json) {
        return MessageAttributeValue.builder().dataType("String.Array").stringValue(json).build();
    }

    static void awaitIdle() {
        assertThat(emulator.control().awaitIdle(Duration.ofSeconds(10))).as("emulator went idle").isTrue();
    }

    static SnsDeliveries deliveries() {
        return emulator.control().component(SnsDeliveries.class);
    }
}
