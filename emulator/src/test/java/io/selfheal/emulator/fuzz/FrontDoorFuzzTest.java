package io.selfheal.emulator.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.TestClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.selfheal.emulator.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Thousands of seeded, malformed requests across every protocol the port speaks, as raw bytes over real sockets.
 * Every one must be answered, none with a 5xx or our internals, every 4xx in its protocol's error shape; afterwards
 * the emulator still serves well-formed SDK clients the state it had. Reproduce a run with
 * {@code -Dselfheal.fuzz.seed=<seed printed below>}; {@code -Dselfheal.fuzz.cases=N} runs more.
 */
class FrontDoorFuzzTest {
    private static final int CASES = Integer.getInteger("selfheal.fuzz.cases", 3000);
    private static final long SEED = Long.getLong("selfheal.fuzz.seed", System.nanoTime());
    private static final int MAX_REPORTED = 25;
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();

    @Test
    void everyMalformedRequestIsAnsweredInItsProtocolsShapeAndTheServerStaysWhole() {
        System.out.println("FrontDoorFuzzTest seed " + SEED + " (rerun with -Dselfheal.fuzz.seed=" + SEED + "), "
                + CASES + " cases");
        Baseline before = Baseline.create(AWS.emulator());

        RawExchange exchange = new RawExchange("127.0.0.1", AWS.emulator().port(), 15_000);
        FuzzCases cases = new FuzzCases(SEED);
        List<String> failures = new ArrayList<>();
        int failed = 0;
        long started = System.nanoTime();
        for (int i = 0; i < CASES; i++) {
            RawRequest request = cases.next();
            List<String> problems;
            try {
                problems = AnswerCheck.problems(request, exchange.send(request));
            } catch (RawExchange.Unanswered e) {
                problems = List.of("unanswered: " + e.getMessage());
            }
            if (!problems.isEmpty()) {
                failed++;
                if (failures.size() < MAX_REPORTED) {
                    failures.add("case " + i + " [" + request.family() + "] " + request.label() + ": " + problems
                            + "\n    sent: " + request.printable()
                            + "\n    replay: nc 127.0.0.1 <port> < " + saved(i, request));
                }
            }
        }
        System.out.printf("FrontDoorFuzzTest: %d cases in %d ms, %d failed%n", CASES,
                (System.nanoTime() - started) / 1_000_000, failed);
        assertThat(failures).as("seed %d: %d of %d cases failed", SEED, failed, CASES).isEmpty();

        before.assertStillServed(AWS.emulator());
    }

    /** The exact bytes of a failing case, for {@code nc} against a running emulator. */
    private static Path saved(int index, RawRequest request) {
        Path file = Path.of("target", "fuzz-failures", "seed-" + SEED + "-case-" + index + ".http");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, request.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toAbsolutePath();
    }

    /** State made by well-formed SDK clients before the fuzz, and read back by them after it. */
    private record Baseline(String queueUrl, String alarmName, String ruleName) {
        static Baseline create(Emulator emulator) {
            try (SqsClient sqs = TestClients.of(SqsClient.builder(), emulator);
                 CloudWatchClient cw = TestClients.of(CloudWatchClient.builder(), emulator);
                 EventBridgeClient events = TestClients.of(EventBridgeClient.builder(), emulator)) {
                String url = sqs.createQueue(b -> b.queueName("fuzz-baseline")).queueUrl();
                cw.putMetricAlarm(b -> b.alarmName("fuzz-baseline-alarm").namespace("fuzz").metricName("m")
                        .statistic(Statistic.SUM).period(60).evaluationPeriods(1).threshold(42.0)
                        .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
                events.putRule(b -> b.name("fuzz-baseline-rule").eventPattern("{\"source\":[\"fuzz\"]}"));
                return new Baseline(url, "fuzz-baseline-alarm", "fuzz-baseline-rule");
            }
        }

        void assertStillServed(Emulator emulator) {
            try (SqsClient sqs = TestClients.of(SqsClient.builder(), emulator);
                 CloudWatchClient cw = TestClients.of(CloudWatchClient.builder(), emulator);
                 EventBridgeClient events = TestClients.of(EventBridgeClient.builder(), emulator);
                 StsClient sts = TestClients.of(StsClient.builder(), emulator)) {
                assertThat(sts.getCallerIdentity().account()).isEqualTo(emulator.accountId());
                assertThat(sqs.listQueues().queueUrls()).contains(queueUrl);
                // Query XML with every alarm the fuzz managed to create: it must still parse.
                List<MetricAlarm> alarms = cw.describeAlarms().metricAlarms();
                assertThat(alarms).filteredOn(a -> a.alarmName().equals(alarmName))
                        .singleElement().satisfies(a -> assertThat(a.threshold()).isEqualTo(42.0));
                assertThat(events.describeRule(b -> b.name(ruleName)).eventPattern())
                        .isEqualTo("{\"source\":[\"fuzz\"]}");
            }
            JsonNode cbor = describeAlarmsOverCbor(emulator);
            assertThat(cbor.path("MetricAlarms").findValuesAsText("AlarmName")).contains(alarmName);
        }

        /** RPC v2 CBOR DescribeAlarms, decoded as a CBOR client would. */
        private static JsonNode describeAlarmsOverCbor(Emulator emulator) {
            RawRequest request = RawRequest.of(WireFamily.RPC_V2_CBOR, "baseline", "POST",
                    "/service/GraniteServiceVersion20100801/operation/DescribeAlarms", List.of(
                            Map.entry("Content-Type", "application/cbor"),
                            Map.entry("smithy-protocol", "rpc-v2-cbor")), FuzzCases.cborBytes(Map.of()));
            try {
                RawResponse answer = new RawExchange("127.0.0.1", emulator.port(), 15_000).send(request);
                assertThat(answer.status()).isEqualTo(200);
                return new CBORMapper().readTree(answer.body());
            } catch (Exception e) {
                throw new AssertionError("CBOR DescribeAlarms after the fuzz", e);
            }
        }
    }
}
