package io.selfheal.emulator.services.sqs;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** One emulator and one unmodified SDK client per test class; every test makes its own queues. */
abstract class SqsTestBase {
    /** Its bus ({@code AWS.bus()}) is asked as other services ask SQS. */
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();

    static Emulator emulator;
    static SqsClient sqs;

    @BeforeAll
    static void start() {
        emulator = AWS.emulator();
        sqs = AWS.client(SqsClient.class);
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
