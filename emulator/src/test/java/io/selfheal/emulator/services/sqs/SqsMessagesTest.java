package io.selfheal.emulator.services.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageNotInflightException;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** Sending, receiving, visibility and deletion through the SDK, which verifies every MD5 it is given. */
class SqsMessagesTest extends SqsTestBase {

    @Test
    void sendAndReceiveWithAttributesWhoseMd5sTheSdkAccepts() {
        // "Calculating the MD5 message digest for message attributes" (SQS Developer Guide): the SDK recomputes both.
        String url = createQueue(unique("md5"));
        Map<String, MessageAttributeValue> attributes = Map.of(
                "kind", MessageAttributeValue.builder().dataType("String").stringValue("alarm").build(),
                "count", MessageAttributeValue.builder().dataType("Number").stringValue("3").build(),
                "blob", MessageAttributeValue.builder().dataType("Binary")
                        .binaryValue(SdkBytes.fromUtf8String("bytes")).build());
        SendMessageResponse sent = sqs.sendMessage(b -> b.queueUrl(url).messageBody("héllo").messageAttributes(attributes));
        // Reaching here means the SDK recomputed and accepted both digests of the send.
        assertThat(sent.md5OfMessageAttributes()).hasSize(32);

        Message m = sqs.receiveMessage(b -> b.queueUrl(url).messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages().get(0);
        assertThat(m.body()).isEqualTo("héllo");
        assertThat(m.messageId()).isEqualTo(sent.messageId());
        assertThat(m.messageAttributes()).isEqualTo(attributes);
        assertThat(m.md5OfMessageAttributes()).isEqualTo(sent.md5OfMessageAttributes());
        assertThat(m.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1")
                .containsKeys(MessageSystemAttributeName.SENT_TIMESTAMP, MessageSystemAttributeName.SENDER_ID);
    }

    @Test
    void theBodyMd5IsTheMd5OfTheUtf8Body() {
        String url = createQueue(unique("body"));
        // echo -n 'hello' | md5sum
        assertThat(sqs.sendMessage(b -> b.queueUrl(url).messageBody("hello")).md5OfMessageBody())
                .isEqualTo("5d41402abc4b2a76b9719d911017c592");
    }

    @Test
    void onlyRequestedMessageAttributesAreReturned() {
        String url = createQueue(unique("filter"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").messageAttributes(Map.of(
                "a.one", MessageAttributeValue.builder().dataType("String").stringValue("1").build(),
                "b", MessageAttributeValue.builder().dataType("String").stringValue("2").build())));
        Message m = sqs.receiveMessage(b -> b.queueUrl(url).messageAttributeNames("a.*")).messages().get(0);
        assertThat(m.messageAttributes()).containsOnlyKeys("a.one");
    }

    @Test
    void aReceivedMessageIsInvisibleUntilItsVisibilityTimeoutEnds() {
        String url = createQueue(unique("vis"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("job"));
        Message first = sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(1)).messages().get(0);
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();
        assertThat(approximate(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).isEqualTo(1);
        // At-least-once: the message returns once the timeout ends, with a new receipt handle.
        Message again = Awaitility.await().atMost(Duration.ofSeconds(5)).until(
                () -> sqs.receiveMessage(b -> b.queueUrl(url)).messages(), l -> !l.isEmpty()).get(0);
        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(again.receiptHandle()).isNotEqualTo(first.receiptHandle());
    }

    @Test
    void changeMessageVisibilityToZeroReleasesTheMessage() {
        String url = createQueue(unique("chg"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("job"));
        Message m = sqs.receiveMessage(b -> b.queueUrl(url)).messages().get(0);
        sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
        Message again = sqs.receiveMessage(b -> b.queueUrl(url)).messages().get(0);
        assertThat(again.attributesAsStrings()).isEmpty();
        sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(again.receiptHandle()).visibilityTimeout(0));
        assertThatThrownBy(() -> sqs.changeMessageVisibility(b -> b.queueUrl(url)
                .receiptHandle(again.receiptHandle()).visibilityTimeout(10)))
                .isInstanceOf(MessageNotInflightException.class);
    }

    @Test
    void deleteMessageRemovesItAndABadHandleIsRefused() {
        String url = createQueue(unique("del"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("job"));
        Message m = sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)).messages().get(0);
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
        assertThat(approximate(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isZero();
        assertThatThrownBy(() -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle("garbage")))
                .isInstanceOf(ReceiptHandleIsInvalidException.class);
    }

    @Test
    void delaySecondsHidesANewMessage() {
        String url = createQueue(unique("delay"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("later").delaySeconds(1));
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();
        assertThat(approximate(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).isEqualTo(1);
        // A long poll wakes when the delay ends rather than at the end of its wait.
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(5)).messages())
                .extracting(Message::body).containsExactly("later");
    }

    @Test
    void longPollingReturnsAsSoonAsAMessageIsSent() {
        String name = unique("poll");
        String url = createQueue(name);
        long started = System.nanoTime();
        CompletableFuture<List<Message>> poll = CompletableFuture.supplyAsync(
                () -> sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(20)).messages());
        SqsService service = emulator.services().get(SqsService.class);
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> service.longPolls("123456789012", "us-east-1", name) == 1);
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("wake"));
        assertThat(poll.join()).extracting(Message::body).containsExactly("wake");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void anEmptyLongPollEndsAfterItsWaitTime() {
        String url = createQueue(unique("empty"));
        long started = System.nanoTime();
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(900),
                Duration.ofSeconds(5));
    }

    @Test
    void receiveParametersAreValidated() {
        String url = createQueue(unique("valid"));
        assertThatThrownBy(() -> sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(11)))
                .isInstanceOfSatisfying(SqsException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("InvalidParameterValue"));
        assertThatThrownBy(() -> sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(21)))
                .isInstanceOf(SqsException.class);
    }

    @Test
    void batchesSucceedAndFailPerEntry() {
        String url = createQueue(unique("batch"));
        SendMessageBatchResponse sent = sqs.sendMessageBatch(b -> b.queueUrl(url).entries(
                e -> e.id("a").messageBody("one"),
                e -> e.id("b").messageBody("two").messageAttributes(Map.of("k",
                        MessageAttributeValue.builder().dataType("String").stringValue("v").build())),
                e -> e.id("c").messageBody("three").delaySeconds(901)));
        assertThat(sent.successful()).extracting(r -> r.id()).containsExactly("a", "b");
        assertThat(sent.failed()).extracting(BatchResultErrorEntry::id, BatchResultErrorEntry::code,
                BatchResultErrorEntry::senderFault).containsExactly(org.assertj.core.groups.Tuple.tuple(
                "c", "InvalidParameterValue", true));

        List<Message> received = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages();
        assertThat(received).hasSize(2);
        var deleted = sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(
                e -> e.id("x").receiptHandle(received.get(0).receiptHandle()),
                e -> e.id("y").receiptHandle("not-a-handle")));
        assertThat(deleted.successful()).extracting(r -> r.id()).containsExactly("x");
        assertThat(deleted.failed()).extracting(BatchResultErrorEntry::code).containsExactly("ReceiptHandleIsInvalid");
        var changed = sqs.changeMessageVisibilityBatch(b -> b.queueUrl(url).entries(
                e -> e.id("z").receiptHandle(received.get(1).receiptHandle()).visibilityTimeout(0)));
        assertThat(changed.successful()).hasSize(1);
        assertThat(approximate(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isEqualTo(1);
    }

    @Test
    void batchFramesAreValidated() {
        String url = createQueue(unique("frame"));
        assertThatThrownBy(() -> sqs.sendMessageBatch(b -> b.queueUrl(url).entries(
                e -> e.id("same").messageBody("1"), e -> e.id("same").messageBody("2"))))
                .isInstanceOf(software.amazon.awssdk.services.sqs.model.BatchEntryIdsNotDistinctException.class);
        assertThatThrownBy(() -> sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(List.of())))
                .isInstanceOf(software.amazon.awssdk.services.sqs.model.EmptyBatchRequestException.class);
    }

    @Test
    void messagesOlderThanTheRetentionPeriodAreDropped() {
        TestClock clock = new TestClock();
        try (var aws = io.selfheal.emulator.Emulator.builder().port(0).clock(clock).start();
             var client = io.selfheal.emulator.TestClients.of(software.amazon.awssdk.services.sqs.SqsClient.builder(),
                     aws)) {
            String url = client.createQueue(b -> b.queueName("retention").attributes(Map.of(
                    QueueAttributeName.MESSAGE_RETENTION_PERIOD, "60"))).queueUrl();
            client.sendMessage(b -> b.queueUrl(url).messageBody("old"));
            clock.advance(Duration.ofSeconds(59));
            client.sendMessage(b -> b.queueUrl(url).messageBody("new"));
            clock.advance(Duration.ofSeconds(2));
            assertThat(client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages())
                    .extracting(Message::body).containsExactly("new");
        }
    }
}
