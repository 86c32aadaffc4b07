package io.selfheal.emulator.services.sqs;

import io.selfheal.emulator.ContextProbe;
import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.TestClients;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** One emulator and one unmodified SDK client per test class; every test makes its own queues. */
abstract class SqsTestBase {
    static Emulator emulator;
    static SqsClient sqs;

    /** The emulator's context, for asking the internal bus as other services do. */
    static final ContextProbe CONTEXT = new ContextProbe();

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).service(CONTEXT).start();
        sqs = TestClients.of(SqsClient.builder(), emulator);
    }

    @AfterAll
    static void stop() {
        sqs.close();
        emulator.close();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String createQueue(String name, Map<QueueAttributeName, String> attributes) {
        return sqs.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
    }

    static String createQueue(String name) {
        return createQueue(name, Map.of());
    }

    static String arnOf(String queueUrl) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    static int approximate(String queueUrl, QueueAttributeName name) {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(name))
                .attributes().get(name));
    }
}
