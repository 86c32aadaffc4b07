package io.selfheal.emulator.services.cloudwatch;

import static io.selfheal.emulator.services.cloudwatch.CloudWatchMetricsTest.datum;
import static io.selfheal.emulator.services.cloudwatch.CloudWatchMetricsTest.dim;
import static io.selfheal.emulator.services.cloudwatch.CloudWatchMetricsTest.namespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** GetMetricStatistics over known data, through the SDK's CloudWatchClient (query protocol). */
class CloudWatchStatisticsTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();

    private static Emulator emulator;
    private static CloudWatchClient cw;
    /** A whole hour two hours ago: aligned for every period, and well inside the two weeks PutMetricData accepts. */
    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);

    @BeforeAll
    static void start() {
        emulator = AWS.emulator();
        cw = AWS.client(CloudWatchClient.class);
    }

    @Test
    void oneMinutePointsAggregateIntoFiveMinutePeriods() {
        String ns = namespace();
        put(ns, IntStream.rangeClosed(1, 10).mapToObj(v -> datum("Requests", v).unit(StandardUnit.COUNT)
                .timestamp(at(v - 1)).build()).toArray(MetricDatum[]::new));

        GetMetricStatisticsResponse r = stats(ns, "Requests", b -> b.period(300).statistics(Statistic.knownValues()));

        assertThat(r.label()).isEqualTo("Requests");
        assertThat(r.datapoints()).hasSize(2);
        Datapoint first = r.datapoints().get(0);
        assertThat(first.timestamp()).isEqualTo(BASE);
        assertThat(first.sampleCount()).isEqualTo(5.0);
        assertThat(first.sum()).isEqualTo(15.0);
        assertThat(first.average()).isEqualTo(3.0);
        assertThat(first.minimum()).isEqualTo(1.0);
        assertThat(first.maximum()).isEqualTo(5.0);
        assertThat(first.unit()).isEqualTo(StandardUnit.COUNT);
        Datapoint second = r.datapoints().get(1);
        assertThat(second.timestamp()).isEqualTo(at(5));
        assertThat(List.of(second.sampleCount(), second.sum(), second.average(), second.minimum(), second.maximum()))
                .containsExactly(5.0, 40.0, 8.0, 6.0, 10.0);
    }

    @Test
    void onlyTheRequestedStatisticsAreAnsweredAndEmptyPeriodsAreLeftOut() {
        String ns = namespace();
        put(ns, datum("Errors", 2).timestamp(at(0)).build(), datum("Errors", 3).timestamp(at(12)).build());

        GetMetricStatisticsResponse r = stats(ns, "Errors", b -> b.period(300).statistics(Statistic.SUM));

        assertThat(r.datapoints()).extracting(Datapoint::timestamp).containsExactly(at(0), at(10));
        assertThat(r.datapoints()).extracting(Datapoint::sum).containsExactly(2.0, 3.0);
        assertThat(r.datapoints().get(0).average()).isNull();
        assertThat(r.datapoints().get(0).sampleCount()).isNull();
        assertThat(r.datapoints().get(0).unit()).isEqualTo(StandardUnit.NONE);
    }

    @Test
    void percentilesUseTheNearestRankOfTheRawValues() {
        String ns = namespace();
        // One datum of the values 1..100 (Values, each counted once).
        put(ns, MetricDatum.builder().metricName("Latency").timestamp(at(1))
                .values(IntStream.rangeClosed(1, 100).mapToObj(i -> (double) (101 - i)).toList()).build());

        Datapoint d = single(stats(ns, "Latency", b -> b.period(3600)
                .extendedStatistics("p0", "p50", "p90", "p99", "p99.5", "p100")));

        assertThat(d.extendedStatistics()).containsEntry("p0", 1.0).containsEntry("p50", 50.0)
                .containsEntry("p90", 90.0).containsEntry("p99", 99.0).containsEntry("p99.5", 100.0)
                .containsEntry("p100", 100.0);
        assertThat(d.sum()).isNull();
    }

    @Test
    void countsWeighTheirValues() {
        String ns = namespace();
        put(ns, MetricDatum.builder().metricName("Size").timestamp(at(0)).values(10.0, 20.0, 30.0)
                .counts(1.0, 1.0, 8.0).build());

        Datapoint standard = single(stats(ns, "Size", b -> b.period(60).statistics(Statistic.knownValues())));
        assertThat(List.of(standard.sampleCount(), standard.sum(), standard.average(), standard.minimum(),
                standard.maximum())).containsExactly(10.0, 270.0, 27.0, 10.0, 30.0);
        Datapoint extended = single(stats(ns, "Size", b -> b.period(60).extendedStatistics("p10", "p20", "p50")));
        assertThat(extended.extendedStatistics()).containsEntry("p10", 10.0).containsEntry("p20", 20.0)
                .containsEntry("p50", 30.0);
    }

    @Test
    void statisticSetsAggregateButGivePercentilesOnlyForIdenticalSamples() {
        String ns = namespace();
        put(ns, MetricDatum.builder().metricName("Mixed").timestamp(at(0))
                        .statisticValues(s -> s.sampleCount(4.0).sum(20.0).minimum(2.0).maximum(8.0)).build(),
                MetricDatum.builder().metricName("Mixed").timestamp(at(1))
                        .statisticValues(s -> s.sampleCount(6.0).sum(30.0).minimum(1.0).maximum(9.0)).build(),
                MetricDatum.builder().metricName("Same").timestamp(at(0))
                        .statisticValues(s -> s.sampleCount(3.0).sum(15.0).minimum(5.0).maximum(5.0)).build());

        Datapoint mixed = single(stats(ns, "Mixed", b -> b.period(300).statistics(Statistic.knownValues())));
        assertThat(List.of(mixed.sampleCount(), mixed.sum(), mixed.average(), mixed.minimum(), mixed.maximum()))
                .containsExactly(10.0, 50.0, 5.0, 1.0, 9.0);
        // GetMetricStatistics: "CloudWatch needs raw data points to calculate percentile statistics."
        assertThat(stats(ns, "Mixed", b -> b.period(300).extendedStatistics("p90")).datapoints())
                .singleElement().satisfies(d -> assertThat(d.extendedStatistics()).isEmpty());
        assertThat(single(stats(ns, "Same", b -> b.period(300).extendedStatistics("p50"))).extendedStatistics())
                .containsEntry("p50", 5.0);
    }

    @Test
    void percentilesAreUnavailableWhenAnyValueIsNegative() {
        String ns = namespace();
        put(ns, datum("Delta", -1).timestamp(at(0)).build(), datum("Delta", 4).timestamp(at(0)).build());

        assertThat(single(stats(ns, "Delta", b -> b.period(60).extendedStatistics("p50"))).extendedStatistics())
                .isEmpty();
    }

    @Test
    void unitsAreAggregatedSeparatelyAndTheUnitFilterSelectsOne() {
        String ns = namespace();
        put(ns, datum("Work", 1).unit(StandardUnit.COUNT).timestamp(at(0)).build(),
                datum("Work", 2).unit(StandardUnit.COUNT).timestamp(at(1)).build(),
                datum("Work", 500).unit(StandardUnit.MILLISECONDS).timestamp(at(2)).build());

        assertThat(stats(ns, "Work", b -> b.period(300).statistics(Statistic.SUM)).datapoints())
                .extracting(Datapoint::unit, Datapoint::sum)
                .containsExactlyInAnyOrder(tuple(StandardUnit.COUNT, 3.0),
                        tuple(StandardUnit.MILLISECONDS, 500.0));
        assertThat(single(stats(ns, "Work", b -> b.period(300).statistics(Statistic.SUM)
                .unit(StandardUnit.MILLISECONDS))).sum()).isEqualTo(500.0);
        // "If you specify a unit that does not match the data collected, the results of the operation are null."
        assertThat(stats(ns, "Work", b -> b.period(300).statistics(Statistic.SUM).unit(StandardUnit.BYTES))
                .datapoints()).isEmpty();
    }

    @Test
    void dimensionsMustMatchThePublishedSetExactly() {
        String ns = namespace();
        put(ns, datum("CPU", 50).dimensions(dim("InstanceId", "i-1"), dim("AutoScalingGroupName", "web"))
                .timestamp(at(0)).build());

        assertThat(stats(ns, "CPU", b -> b.period(60).statistics(Statistic.MAXIMUM)
                .dimensions(dim("InstanceId", "i-1"))).datapoints()).isEmpty();
        assertThat(single(stats(ns, "CPU", b -> b.period(60).statistics(Statistic.MAXIMUM)
                .dimensions(dim("AutoScalingGroupName", "web"), dim("InstanceId", "i-1")))).maximum())
                .isEqualTo(50.0);
    }

    @Test
    void theStartTimeIsRoundedDownToTheMinuteAndTheEndTimeIsExclusive() {
        String ns = namespace();
        put(ns, datum("Hits", 1).timestamp(at(0).plusSeconds(10)).build(),
                datum("Hits", 7).timestamp(at(3)).build());

        // GetMetricStatistics StartTime: "Start time less than 15 days ago - Round down to the nearest whole minute."
        GetMetricStatisticsResponse r = cw.getMetricStatistics(b -> b.namespace(ns).metricName("Hits")
                .startTime(at(0).plusSeconds(30)).endTime(at(3)).period(60).statistics(Statistic.SUM));

        assertThat(r.datapoints()).extracting(Datapoint::timestamp, Datapoint::sum)
                .containsExactly(tuple(at(0), 1.0));
    }

    @Test
    void invalidRequestsAreRefusedInAwsTerms() {
        String ns = namespace();
        assertThat(code(b -> b.namespace(ns).metricName("x").startTime(at(5)).endTime(at(5)).period(60)
                .statistics(Statistic.SUM))).isEqualTo("InvalidParameterValue");
        assertThat(code(b -> b.namespace(ns).metricName("x").startTime(at(0)).endTime(at(5)).period(61)
                .statistics(Statistic.SUM))).isEqualTo("InvalidParameterValue");
        assertThat(code(b -> b.namespace(ns).metricName("x").startTime(at(0)).endTime(at(5)).period(60)))
                .isEqualTo("InvalidParameterCombination");
        assertThat(code(b -> b.namespace(ns).metricName("x").startTime(at(0)).endTime(at(5)).period(60)
                .statistics(Statistic.SUM).extendedStatistics("p99"))).isEqualTo("InvalidParameterCombination");
        assertThat(code(b -> b.namespace(ns).metricName("x").startTime(at(0)).endTime(at(5)).period(60)
                .extendedStatistics("p101"))).isEqualTo("InvalidParameterValue");
        assertThat(code(b -> b.namespace(ns).startTime(at(0)).endTime(at(5)).period(60)
                .statistics(Statistic.SUM))).isEqualTo("MissingParameter");

        CloudWatchException tooMany = error(b -> b.namespace(ns).metricName("x").startTime(BASE.minus(Duration
                .ofDays(2))).endTime(BASE).period(60).statistics(Statistic.SUM));
        assertThat(tooMany.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterCombination");
        assertThat(tooMany.awsErrorDetails().errorMessage()).contains("2880", "1,440");

        CloudWatchException trimmed = error(b -> b.namespace(ns).metricName("x").startTime(at(0)).endTime(at(5))
                .period(60).extendedStatistics("tm90"));
        assertThat(trimmed.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(trimmed.awsErrorDetails().errorMessage()).contains("tm90", "selfheal");
    }

    /** {@code minutes} after the base hour. */
    private static Instant at(int minutes) {
        return BASE.plus(minutes, ChronoUnit.MINUTES);
    }

    private static void put(String ns, MetricDatum... data) {
        cw.putMetricData(r -> r.namespace(ns).metricData(data));
    }

    /** Statistics over the base hour. */
    private static GetMetricStatisticsResponse stats(String ns, String metric,
                                                     Consumer<GetMetricStatisticsRequest.Builder> request) {
        return cw.getMetricStatistics(b -> request.accept(b.namespace(ns).metricName(metric).startTime(BASE)
                .endTime(at(60))));
    }

    private static Datapoint single(GetMetricStatisticsResponse response) {
        assertThat(response.datapoints()).hasSize(1);
        return response.datapoints().get(0);
    }

    private static String code(Consumer<GetMetricStatisticsRequest.Builder> request) {
        return error(request).awsErrorDetails().errorCode();
    }

    private static CloudWatchException error(Consumer<GetMetricStatisticsRequest.Builder> request) {
        return catchThrowableOfType(CloudWatchException.class, () -> cw.getMetricStatistics(request));
    }
}
