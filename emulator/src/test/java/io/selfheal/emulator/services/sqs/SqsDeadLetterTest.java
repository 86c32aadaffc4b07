package io.selfheal.emulator.services.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** "Using dead-letter queues in Amazon SQS": redrive after maxReceiveCount receives. */
class SqsDeadLetterTest extends SqsTestBase {

    private static String redrive(String dlqArn, int maxReceiveCount) {
        return "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}";
    }

    @Test
    void aMessageReceivedMaxReceiveCountTimesMovesToTheDeadLetterQueueOnTheNextReceive() {
        String dlq = createQueue(unique("dlq"));
        String source = createQueue(unique("src"), Map.of(QueueAttributeName.REDRIVE_POLICY,
                redrive(arnOf(dlq), 2)));
        String id = sqs.sendMessage(b -> b.queueUrl(source).messageBody("poison")).messageId();
        for (int i = 1; i <= 2; i++) {
            Message m = sqs.receiveMessage(b -> b.queueUrl(source).visibilityTimeout(0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                    .messages().get(0);
            assertThat(m.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "" + i);
        }
        assertThat(sqs.receiveMessage(b -> b.queueUrl(source)).messages()).isEmpty();
        Message dead = sqs.receiveMessage(b -> b.queueUrl(dlq).messageSystemAttributeNames(
                MessageSystemAttributeName.DEAD_LETTER_QUEUE_SOURCE_ARN)).messages().get(0);
        assertThat(dead.messageId()).isEqualTo(id);
        assertThat(dead.body()).isEqualTo("poison");
        assertThat(dead.attributes()).containsEntry(MessageSystemAttributeName.DEAD_LETTER_QUEUE_SOURCE_ARN,
                arnOf(source));
    }

    @Test
    void aRedrivePolicyMustNameAnExistingQueueAndAValidCount() {
        String missing = "arn:aws:sqs:us-east-1:123456789012:" + unique("missing");
        assertThatThrownBy(() -> createQueue(unique("src"), Map.of(QueueAttributeName.REDRIVE_POLICY,
                redrive(missing, 3)))).isInstanceOfSatisfying(SqsException.class, e ->
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue"));
        String dlq = createQueue(unique("dlq"));
        assertThatThrownBy(() -> createQueue(unique("src"), Map.of(QueueAttributeName.REDRIVE_POLICY,
                redrive(arnOf(dlq), 0)))).isInstanceOf(SqsException.class);
    }

    @Test
    void setQueueAttributesCanAddARedrivePolicyLater() {
        String dlq = createQueue(unique("dlq"));
        String source = createQueue(unique("src"));
        sqs.setQueueAttributes(b -> b.queueUrl(source).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
                redrive(arnOf(dlq), 1))));
        sqs.sendMessage(b -> b.queueUrl(source).messageBody("once"));
        sqs.receiveMessage(b -> b.queueUrl(source).visibilityTimeout(0));
        assertThat(sqs.receiveMessage(b -> b.queueUrl(source)).messages()).isEmpty();
        assertThat(approximate(dlq, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isEqualTo(1);
    }
}
