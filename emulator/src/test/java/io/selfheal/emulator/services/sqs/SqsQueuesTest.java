package io.selfheal.emulator.services.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeNameException;
import software.amazon.awssdk.services.sqs.model.ListQueuesResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** Queue lifecycle, attributes, listing and tags through the SDK's AWS JSON protocol. */
class SqsQueuesTest extends SqsTestBase {

    @Test
    void createQueueAnswersTheUrlAndGetQueueUrlFindsIt() {
        String name = unique("orders");
        String url = createQueue(name);
        assertThat(url).isEqualTo(emulator.endpoint() + "/123456789012/" + name);
        assertThat(sqs.getQueueUrl(b -> b.queueName(name)).queueUrl()).isEqualTo(url);
    }

    @Test
    void createQueueIsIdempotentOnlyWithTheSameAttributes() {
        // CreateQueue (SQS API Reference): same name and attributes returns the existing URL, else QueueAlreadyExists.
        String name = unique("idem");
        String url = createQueue(name, Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "40"));
        assertThat(createQueue(name, Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "40"))).isEqualTo(url);
        assertThat(createQueue(name)).isEqualTo(url);
        assertThatThrownBy(() -> createQueue(name, Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "50")))
                .isInstanceOfSatisfying(QueueNameExistsException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("QueueAlreadyExists"));
    }

    @Test
    void unknownQueuesAreReportedWithTheQueryCompatibleCode() {
        assertThatThrownBy(() -> sqs.getQueueUrl(b -> b.queueName("no-such-queue")))
                .isInstanceOfSatisfying(QueueDoesNotExistException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
        assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(emulator.endpoint() + "/123456789012/nope")
                .messageBody("x"))).isInstanceOf(QueueDoesNotExistException.class);
    }

    @Test
    void invalidNamesAndAttributesAreRefused() {
        assertThatThrownBy(() -> createQueue("bad name!"))
                .isInstanceOfSatisfying(SqsException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue"));
        assertThatThrownBy(() -> createQueue(unique("vt"), Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "43201")))
                .isInstanceOfSatisfying(SqsException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAttributeValue"));
        String url = createQueue(unique("attrs"));
        assertThatThrownBy(() -> sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("Bogus")))
                .isInstanceOf(InvalidAttributeNameException.class);
    }

    @Test
    void getQueueAttributesAllReportsDefaultsArnAndCounts() {
        String name = unique("all");
        String url = createQueue(name, Map.of(QueueAttributeName.DELAY_SECONDS, "0"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("one"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("two"));
        sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(1));
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(url)
                .attributeNames(QueueAttributeName.ALL)).attributes();
        assertThat(a).containsEntry(QueueAttributeName.QUEUE_ARN, "arn:aws:sqs:us-east-1:123456789012:" + name)
                .containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "30")
                .containsEntry(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "345600")
                .containsEntry(QueueAttributeName.MAXIMUM_MESSAGE_SIZE, "262144")
                .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "1")
                .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "1")
                .containsKey(QueueAttributeName.CREATED_TIMESTAMP);
    }

    @Test
    void setQueueAttributesChangesThem() {
        String url = createQueue(unique("set"));
        sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "5",
                QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, "2")));
        assertThat(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT,
                QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS)).attributes())
                .containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "5")
                .containsEntry(QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, "2");
    }

    @Test
    void listQueuesFiltersByPrefixAndPages() {
        String prefix = unique("list");
        for (int i = 0; i < 3; i++) {
            createQueue(prefix + "-" + i);
        }
        assertThat(sqs.listQueues(b -> b.queueNamePrefix(prefix)).queueUrls()).hasSize(3);
        ListQueuesResponse first = sqs.listQueues(b -> b.queueNamePrefix(prefix).maxResults(2));
        assertThat(first.queueUrls()).hasSize(2);
        assertThat(first.nextToken()).isNotNull();
        ListQueuesResponse second = sqs.listQueues(b -> b.queueNamePrefix(prefix).maxResults(2)
                .nextToken(first.nextToken()));
        assertThat(second.queueUrls()).containsExactly(emulator.endpoint() + "/123456789012/" + prefix + "-2");
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void anAwsStyleQueueUrlNamesTheSameQueue() {
        String name = unique("awsurl");
        createQueue(name);
        String awsUrl = "https://sqs.us-east-1.amazonaws.com/123456789012/" + name;
        sqs.sendMessage(b -> b.queueUrl(awsUrl).messageBody("hi"));
        assertThat(sqs.receiveMessage(b -> b.queueUrl(awsUrl)).messages()).extracting(m -> m.body())
                .containsExactly("hi");
    }

    @Test
    void deleteQueueAndPurgeQueue() {
        String url = createQueue(unique("gone"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("x"));
        sqs.purgeQueue(b -> b.queueUrl(url));
        assertThat(approximate(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isZero();
        assertThatThrownBy(() -> sqs.purgeQueue(b -> b.queueUrl(url)))
                .isInstanceOfSatisfying(SqsException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("AWS.SimpleQueueService.PurgeQueueInProgress"));
        sqs.deleteQueue(b -> b.queueUrl(url));
        assertThatThrownBy(() -> sqs.getQueueAttributes(b -> b.queueUrl(url)
                .attributeNames(QueueAttributeName.ALL))).isInstanceOf(QueueDoesNotExistException.class);
    }

    @Test
    void tagsOnCreateAndTagUntagList() {
        String url = sqs.createQueue(b -> b.queueName(unique("tags")).tags(Map.of("team", "sre"))).queueUrl();
        sqs.tagQueue(b -> b.queueUrl(url).tags(Map.of("env", "test")));
        assertThat(sqs.listQueueTags(b -> b.queueUrl(url)).tags()).containsExactlyInAnyOrderEntriesOf(
                Map.of("team", "sre", "env", "test"));
        sqs.untagQueue(b -> b.queueUrl(url).tagKeys("team"));
        assertThat(sqs.listQueueTags(b -> b.queueUrl(url)).tags()).containsExactlyEntriesOf(Map.of("env", "test"));
    }

    @Test
    void resetForgetsEveryQueue() {
        try (var other = io.selfheal.emulator.Emulator.startOnFreePort();
             var client = io.selfheal.emulator.TestClients.of(software.amazon.awssdk.services.sqs.SqsClient.builder(),
                     other)) {
            client.createQueue(b -> b.queueName("before-reset"));
            other.services().reset();
            assertThat(client.listQueues().queueUrls()).isEmpty();
        }
    }
}
