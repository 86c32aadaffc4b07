package io.selfheal.emulator.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.control.FunctionFaults;
import io.selfheal.emulator.control.FunctionInvocation;
import io.selfheal.emulator.control.LambdaControl;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.services.lambda.testfunctions.EchoHandler;
import io.selfheal.emulator.services.lambda.testfunctions.FailingHandler;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Lambda's asynchronous queue on the virtual clock, through the SDK v2: retries at AWS's intervals, maximum event
 * age, throttles, destinations, the dead-letter queue and the {@code AWS/Lambda} metrics.
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
 */
class LambdaAsyncInvocationTest {
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.virtualTime(START).perTest();

    private LambdaClient lambda;
    private SqsClient sqs;
    private String failures;
    private String deadLetters;

    @BeforeEach
    void setUp(LambdaClient lambda, SqsClient sqs) {
        this.lambda = lambda;
        this.sqs = sqs;
        failures = sqs.createQueue(b -> b.queueName("failures")).queueUrl();
        deadLetters = sqs.createQueue(b -> b.queueName("dead-letters")).queueUrl();
    }

    @Test
    void aFailingEventIsTriedThreeTimesAtAwsIntervalsThenRecordedAndDeadLettered(CloudWatchClient cw) {
        TestFunctions.create(lambda, "failing", FailingHandler.class,
                b -> b.deadLetterConfig(d -> d.targetArn(arn("dead-letters"))));
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("failing").maximumRetryAttempts(2)
                .destinationConfig(d -> d.onFailure(f -> f.destination(arn("failures")))));

        InvokeResponse accepted = invokeAsync("failing", "{\"reason\":\"quota\"}");

        assertThat(accepted.statusCode()).isEqualTo(202);
        AWS.advance(Duration.ZERO);
        assertThat(attemptTimes("failing")).containsExactly(START);
        AWS.advance(Duration.ofSeconds(59));
        assertThat(attemptTimes("failing")).hasSize(1);
        assertThat(receive(failures)).isEmpty();
        AWS.advance(Duration.ofMinutes(10));
        // one minute after the first attempt, two minutes after the second; then no more
        assertThat(attemptTimes("failing")).containsExactly(START, START.plusSeconds(60), START.plusSeconds(180));

        List<Message> records = receive(failures);
        assertThat(records).hasSize(1);
        JsonNode record = json(records.get(0).body());
        assertThat(record.get("version").asText()).isEqualTo("1.0");
        assertThat(record.get("timestamp").asText()).isEqualTo("2026-03-01T00:03:00Z");
        assertThat(record.at("/requestContext/requestId").asText())
                .isEqualTo(accepted.responseMetadata().requestId());
        assertThat(record.at("/requestContext/functionArn").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:failing:$LATEST");
        assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
        assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);
        assertThat(record.at("/requestPayload/reason").asText()).isEqualTo("quota");
        assertThat(record.at("/responseContext/statusCode").asInt()).isEqualTo(200);
        assertThat(record.at("/responseContext/executedVersion").asText()).isEqualTo("$LATEST");
        assertThat(record.at("/responseContext/functionError").asText()).isEqualTo("Unhandled");
        assertThat(record.at("/responsePayload/errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(record.at("/responsePayload/errorMessage").asText()).isEqualTo("refused: quota");

        List<Message> dead = receive(deadLetters);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).body()).isEqualTo("{\"reason\":\"quota\"}");
        assertThat(dead.get(0).messageAttributes().get("RequestID").stringValue())
                .isEqualTo(accepted.responseMetadata().requestId());
        assertThat(dead.get(0).messageAttributes().get("ErrorCode").stringValue()).isEqualTo("200");
        assertThat(dead.get(0).messageAttributes().get("ErrorCode").dataType()).isEqualTo("Number");
        assertThat(dead.get(0).messageAttributes().get("RequestID").dataType()).isEqualTo("String");
        assertThat(dead.get(0).messageAttributes().get("ErrorMessage").stringValue()).isEqualTo("refused: quota");

