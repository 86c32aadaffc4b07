package io.selfheal.emulator.services.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** FIFO queues ("Amazon SQS FIFO queues", "Exactly-once processing"): order per group, deduplication. */
class SqsFifoTest extends SqsTestBase {

    private static String fifo(boolean contentBased) {
        return createQueue(unique("jobs") + ".fifo", Map.of(QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, Boolean.toString(contentBased)));
    }

    @Test
    void fifoNamesAndAttributesMustAgree() {
        assertThatThrownBy(() -> createQueue(unique("nofifo"), Map.of(QueueAttributeName.FIFO_QUEUE, "true")))
                .isInstanceOf(SqsException.class);
        assertThatThrownBy(() -> createQueue(unique("plain") + ".fifo")).isInstanceOf(SqsException.class);
    }

    @Test
    void messagesOfAGroupArriveInOrderAndTheGroupIsLockedWhileOneIsInFlight() {
        String url = fifo(true);
        for (String body : List.of("a1", "a2", "a3")) {
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(body).messageGroupId("A"));
        }
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("b1").messageGroupId("B"));

        Message first = sqs.receiveMessage(b -> b.queueUrl(url).messageSystemAttributeNames(
                MessageSystemAttributeName.MESSAGE_GROUP_ID, MessageSystemAttributeName.SEQUENCE_NUMBER))
                .messages().get(0);
        assertThat(first.body()).isEqualTo("a1");
        assertThat(first.attributes()).containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "A")
                .containsKey(MessageSystemAttributeName.SEQUENCE_NUMBER);
        // Group A has a message in flight, so only group B is available.
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages())
                .extracting(Message::body).containsExactly("b1");
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(first.receiptHandle()));
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages())
                .extracting(Message::body).containsExactly("a2", "a3");
    }

    @Test
    void duplicatesWithinFiveMinutesAreAcceptedButNotDelivered() {
        String url = fifo(false);
        SendMessageResponse one = sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").messageGroupId("g")
                .messageDeduplicationId("d-1"));
        SendMessageResponse two = sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").messageGroupId("g")
                .messageDeduplicationId("d-1"));
        assertThat(two.messageId()).isEqualTo(one.messageId());
        assertThat(one.sequenceNumber()).matches("\\d{20}");
        assertThat(approximate(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isEqualTo(1);
    }

    @Test
    void contentBasedDeduplicationUsesTheBody() {
        String url = fifo(true);
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("same").messageGroupId("g"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("same").messageGroupId("g"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("other").messageGroupId("g"));
        assertThat(approximate(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isEqualTo(2);
    }

    @Test
    void theDeduplicationWindowEndsAfterFiveMinutes() {
        TestClock clock = new TestClock();
        try (var aws = io.selfheal.emulator.Emulator.builder().port(0).clock(clock).start();
             var client = io.selfheal.emulator.TestClients.of(software.amazon.awssdk.services.sqs.SqsClient.builder(),
                     aws)) {
            String url = client.createQueue(b -> b.queueName("w.fifo").attributes(Map.of(
                    QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true")))
                    .queueUrl();
            String first = client.sendMessage(b -> b.queueUrl(url).messageBody("x").messageGroupId("g")).messageId();
            clock.advance(java.time.Duration.ofMinutes(5).plusSeconds(1));
            assertThat(client.sendMessage(b -> b.queueUrl(url).messageBody("x").messageGroupId("g")).messageId())
                    .isNotEqualTo(first);
        }
    }

    @Test
    void fifoSendsNeedAGroupAndADeduplicationId() {
        String url = fifo(false);
        assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x")
                .messageDeduplicationId("d")))
                .isInstanceOfSatisfying(SqsException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("MissingParameter"));
        assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").messageGroupId("g")))
                .isInstanceOfSatisfying(SqsException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("InvalidParameterValue"));
    }
}
