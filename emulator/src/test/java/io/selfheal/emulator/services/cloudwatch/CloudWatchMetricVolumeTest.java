package io.selfheal.emulator.services.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.TestClients;
import io.selfheal.emulator.core.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Metrics stay exact at volume: CloudWatch keeps statistic sets per period, so SampleCount and Sum of a metric are
 * exact whatever was published (the store used to keep 25,000 raw points per metric and silently drop the rest), and
 * percentiles stay available ("CloudWatch needs raw data points to calculate percentile statistics", PutMetricData:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricData.html).
 */
class CloudWatchMetricVolumeTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private final VirtualClock clock = new VirtualClock(T0.plus(Duration.ofMinutes(10)));
    private Emulator emulator;
    private CloudWatchClient cloudWatch;

    @BeforeEach
    void start() {
        emulator = Emulator.builder().port(0).clock(clock).start();
        cloudWatch = TestClients.of(CloudWatchClient.builder(), emulator);
    }

    @AfterEach
    void stop() {
        cloudWatch.close();
        emulator.close();
    }

    @Test
    void thirtyThousandDataPointsInOnePeriodAreCountedExactly() {
        // 30 calls of 1,000 single-value data points within one minute: 30,000 samples, 1..1000 in each call.
        for (int call = 0; call < 30; call++) {
            List<MetricDatum> data = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                data.add(MetricDatum.builder().metricName("Requests").value((double) (i + 1)).unit("Count")
                        .timestamp(T0.plusMillis(call * 1000L + i)).build());
            }
            cloudWatch.putMetricData(r -> r.namespace("Volume").metricData(data));
        }
        Datapoint point = cloudWatch.getMetricStatistics(r -> r.namespace("Volume").metricName("Requests")
                .startTime(T0).endTime(T0.plusSeconds(60)).period(60)
                .statistics(Statistic.SAMPLE_COUNT, Statistic.SUM, Statistic.MINIMUM, Statistic.MAXIMUM))
                .datapoints().get(0);
        assertThat(point.sampleCount()).isEqualTo(30_000.0);
        assertThat(point.sum()).isEqualTo(30 * 500_500.0);
        assertThat(point.minimum()).isEqualTo(1.0);
        assertThat(point.maximum()).isEqualTo(1000.0);
        // 1,000 distinct values: still exact by nearest rank.
        Datapoint percentiles = cloudWatch.getMetricStatistics(r -> r.namespace("Volume").metricName("Requests")
                .startTime(T0).endTime(T0.plusSeconds(60)).period(60).extendedStatistics("p50", "p99"))
                .datapoints().get(0);
        assertThat(percentiles.extendedStatistics()).containsEntry("p50", 500.0).containsEntry("p99", 990.0);
    }

    @Test
    void manyDistinctValuesKeepPercentilesWithinOnePercent() {
        List<MetricDatum> data = new ArrayList<>();
        for (int i = 1; i <= 5000; i++) {
            // 5,000 distinct values within one second: more than a stored point keeps exactly.
            data.add(MetricDatum.builder().metricName("Latency").value(i / 10.0).unit("Milliseconds")
                    .timestamp(T0.plusMillis(i % 500)).build());
            if (data.size() == 1000) {
                cloudWatch.putMetricData(r -> r.namespace("Volume").metricData(data));
                data.clear();
            }
        }
        GetMetricDataResponse response = cloudWatch.getMetricData(r -> r.startTime(T0).endTime(T0.plusSeconds(60))
                .metricDataQueries(q -> q.id("p90").metricStat(s -> s.period(60).stat("p90")
                        .metric(m -> m.namespace("Volume").metricName("Latency"))),
                        q -> q.id("n").metricStat(s -> s.period(60).stat("SampleCount")
                                .metric(m -> m.namespace("Volume").metricName("Latency")))));
        assertThat(response.metricDataResults().get(0).values().get(0)).isCloseTo(450.0, within(4.5));
        assertThat(response.metricDataResults().get(1).values()).containsExactly(5000.0);
    }

    @Test
    void statisticSetsAddUpAcrossCallsAndPeriods() {
        for (int call = 0; call < 30; call++) {
            Instant at = T0.plusSeconds(call * 10L);
            cloudWatch.putMetricData(r -> r.namespace("Volume").metricData(MetricDatum.builder().metricName("Batch")
                    .timestamp(at).unit("Bytes").statisticValues(StatisticSet.builder().sampleCount(1000.0)
                            .sum(5000.0).minimum(1.0).maximum(9.0).build()).build()));
        }
        List<Datapoint> points = new ArrayList<>(cloudWatch.getMetricStatistics(r -> r.namespace("Volume")
                .metricName("Batch").startTime(T0).endTime(T0.plusSeconds(300)).period(60)
                .statistics(Statistic.SAMPLE_COUNT, Statistic.SUM, Statistic.AVERAGE)).datapoints());
        points.sort(java.util.Comparator.comparing(Datapoint::timestamp));
        assertThat(points).hasSize(5).allSatisfy(p -> {
            assertThat(p.sampleCount()).isEqualTo(6000.0);
            assertThat(p.sum()).isEqualTo(30_000.0);
            assertThat(p.average()).isEqualTo(5.0);
        });
    }

    @Test
    void awsEventsMetricsCountEveryEventThroughTheSdk() {
        String queueArn = "arn:aws:sqs:us-east-1:123456789012:volume";
        try (SqsClient sqs = TestClients.of(SqsClient.builder(), emulator);
             EventBridgeClient events = TestClients.of(EventBridgeClient.builder(), emulator)) {
            String url = sqs.createQueue(r -> r.queueName("volume")).queueUrl();
            sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(Map.of(QueueAttributeName.POLICY,
                    "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"events.amazonaws.com\"},"
                            + "\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + queueArn + "\"}]}")));
            events.putRule(r -> r.name("volume").eventPattern("{\"source\":[\"volume\"]}"));
            events.putTargets(r -> r.rule("volume").targets(t -> t.id("q").arn(queueArn)));
            List<PutEventsRequestEntry> batch = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                batch.add(PutEventsRequestEntry.builder().source("volume").detailType("V").detail("{}").build());
            }
            for (int call = 0; call < 100; call++) {
                assertThat(events.putEvents(r -> r.entries(batch)).failedEntryCount()).isZero();
            }
            emulator.control().awaitIdle(Duration.ofSeconds(60));
        }
        Instant now = clock.now();
        GetMetricDataResponse response = cloudWatch.getMetricData(r -> r.startTime(now.minusSeconds(600))
                .endTime(now.plusSeconds(60)).metricDataQueries(
                        sum("invocations", "Invocations", true), sum("matched", "MatchedEvents", false),
                        sum("triggered", "TriggeredRules", true)));
        assertThat(response.metricDataResults()).allSatisfy(result ->
                assertThat(result.values().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(1000.0));
    }

    private static MetricDataQuery sum(String id, String metric, boolean perRule) {
        return MetricDataQuery.builder().id(id).metricStat(s -> s.period(60).stat("Sum").metric(m -> {
            m.namespace("AWS/Events").metricName(metric);
            if (perRule) {
                m.dimensions(d -> d.name("RuleName").value("volume"));
            }
        })).build();
    }
}
