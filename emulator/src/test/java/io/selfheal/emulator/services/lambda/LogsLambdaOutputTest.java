package io.selfheal.emulator.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.TestClients;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.messages.PutLogEvents;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.Operations;
import io.selfheal.emulator.services.lambda.testfunctions.EnvironmentHandler;
import io.selfheal.emulator.services.lambda.testfunctions.LoggingHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * A function's output reaches CloudWatch Logs as on AWS ("Sending Lambda function logs to CloudWatch Logs"): group
 * {@code /aws/lambda/<function>}, stream {@code YYYY/MM/DD/[$LATEST]<id>} of the execution environment, with
 * Lambda's START, END and REPORT lines around the function's own.
 */
class LogsLambdaOutputTest {
    private static final String STREAM = "\\d{4}/\\d\\d/\\d\\d/\\[\\$LATEST][0-9a-f]{32}";
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();
    private static Emulator emulator;
    private static LambdaClient lambda;
    private static CloudWatchLogsClient logs;

    @BeforeAll
    static void start() {
        emulator = AWS.emulator();
        lambda = AWS.client(LambdaClient.class);
        logs = AWS.client(CloudWatchLogsClient.class);
        TestFunctions.create(lambda, "logging", LoggingHandler.class);
        TestFunctions.create(lambda, "env", EnvironmentHandler.class);
    }

    @Test
    void anInvocationsLinesAppearInTheFunctionsLogGroup() {
        InvokeResponse r = TestFunctions.invoke(lambda, "logging", "{\"tag\":\"sync-1\"}");
        String id = r.responseMetadata().requestId();

        List<FilteredLogEvent> events = logsAwait().atMost(Duration.ofSeconds(10))
                .until(() -> invocationEvents("logging", id), e -> e.size() >= 6);

        List<String> lines = events.stream().map(FilteredLogEvent::message).toList();
        assertThat(lines.get(0)).isEqualTo("START RequestId: " + id + " Version: $LATEST\n");
        assertThat(lines).contains("stdout sync-1\n", "stderr sync-1\n", "logger sync-1\n",
                "END RequestId: " + id + "\n");
        assertThat(lines.get(lines.size() - 1)).startsWith("REPORT RequestId: " + id + "\tDuration: ")
                .contains("\tMemory Size: 128 MB");
        assertThat(events).extracting(FilteredLogEvent::logStreamName).allMatch(s -> s.matches(STREAM)).hasSize(6);
        assertThat(events).extracting(FilteredLogEvent::timestamp).isSorted();
        assertThat(logs.describeLogGroups(b -> b.logGroupNamePrefix("/aws/lambda/logging")).logGroups())
                .singleElement().satisfies(g -> assertThat(g.storedBytes()).isPositive());
    }

    @Test
    void asynchronousInvocationsAreLoggedToo() {
        InvokeResponse r = lambda.invoke(b -> b.functionName("logging").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"tag\":\"async-1\"}")));
        String id = r.responseMetadata().requestId();

        logsAwait().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(messages(
                logs.filterLogEvents(b -> b.logGroupName("/aws/lambda/logging").filterPattern("\"async-1\"")).events()))
                .contains("stdout async-1\n", "logger async-1\n"));
        logsAwait().atMost(Duration.ofSeconds(10)).until(() -> invocationEvents("logging", id),
                e -> messages(e).contains("END RequestId: " + id + "\n"));
    }

    @Test
    void theStreamIsTheSandboxsLogStreamName() {
        InvokeResponse r = lambda.invoke(b -> b.functionName("env")
                .payload(SdkBytes.fromUtf8String("{\"names\":[\"AWS_LAMBDA_LOG_STREAM_NAME\"]}")));
        @SuppressWarnings("unchecked")
        Map<String, String> env = Json.MAPPER.convertValue(json(r), Map.class);
        String stream = env.get("AWS_LAMBDA_LOG_STREAM_NAME");

        assertThat(stream).matches(STREAM);
        List<LogStream> streams = logsAwait().atMost(Duration.ofSeconds(10)).until(
                () -> logs.describeLogStreams(b -> b.logGroupName("/aws/lambda/env")).logStreams(),
                s -> !s.isEmpty());
        assertThat(streams).extracting(LogStream::logStreamName).containsExactly(stream);
    }

    @Test
    void withoutALogsServiceInvocationsStillWork() {
        // A stand-in registered after the built-in services answers PutLogEvents as if none were loaded.
        try (Emulator noLogs = Emulator.builder().port(0).service(context -> {
            context.bus().handle(PutLogEvents.class, m -> {
                throw new IllegalStateException("no service handles " + PutLogEvents.class.getName());
            });
            return new AwsService() {
                @Override
                public ServiceDescriptor descriptor() {
                    return ServiceDescriptor.json11("no-logs-probe", "NoLogsProbe");
                }

                @Override
                public Operations operations() {
                    return new Operations("test");
                }
            };
        }).start(); LambdaClient client = TestClients.of(LambdaClient.builder(), noLogs)) {
            TestFunctions.create(client, "logging", LoggingHandler.class);

            InvokeResponse r = TestFunctions.invoke(client, "logging", "{\"tag\":\"x\"}");

            assertThat(r.functionError()).isNull();
            assertThat(r.payload().asUtf8String()).isEqualTo("\"logged x\"");
        }
    }

    /** Until the first invocation finishes, the function's log group does not exist. */
    private static ConditionFactory logsAwait() {
        return await().ignoreExceptionsInstanceOf(ResourceNotFoundException.class);
    }

    private static List<FilteredLogEvent> invocationEvents(String function, String requestId) {
        // The request id is in START, END and REPORT; the function's lines share their stream and time window.
        List<FilteredLogEvent> marks = logs.filterLogEvents(b -> b.logGroupName("/aws/lambda/" + function)
                .filterPattern("\"" + requestId + "\"")).events();
        if (marks.isEmpty()) {
            return List.of();
        }
        FilteredLogEvent first = marks.get(0);
        FilteredLogEvent last = marks.get(marks.size() - 1);
        List<FilteredLogEvent> window = logs.filterLogEvents(b -> b.logGroupName("/aws/lambda/" + function)
                .logStreamNames(first.logStreamName()).startTime(first.timestamp()).endTime(last.timestamp()))
                .events();
        int from = window.indexOf(first);
        int to = window.indexOf(last);
        return from < 0 || to < 0 ? List.of() : window.subList(from, to + 1);
    }

    private static List<String> messages(List<FilteredLogEvent> events) {
        return events.stream().map(FilteredLogEvent::message).toList();
    }

    private static com.fasterxml.jackson.databind.JsonNode json(InvokeResponse r) {
        try {
            return Json.parse(r.payload().asUtf8String());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
