package io.selfheal.emulator.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.control.FunctionInvocation;
import io.selfheal.emulator.control.LambdaControl;
import io.selfheal.emulator.core.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SQS event source mappings through the AWS SDK v2, on the virtual clock: the event Lambda delivers, deletes on
 * success, redelivery after the visibility timeout, redrive to the queue's dead-letter queue, partial batch
 * responses, the batching window, and the API's validation.
 * https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html,
 * https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html
 */
class SqsEventSourceMappingTest {
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.virtualTime(START).perTest();

    private static String function(LambdaClient lambda, String name) {
        TestFunctions.createScript(lambda, name, "python3.12", TestFunctions.zipOf("/lambda/esm"), "batch.handler",
                b -> b.timeout(10));
        return name;
    }

    private static String queue(SqsClient sqs, String name, Map<QueueAttributeName, String> attributes) {
        return sqs.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
    }

    private static String arn(SqsClient sqs, String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private static int[] counts(SqsClient sqs, String url) {
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return new int[]{Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)),
                Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))};
    }

    private static List<FunctionInvocation> invocations(String function) {
        return AWS.emulator().control().component(LambdaControl.class).invocations(function);
    }

    private static JsonNode event(FunctionInvocation i) {
        try {
            return Json.parse(i.payload());
        } catch (Exception e) {
            throw new AssertionError(i.payload(), e);
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aBatchArrivesInAwsShapeAndIsDeletedOnSuccess(LambdaClient lambda, SqsClient sqs) {
        String fn = function(lambda, "esm-ok");
        String url = queue(sqs, "work", Map.of());
        String queueArn = arn(sqs, url);
        String id = sqs.sendMessage(b -> b.queueUrl(url).messageBody("reboot i-0abc").messageAttributes(Map.of(
                "team", MessageAttributeValue.builder().dataType("String").stringValue("sre").build()))).messageId();

        CreateEventSourceMappingResponse created = lambda.createEventSourceMapping(b -> b.functionName(fn)
                .eventSourceArn(queueArn).batchSize(5));
        assertThat(created.state()).isEqualTo("Creating");
        assertThat(created.uuid()).isNotBlank();
        assertThat(created.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:esm-ok");
        assertThat(created.batchSize()).isEqualTo(5);
        assertThat(created.maximumBatchingWindowInSeconds()).isZero();
        assertThat(created.stateTransitionReason()).isEqualTo("USER_INITIATED");
        AWS.advance(Duration.ofSeconds(1));

        List<FunctionInvocation> calls = invocations(fn);
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).invocationType()).isEqualTo("RequestResponse");
        JsonNode record = event(calls.get(0)).at("/Records/0");
        assertThat(record.get("messageId").asText()).isEqualTo(id);
        assertThat(record.get("receiptHandle").asText()).isNotBlank();
        assertThat(record.get("body").asText()).isEqualTo("reboot i-0abc");
        assertThat(record.at("/attributes/ApproximateReceiveCount").asText()).isEqualTo("1");
        assertThat(record.at("/attributes/SentTimestamp").asText()).isEqualTo(Long.toString(START.toEpochMilli()));
        assertThat(record.at("/attributes/SenderId").asText()).isNotBlank();
        assertThat(record.at("/attributes/ApproximateFirstReceiveTimestamp").asText()).isNotBlank();
        assertThat(record.at("/messageAttributes/team/stringValue").asText()).isEqualTo("sre");
        assertThat(record.at("/messageAttributes/team/dataType").asText()).isEqualTo("String");
        assertThat(record.at("/messageAttributes/team/stringListValues").isArray()).isTrue();
        assertThat(record.get("md5OfBody").asText()).isEqualTo(md5("reboot i-0abc"));
        assertThat(record.get("md5OfMessageAttributes").asText()).hasSize(32);
        assertThat(record.get("eventSource").asText()).isEqualTo("aws:sqs");
        assertThat(record.get("eventSourceARN").asText()).isEqualTo(queueArn);
        assertThat(record.get("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(counts(sqs, url)).containsExactly(0, 0);

        sqs.sendMessage(b -> b.queueUrl(url).messageBody("second"));
        AWS.advance(Duration.ofSeconds(1));
        assertThat(invocations(fn)).hasSize(2);
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(created.uuid())).state()).isEqualTo("Enabled");
    }

    @Test
    void aFailingBatchComesBackAfterTheVisibilityTimeoutAndIsRedrivenAfterMaxReceiveCount(LambdaClient lambda,
                                                                                        SqsClient sqs) {
        String fn = function(lambda, "esm-boom");
        String dlq = queue(sqs, "work-dlq", Map.of());
        String url = queue(sqs, "work", Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30",
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + arn(sqs, dlq)
                        + "\",\"maxReceiveCount\":\"2\"}"));
        lambda.createEventSourceMapping(b -> b.functionName(fn).eventSourceArn(arn(sqs, url)));
        String id = sqs.sendMessage(b -> b.queueUrl(url).messageBody("boom: disk full")).messageId();

        AWS.advance(Duration.ofSeconds(29));
        assertThat(invocations(fn)).hasSize(1);
        assertThat(invocations(fn).get(0).errorType()).isNotNull();
        assertThat(counts(sqs, url)).containsExactly(0, 1);

        AWS.advance(Duration.ofSeconds(1));
        List<FunctionInvocation> calls = invocations(fn);
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1).started()).isEqualTo(START.plusSeconds(30));
        assertThat(event(calls.get(1)).at("/Records/0/attributes/ApproximateReceiveCount").asText()).isEqualTo("2");

        AWS.advance(Duration.ofSeconds(30));
        assertThat(invocations(fn)).hasSize(2);
        assertThat(counts(sqs, url)).containsExactly(0, 0);
        assertThat(sqs.receiveMessage(b -> b.queueUrl(dlq)).messages())
                .singleElement().satisfies(m -> assertThat(m.messageId()).isEqualTo(id));
        assertThat(lambda.listEventSourceMappings(b -> b.functionName(fn)).eventSourceMappings().get(0)
                .lastProcessingResult()).isEqualTo("PROBLEM: Function call failed");
    }

    @Test
    void reportBatchItemFailuresDeletesOnlyTheMessagesThatSucceeded(LambdaClient lambda, SqsClient sqs) {
        String fn = function(lambda, "esm-partial");
        String url = queue(sqs, "work", Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "60"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("ok 1"));
        String failed = sqs.sendMessage(b -> b.queueUrl(url).messageBody("fail 2")).messageId();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("ok 3"));
        lambda.createEventSourceMapping(b -> b.functionName(fn).eventSourceArn(arn(sqs, url))
                .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES));

        AWS.advance(Duration.ofSeconds(1));
        assertThat(invocations(fn)).hasSize(1);
        assertThat(event(invocations(fn).get(0)).get("Records")).hasSize(3);
        assertThat(counts(sqs, url)).containsExactly(0, 1);

        AWS.advance(Duration.ofSeconds(60));
        List<FunctionInvocation> calls = invocations(fn);
        assertThat(calls).hasSize(2);
        assertThat(event(calls.get(1)).get("Records")).singleElement()
                .satisfies(r -> assertThat(r.get("messageId").asText()).isEqualTo(failed));
    }

    @Test
    void aBatchingWindowWaitsForAFullBatchOrItsEnd(LambdaClient lambda, SqsClient sqs) {
        String fn = function(lambda, "esm-window");
        String url = queue(sqs, "work", Map.of());
        lambda.createEventSourceMapping(b -> b.functionName(fn).eventSourceArn(arn(sqs, url)).batchSize(100)
                .maximumBatchingWindowInSeconds(5));
        for (int i = 0; i < 3; i++) {
            int n = i;
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("ok " + n));
        }
        AWS.advance(Duration.ofSeconds(4));
        assertThat(invocations(fn)).isEmpty();
        AWS.advance(Duration.ofSeconds(1));
        assertThat(invocations(fn)).singleElement()
                .satisfies(i -> assertThat(event(i).get("Records")).hasSize(3));
        assertThat(invocations(fn).get(0).started()).isEqualTo(START.plusSeconds(5));
    }

    @Test
    void aDisabledMappingLeavesTheQueueAloneUntilEnabledAgain(LambdaClient lambda, SqsClient sqs) {
        String fn = function(lambda, "esm-toggle");
        String url = queue(sqs, "work", Map.of());
        String uuid = lambda.createEventSourceMapping(b -> b.functionName(fn).eventSourceArn(arn(sqs, url))
                .enabled(false)).uuid();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("ok"));
        AWS.advance(Duration.ofSeconds(10));
        assertThat(invocations(fn)).isEmpty();
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(uuid)).state()).isEqualTo("Disabled");

        assertThat(lambda.updateEventSourceMapping(b -> b.uuid(uuid).enabled(true)).state())
                .isEqualTo("Enabling");
        AWS.advance(Duration.ofSeconds(1));
        assertThat(invocations(fn)).hasSize(1);
        assertThat(lambda.updateEventSourceMapping(b -> b.uuid(uuid).batchSize(3)).state())
                .isEqualTo("Updating");
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(uuid)).batchSize()).isEqualTo(3);

        assertThat(lambda.deleteEventSourceMapping(b -> b.uuid(uuid)).state()).isEqualTo("Deleting");
        assertThat(lambda.listEventSourceMappings(b -> b.eventSourceArn(arn(sqs, url))).eventSourceMappings())
                .isEmpty();
        assertThatThrownBy(() -> lambda.getEventSourceMapping(b -> b.uuid(uuid)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void createRefusesWhatAwsRefuses(LambdaClient lambda, SqsClient sqs) {
        String fn = function(lambda, "esm-checks");
        String queueArn = arn(sqs, queue(sqs, "work", Map.of()));
        String shortVisibility = arn(sqs, queue(sqs, "short", Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "5")));
        String fifo = arn(sqs, queue(sqs, "work.fifo", Map.of(QueueAttributeName.FIFO_QUEUE, "true")));

        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.functionName(fn).eventSourceArn(queueArn)
                .batchSize(0))).isInstanceOfSatisfying(LambdaException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.functionName(fn).eventSourceArn(queueArn)
                .batchSize(100))).isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("Maximum batch window in seconds must be greater than 0");
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.functionName(fn).eventSourceArn(queueArn)
                .maximumBatchingWindowInSeconds(301))).isInstanceOfSatisfying(LambdaException.class, e ->
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.functionName(fn).eventSourceArn(fifo)
                .batchSize(20).maximumBatchingWindowInSeconds(1))).isInstanceOf(InvalidParameterValueException.class);
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.functionName(fn)
                .eventSourceArn(shortVisibility))).isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("Queue visibility timeout: 5 seconds is less than Function timeout: 10 seconds");
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.functionName(fn)
                .eventSourceArn("arn:aws:sqs:us-east-1:123456789012:missing")))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("NonExistentQueue");
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.functionName("no-such-function")
                .eventSourceArn(queueArn))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.functionName(fn).eventSourceArn(queueArn)
                .functionResponseTypesWithStrings("Everything"))).isInstanceOfSatisfying(LambdaException.class, e ->
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));

        String uuid = lambda.createEventSourceMapping(b -> b.functionName(fn).eventSourceArn(queueArn)).uuid();
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.functionName(fn).eventSourceArn(queueArn)))
                .isInstanceOf(ResourceConflictException.class).hasMessageContaining(uuid);
        assertThatThrownBy(() -> lambda.getEventSourceMapping(b -> b.uuid("00000000-0000-0000-0000-000000000000")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e ->
                        assertThat(e.statusCode()).isEqualTo(404));
        assertThat(lambda.listEventSourceMappings(b -> b.maxItems(10)).eventSourceMappings())
                .singleElement().satisfies(m -> assertThat(m.uuid()).isEqualTo(uuid));
    }
}
