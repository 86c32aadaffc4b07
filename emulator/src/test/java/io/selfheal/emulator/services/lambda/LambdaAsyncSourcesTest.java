package io.selfheal.emulator.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.control.FunctionInvocation;
import io.selfheal.emulator.control.LambdaControl;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.services.lambda.testfunctions.FailingHandler;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Asynchronous sources other than Invoke use Lambda's queue too, and records reach an EventBridge bus and dead
 * letters an SNS topic. An EventBridge rule's target is an asynchronous invocation: its function errors are Lambda's
 * to retry, not EventBridge's ("Lambda asynchronous invocation").
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
 */
class LambdaAsyncSourcesTest {
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final String ACCOUNT = "123456789012";

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.virtualTime(START).perTest();

    @Test
    void anEventBridgeTargetIsRetriedByLambdaAndItsFailureRecordReachesAnEventBus(LambdaClient lambda,
                                                                                   EventBridgeClient events,
                                                                                   SqsClient sqs) {
        TestFunctions.create(lambda, "failing", FailingHandler.class);
        lambda.addPermission(b -> b.functionName("failing").statementId("events").action("lambda:InvokeFunction")
                .principal("events.amazonaws.com"));
        events.createEventBus(b -> b.name("results"));
        String bus = "arn:aws:events:us-east-1:" + ACCOUNT + ":event-bus/results";
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("failing").maximumRetryAttempts(1)
                .destinationConfig(d -> d.onFailure(f -> f.destination(bus))));
        String queue = sqs.createQueue(b -> b.queueName("results")).queueUrl();
        String queueArn = "arn:aws:sqs:us-east-1:" + ACCOUNT + ":results";
        allowToSend(sqs, queue, queueArn, "events.amazonaws.com");
        events.putRule(b -> b.name("failures").eventBusName("results")
                .eventPattern("{\"source\":[\"lambda\"],\"detail-type\":[\"Lambda Function Invocation Result - "
                        + "Failure\"]}"));
        events.putTargets(b -> b.rule("failures").eventBusName("results").targets(t -> t.id("q").arn(queueArn)));
        events.putRule(b -> b.name("remediate").eventPattern("{\"source\":[\"ops\"]}"));
        events.putTargets(b -> b.rule("remediate").targets(t -> t.id("fn")
                .arn("arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:failing")));

        events.putEvents(b -> b.entries(e -> e.source("ops").detailType("alarm").detail("{\"reason\":\"disk\"}")));
        AWS.advance(Duration.ofMinutes(5));