        // AWS/Lambda: three invocations, three errors, one event received and dropped (after its DLQ/destination)
        assertThat(sum(cw, "failing", "Invocations")).isEqualTo(3);
        assertThat(sum(cw, "failing", "Errors")).isEqualTo(3);
        assertThat(sum(cw, "failing", "AsyncEventsReceived")).isEqualTo(1);
        assertThat(sum(cw, "failing", "AsyncEventsDropped")).isEqualTo(1);
        assertThat(sum(cw, "failing", "DeadLetterErrors")).isZero();
        assertThat(sum(cw, "failing", "DestinationDeliveryFailures")).isZero();
    }

    @Test
    void anEventThatOutlivesItsMaximumAgeIsNotTriedAgain() {
        TestFunctions.create(lambda, "failing", FailingHandler.class);
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("failing").maximumEventAgeInSeconds(60)
                .destinationConfig(d -> d.onFailure(f -> f.destination(arn("failures")))));

        invokeAsync("failing", "{\"reason\":\"old\"}");
        AWS.advance(Duration.ofMinutes(10));

        // tried at 0 and at 60 s (not older than 60 s yet); the retry due at 180 s finds it too old
        assertThat(attemptTimes("failing")).containsExactly(START, START.plusSeconds(60));
        JsonNode record = json(receive(failures).get(0).body());
        assertThat(record.at("/requestContext/condition").asText()).isEqualTo("EventAgeExceeded");
        assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(2);
        assertThat(record.get("timestamp").asText()).isEqualTo("2026-03-01T00:03:00Z");
    }

    @Test
    void aThrottledEventBacksOffFromOneSecondUntilItIsTooOld(CloudWatchClient cw) {
        TestFunctions.create(lambda, "echo", EchoHandler.class);
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("echo").maximumEventAgeInSeconds(60)
                .destinationConfig(d -> d.onFailure(f -> f.destination(arn("failures")))));
        faults().inject("123456789012", "us-east-1", "echo", FunctionFaults.Mode.THROTTLE, 0, null);

        invokeAsync("echo", "{}");
        AWS.advance(Duration.ofSeconds(62));
        assertThat(receive(failures)).isEmpty();
        AWS.advance(Duration.ofSeconds(1));

        // throttled at 0, 1, 3, 7, 15, 31 s; the attempt due at 63 s finds the event older than 60 s
        JsonNode record = json(receive(failures).get(0).body());
        assertThat(record.at("/requestContext/condition").asText()).isEqualTo("EventAgeExceeded");
        assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isZero();
        assertThat(record.has("responseContext")).isFalse();
        assertThat(attemptTimes("echo")).isEmpty();
        assertThat(sum(cw, "echo", "Throttles")).isEqualTo(6);
        assertThat(sum(cw, "echo", "Invocations")).isZero();
    }

    /**
     * Reserved concurrency 0 throttles every invocation; an asynchronous event is throttled like any other: it waits
     * in the queue, retried with backoff, until it is older than its maximum age, and then goes to the dead-letter
     * queue with the throttle's status (429).
     * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html ("For throttling errors
     * (429) ... Lambda returns the event to the queue and attempts to run the function again for up to 6 hours")
     */
    @Test
    void reservedConcurrencyZeroThrottlesSyncCallsAndKeepsEventsUntilTheyAreTooOld(CloudWatchClient cw) {
        TestFunctions.create(lambda, "echo", EchoHandler.class,
                b -> b.deadLetterConfig(d -> d.targetArn(arn("dead-letters"))));
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("echo").maximumEventAgeInSeconds(60)
                .destinationConfig(d -> d.onFailure(f -> f.destination(arn("failures")))));
        lambda.putFunctionConcurrency(b -> b.functionName("echo").reservedConcurrentExecutions(0));

        // https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html#API_Invoke_Errors
        assertThatThrownBy(() -> TestFunctions.invoke(lambda, "echo", "{}"))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.reasonAsString()).isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate Exceeded.");
                });
        long refusedCalls = AWS.emulator().control().calls("lambda", "Invoke").stream()
                .filter(c -> c.status() == 429).count();
        InvokeResponse accepted = invokeAsync("echo", "{\"n\":1}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        AWS.advance(Duration.ofSeconds(62));
        assertThat(receive(deadLetters)).as("still queued while younger than 60 s").isEmpty();
        AWS.advance(Duration.ofSeconds(1));

        List<Message> dead = receive(deadLetters);
        assertThat(dead).extracting(Message::body).containsExactly("{\"n\":1}");
        assertThat(dead.get(0).messageAttributes().get("RequestID").stringValue())
                .isEqualTo(accepted.responseMetadata().requestId());
        assertThat(dead.get(0).messageAttributes().get("ErrorCode").stringValue()).isEqualTo("429");
        assertThat(dead.get(0).messageAttributes().get("ErrorMessage").stringValue()).isEqualTo("Rate Exceeded.");
        JsonNode record = json(receive(failures).get(0).body());
        assertThat(record.at("/requestContext/condition").asText()).isEqualTo("EventAgeExceeded");
        assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isZero();
        assertThat(attemptTimes("echo")).isEmpty();
        // the SDK retries a 429 itself: each refused call is one throttle; the event was throttled at 0, 1, 3, 7,
        // 15 and 31 s
        assertThat(refusedCalls).isGreaterThanOrEqualTo(1);
        assertThat(sum(cw, "echo", "Throttles")).isEqualTo(refusedCalls + 6);
        assertThat(sum(cw, "echo", "AsyncEventsDropped")).isEqualTo(1);
        assertThat(sum(cw, "echo", "Invocations")).isZero();
    }

    @Test
    void anEventThatFailsTwiceThenSucceedsEndsInTheOnSuccessDestination() {
        String successes = sqs.createQueue(b -> b.queueName("successes")).queueUrl();
        TestFunctions.create(lambda, "echo", EchoHandler.class);
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("echo")
                .destinationConfig(d -> d.onSuccess(s -> s.destination(arn("successes")))
                        .onFailure(f -> f.destination(arn("failures")))));
        faults().inject("123456789012", "us-east-1", "echo", FunctionFaults.Mode.THROW, 2, null);

        invokeAsync("echo", "{\"instanceId\":\"i-1\"}");
        AWS.advance(Duration.ofMinutes(10));

        List<FunctionInvocation> attempts = invocations("echo");
        assertThat(attempts).extracting(FunctionInvocation::started)
                .containsExactly(START, START.plusSeconds(60), START.plusSeconds(180));
        assertThat(attempts).extracting(FunctionInvocation::errorType).containsExactly(
                "selfheal.InjectedFunctionFault", "selfheal.InjectedFunctionFault", null);
        assertThat(receive(failures)).isEmpty();
        JsonNode record = json(receive(successes).get(0).body());
        assertThat(record.at("/requestContext/condition").asText()).isEqualTo("Success");
        assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);
        assertThat(record.at("/responseContext/functionError").isMissingNode()).isTrue();
        assertThat(record.at("/responsePayload/input/instanceId").asText()).isEqualTo("i-1");
    }

    @Test
    void aFaultForTwoMinutesFailsTheAttemptsWithinThemOnly() {
        TestFunctions.create(lambda, "echo", EchoHandler.class);
        faults().inject("123456789012", "us-east-1", "echo", FunctionFaults.Mode.CRASH, 0, Duration.ofMinutes(2));

        invokeAsync("echo", "{}");
        AWS.advance(Duration.ofMinutes(10));

        assertThat(invocations("echo")).extracting(FunctionInvocation::errorType)
                .containsExactly("Runtime.ExitError", "Runtime.ExitError", null);
    }

    @Test
    void aFailureRecordCanInvokeAnotherFunction() {
        TestFunctions.create(lambda, "failing", FailingHandler.class);
        TestFunctions.create(lambda, "handler", EchoHandler.class);
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("failing").maximumRetryAttempts(0)
                .destinationConfig(d -> d.onFailure(f -> f.destination(
                        "arn:aws:lambda:us-east-1:123456789012:function:handler"))));

        invokeAsync("failing", "{\"reason\":\"x\"}");
        AWS.advance(Duration.ofMinutes(1));

        assertThat(invocations("failing")).hasSize(1);
        List<FunctionInvocation> handled = invocations("handler");
        assertThat(handled).hasSize(1);
        assertThat(handled.get(0).invocationType()).isEqualTo("Event");
        JsonNode record = json(handled.get(0).payload());
        assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
        assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(1);
    }

    @Test
    void anUndeliverableRecordAndDeadLetterAreCounted(CloudWatchClient cw) {
        TestFunctions.create(lambda, "failing", FailingHandler.class,
                b -> b.deadLetterConfig(d -> d.targetArn(arn("no-such-queue"))));
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("failing").maximumRetryAttempts(0)
                .destinationConfig(d -> d.onFailure(f -> f.destination(arn("gone")))));

        invokeAsync("failing", "{}");
        AWS.advance(Duration.ofMinutes(1));

        assertThat(sum(cw, "failing", "DeadLetterErrors")).isEqualTo(1);
        assertThat(sum(cw, "failing", "DestinationDeliveryFailures")).isEqualTo(1);
    }

    private InvokeResponse invokeAsync(String function, String payload) {
        return lambda.invoke(b -> b.functionName(function).invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String(payload)));
    }

    private static FunctionFaults faults() {
        return AWS.emulator().control().functionFaults();
    }

    private static List<FunctionInvocation> invocations(String function) {
        return AWS.emulator().control().component(LambdaControl.class).invocations(function);
    }

    private static List<Instant> attemptTimes(String function) {
        return invocations(function).stream().map(FunctionInvocation::started).toList();
    }

    private List<Message> receive(String url) {
        return sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).messageAttributeNames("All")
                .attributeNamesWithStrings(QueueAttributeName.ALL.toString())).messages();
    }

    private static double sum(CloudWatchClient cw, String function, String metric) {
        return cw.getMetricStatistics(b -> b.namespace("AWS/Lambda").metricName(metric)
                        .dimensions(d -> d.name("FunctionName").value(function))
                        .startTime(START.minusSeconds(60)).endTime(START.plusSeconds(3600)).period(3600)
                        .statistics(Statistic.SUM))
                .datapoints().stream().mapToDouble(p -> p.sum()).sum();
    }

    private static String arn(String queue) {
        return "arn:aws:sqs:us-east-1:123456789012:" + queue;
    }

    private static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
