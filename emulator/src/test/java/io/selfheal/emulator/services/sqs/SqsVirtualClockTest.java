package io.selfheal.emulator.services.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.EmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SQS timing on a virtual clock: everything happens at its exact virtual instant, and a long poll neither blocks the
 * clock nor waits in real time for virtual seconds.
 */
class SqsVirtualClockTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "us-east-1";

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.virtualTime(START).perTest();

    private SqsClient sqs;

    @BeforeEach
    void client(SqsClient client) {
        sqs = client;
    }

    @Test
    void aReceivedMessageReappearsExactlyWhenItsVisibilityTimeoutRunsOut() {
        // "Amazon SQS visibility timeout": the queue attribute, the ReceiveMessage override and
        // ChangeMessageVisibility each set when the message becomes visible again.
        String url = queue("visibility", Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("job"));
        assertThat(receive(url)).hasSize(1);
        advance(Duration.ofSeconds(29));
        assertThat(receive(url)).isEmpty();
        assertThat(count(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).isEqualTo(1);
        advance(Duration.ofSeconds(1));
        Message second = sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(10)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages().get(0);
        assertThat(second.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2");
        advance(Duration.ofSeconds(5));
        sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(second.receiptHandle()).visibilityTimeout(120));
        advance(Duration.ofSeconds(119));
        assertThat(receive(url)).isEmpty();
        advance(Duration.ofSeconds(1));
        assertThat(receive(url)).extracting(Message::body).containsExactly("job");
    }

    @Test
    void delaysCountFromTheSendOnTheVirtualClock() {
        // "Amazon SQS delay queues" and "Amazon SQS message timers": a message's DelaySeconds overrides the queue's.
        String url = queue("delay", Map.of(QueueAttributeName.DELAY_SECONDS, "15"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("timer").delaySeconds(5));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("queue-delay"));
        assertThat(count(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).isEqualTo(2);
        advance(Duration.ofSeconds(4));
        assertThat(receive(url)).isEmpty();
        advance(Duration.ofSeconds(1));
        assertThat(receive(url)).extracting(Message::body).containsExactly("timer");
        advance(Duration.ofSeconds(9));
        assertThat(receive(url)).isEmpty();
        advance(Duration.ofSeconds(1));
        assertThat(receive(url)).extracting(Message::body).containsExactly("queue-delay");
    }

    @Test
    void messagesExpireAtTheEndOfTheRetentionPeriod() {
        String url = queue("retention", Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "60"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("old"));
        advance(Duration.ofSeconds(59));
        assertThat(count(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isEqualTo(1);
        advance(Duration.ofSeconds(1));
        assertThat(count(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isZero();
    }

    @Test
    void aLongPollWakesWhenTheClockReachesADelayedMessageWithoutHoldingTheClock() {
        // "Amazon SQS short and long polling": a long poll answers as soon as a message is available.
        String name = unique("poll");
        String url = queue(name, Map.of());
        int timersBefore = AWS.clock().pendingTimers();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("later").delaySeconds(5));
        CompletableFuture<List<Message>> poll = longPoll(url, 20);
        awaitWaiting(name);
        advance(Duration.ofSeconds(5));
        assertThat(poll.orTimeout(10, TimeUnit.SECONDS).join()).extracting(Message::body).containsExactly("later");
        assertThat(AWS.clock().now()).isEqualTo(START.plusSeconds(5));
        assertThat(AWS.clock().pendingTimers()).isEqualTo(timersBefore);
    }

    @Test
    void anEmptyLongPollEndsWhenTheClockPassesItsWaitTimeNotAfterTwentyRealSeconds() {
        String name = unique("empty");
        String url = queue(name, Map.of());
        CompletableFuture<List<Message>> poll = longPoll(url, 20);
        awaitWaiting(name);
        advance(Duration.ofSeconds(19));
        assertThat(poll).isNotDone();
        advance(Duration.ofSeconds(1));
        assertThat(poll.orTimeout(10, TimeUnit.SECONDS).join()).isEmpty();
    }

    @Test
    void aLongPollOnAClockNobodyAdvancesEndsAfterItsWaitInRealTime() {
        String url = queue("idle", Map.of());
        assertThat(longPoll(url, 1).orTimeout(10, TimeUnit.SECONDS).join()).isEmpty();
        assertThat(AWS.clock().now()).isEqualTo(START);
    }

    @Test
    void redriveMovesAMessageOnceItsLastVisibilityTimeoutRunsOutUnderAWaitingLongPoll() {
        // "Using dead-letter queues in Amazon SQS": after maxReceiveCount receives the next receive attempt moves it.
        String dlq = queue("dlq", Map.of());
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String sourceName = unique("src");
        String source = queue(sourceName, Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "10",
                QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"2\"}"));
        sqs.sendMessage(b -> b.queueUrl(source).messageBody("poison"));
        assertThat(receive(source)).hasSize(1);
        advance(Duration.ofSeconds(10));
        assertThat(receive(source)).hasSize(1);
        CompletableFuture<List<Message>> poll = longPoll(source, 20);
        awaitWaiting(sourceName);
        advance(Duration.ofSeconds(10));
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> count(dlq, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES) == 1);
        awaitWaiting(sourceName);
        assertThat(poll).isNotDone();
        advance(Duration.ofSeconds(10));
        assertThat(poll.orTimeout(10, TimeUnit.SECONDS).join()).isEmpty();
        assertThat(receive(dlq)).extracting(Message::body).containsExactly("poison");
    }

    private String queue(String name, Map<QueueAttributeName, String> attributes) {
        String unique = name.contains("-") ? name : unique(name);
        return sqs.createQueue(b -> b.queueName(unique).attributes(attributes)).queueUrl();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private List<Message> receive(String url) {
        return sqs.receiveMessage(b -> b.queueUrl(url)).messages();
    }

    private CompletableFuture<List<Message>> longPoll(String url, int seconds) {
        return CompletableFuture.supplyAsync(
                () -> sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(seconds)).messages());
    }

    /** Until the poll sleeps on the queue, which it does only after arming its clock timer. */
    private void awaitWaiting(String queueName) {
        SqsService service = AWS.emulator().services().get(SqsService.class);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> service.longPolls(ACCOUNT, REGION, queueName) == 1);
    }

    private int count(String url, QueueAttributeName name) {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(name))
                .attributes().get(name));
    }

    private void advance(Duration by) {
        AWS.advance(by);
    }
}