        List<FunctionInvocation> attempts = invocations("failing");
        assertThat(attempts).extracting(FunctionInvocation::invokedBy)
                .containsExactly("events.amazonaws.com", "events.amazonaws.com");
        assertThat(attempts.get(1).started()).isEqualTo(attempts.get(0).started().plusSeconds(60));
        List<Message> delivered = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10)).messages();
        assertThat(delivered).hasSize(1);
        JsonNode event = json(delivered.get(0).body());
        assertThat(event.get("source").asText()).isEqualTo("lambda");
        assertThat(event.get("detail-type").asText()).isEqualTo("Lambda Function Invocation Result - Failure");
        assertThat(event.at("/detail/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
        assertThat(event.at("/detail/requestContext/approximateInvokeCount").asInt()).isEqualTo(2);
        assertThat(event.at("/detail/requestPayload/detail/reason").asText()).isEqualTo("disk");
    }

    /**
     * A throttled function behind a rule: EventBridge invokes asynchronously, so Lambda accepts the event into its
     * queue (EventBridge's delivery succeeded: its retry policy and dead-letter queue are not involved); Lambda
     * retries the throttle until the event is older than its maximum age and then dead-letters it.
     * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html
     * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html
     * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html (EventBridge's DLQ holds events it
     * could not deliver to the target)
     */
    @Test
    void aThrottledTargetIsLambdasToRetryAndEndsInTheFunctionsDeadLetterQueue(LambdaClient lambda,
                                                                              EventBridgeClient events,
                                                                              SqsClient sqs,
                                                                              CloudWatchClient cw) {
        String lambdaDlq = sqs.createQueue(b -> b.queueName("lambda-dlq")).queueUrl();
        String eventsDlq = sqs.createQueue(b -> b.queueName("events-dlq")).queueUrl();
        String eventsDlqArn = "arn:aws:sqs:us-east-1:" + ACCOUNT + ":events-dlq";
        allowToSend(sqs, eventsDlq, eventsDlqArn, "events.amazonaws.com");
        TestFunctions.create(lambda, "throttled", FailingHandler.class, b -> b.deadLetterConfig(
                d -> d.targetArn("arn:aws:sqs:us-east-1:" + ACCOUNT + ":lambda-dlq")));
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("throttled").maximumEventAgeInSeconds(120));
        lambda.putFunctionConcurrency(b -> b.functionName("throttled").reservedConcurrentExecutions(0));
        lambda.addPermission(b -> b.functionName("throttled").statementId("events")
                .action("lambda:InvokeFunction").principal("events.amazonaws.com"));
        events.putRule(b -> b.name("remediate").eventPattern("{\"source\":[\"ops\"]}"));
        events.putTargets(b -> b.rule("remediate").targets(t -> t.id("fn")
                .arn("arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:throttled")
                .retryPolicy(r -> r.maximumRetryAttempts(2).maximumEventAgeInSeconds(60))
                .deadLetterConfig(d -> d.arn(eventsDlqArn))));

        events.putEvents(b -> b.entries(e -> e.source("ops").detailType("alarm").detail("{\"reason\":\"disk\"}")));
        AWS.advance(Duration.ofSeconds(119));
        assertThat(sqs.receiveMessage(b -> b.queueUrl(lambdaDlq)).messages()).isEmpty();
        AWS.advance(Duration.ofMinutes(5));

        assertThat(invocations("throttled")).isEmpty();
        List<Message> dead = sqs.receiveMessage(b -> b.queueUrl(lambdaDlq).maxNumberOfMessages(10)
                .messageAttributeNames("All")).messages();
        assertThat(dead).hasSize(1);
        assertThat(json(dead.get(0).body()).at("/detail/reason").asText()).isEqualTo("disk");
        assertThat(dead.get(0).messageAttributes().get("ErrorCode").stringValue()).isEqualTo("429");
        assertThat(sqs.receiveMessage(b -> b.queueUrl(eventsDlq)).messages())
                .as("EventBridge delivered the event: Lambda accepted it").isEmpty();
        assertThat(metric(cw, "AWS/Events", "RuleName", "remediate", "RetryInvocationAttempts")).isZero();
        assertThat(metric(cw, "AWS/Events", "RuleName", "remediate", "Invocations")).isEqualTo(1);
        assertThat(metric(cw, "AWS/Lambda", "FunctionName", "throttled", "Throttles")).isGreaterThan(1);
    }

    private static double metric(CloudWatchClient cw, String namespace, String dimension, String value,
                                 String metric) {
        return cw.getMetricStatistics(b -> b.namespace(namespace).metricName(metric)
                        .dimensions(d -> d.name(dimension).value(value))
                        .startTime(START.minusSeconds(60)).endTime(START.plusSeconds(3600)).period(3600)
                        .statistics(Statistic.SUM))
                .datapoints().stream().mapToDouble(p -> p.sum()).sum();
    }

    @Test
    void aDeadLetterTopicCarriesLambdasAttributes(LambdaClient lambda, SnsClient sns, SqsClient sqs) {
        String topic = sns.createTopic(b -> b.name("dead-letters")).topicArn();
        String queue = sqs.createQueue(b -> b.queueName("subscriber")).queueUrl();
        String queueArn = "arn:aws:sqs:us-east-1:" + ACCOUNT + ":subscriber";
        allowToSend(sqs, queue, queueArn, "sns.amazonaws.com");
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn));
        TestFunctions.create(lambda, "failing", FailingHandler.class,
                b -> b.deadLetterConfig(d -> d.targetArn(topic)));
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("failing").maximumRetryAttempts(0));

        String requestId = lambda.invoke(b -> b.functionName("failing")
                .invocationType("Event").payload(software.amazon.awssdk.core.SdkBytes.fromUtf8String(
                        "{\"reason\":\"x\"}"))).responseMetadata().requestId();
        AWS.advance(Duration.ofMinutes(1));

        JsonNode notification = json(sqs.receiveMessage(b -> b.queueUrl(queue)).messages().get(0).body());
        assertThat(notification.get("Message").asText()).isEqualTo("{\"reason\":\"x\"}");
        assertThat(notification.at("/MessageAttributes/RequestID/Value").asText()).isEqualTo(requestId);
        assertThat(notification.at("/MessageAttributes/ErrorCode/Value").asText()).isEqualTo("200");
        assertThat(notification.at("/MessageAttributes/ErrorCode/Type").asText()).isEqualTo("Number");
        assertThat(notification.at("/MessageAttributes/ErrorMessage/Value").asText()).isEqualTo("refused: x");
    }

    /** A queue policy letting a service principal send, as EventBridge and SNS need. */
    private static void allowToSend(SqsClient sqs, String queueUrl, String queueArn, String principal) {
        sqs.setQueueAttributes(b -> b.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.POLICY,
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\""
                        + principal + "\"},\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + queueArn + "\"}]}")));
    }

    private static List<FunctionInvocation> invocations(String function) {
        return AWS.emulator().control().component(LambdaControl.class).invocations(function);
    }

    private static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
