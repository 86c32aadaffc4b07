package io.selfheal.emulator.services.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.TestClients;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.RecentlyActive;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

/**
 * PutMetricData's validation, ListMetrics' filters and paging, and retention by the emulator clock, through the SDK's
 * CloudWatchClient (query).
 */
class CloudWatchMetricsTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();

    private static Emulator emulator;
    private static CloudWatchClient cw;

    @BeforeAll
    static void start() {
        emulator = AWS.emulator();
        cw = AWS.client(CloudWatchClient.class);
    }

    @Test
    void aPublishedMetricIsListedOnceWhateverTheOrderOfItsDimensions() {
        String ns = namespace();
        put(ns, datum("Latency", 12.5).dimensions(dim("Service", "checkout"), dim("Stage", "prod")).build());
        put(ns, datum("Latency", 13.5).dimensions(dim("Stage", "prod"), dim("Service", "checkout")).build());

        assertThat(cw.listMetrics(r -> r.namespace(ns)).metrics()).containsExactly(Metric.builder().namespace(ns)
                .metricName("Latency").dimensions(dim("Service", "checkout"), dim("Stage", "prod")).build());
    }

    @Test
    void listMetricsFiltersByNameAndByDimensionNameOrNameAndValue() {
        String ns = namespace();
        put(ns, datum("CPU", 1).dimensions(dim("InstanceId", "i-1")).build(),
                datum("CPU", 1).dimensions(dim("InstanceId", "i-2")).build(),
                datum("CPU", 1).dimensions(dim("InstanceId", "i-1"), dim("InstanceType", "t3.micro")).build(),
                datum("Memory", 1).dimensions(dim("InstanceId", "i-1")).build(),
                datum("CPU", 1).build());

        assertThat(names(cw.listMetrics(r -> r.namespace(ns).metricName("Memory")))).containsExactly("Memory[i-1]");
        // A filter requires the dimension; the metric may have others (CWAgent-style metrics still match).
        assertThat(names(cw.listMetrics(r -> r.namespace(ns).dimensions(filter("InstanceId", "i-1")))))
                .containsExactly("CPU[i-1]", "CPU[i-1, t3.micro]", "Memory[i-1]");
        assertThat(names(cw.listMetrics(r -> r.namespace(ns).metricName("CPU")
                .dimensions(DimensionFilter.builder().name("InstanceId").build()))))
                .containsExactly("CPU[i-1]", "CPU[i-1, t3.micro]", "CPU[i-2]");
        assertThat(names(cw.listMetrics(r -> r.namespace(ns).dimensions(filter("InstanceId", "i-1"),
                filter("InstanceType", "t3.micro"))))).containsExactly("CPU[i-1, t3.micro]");
        assertThat(cw.listMetrics(r -> r.namespace(ns + "-other")).metrics()).isEmpty();
    }

    @Test
    void listMetricsAnswersFiveHundredAPageWithANextToken() {
        String ns = namespace();
        List<MetricDatum> data = IntStream.range(0, 501).mapToObj(i -> datum(String.format("m%03d", i), i).build())
                .toList();
        // Over 10 KB, so the SDK gzips the body (the model marks PutMetricData "requestcompression").
        put(ns, data.toArray(MetricDatum[]::new));

        ListMetricsResponse first = cw.listMetrics(r -> r.namespace(ns));
        assertThat(first.metrics()).hasSize(500);
        assertThat(first.nextToken()).isNotNull();
        ListMetricsResponse second = cw.listMetrics(r -> r.namespace(ns).nextToken(first.nextToken()));
        assertThat(second.metrics()).extracting(Metric::metricName).containsExactly("m500");
        assertThat(second.nextToken()).isNull();
        assertThat(cw.listMetricsPaginator(r -> r.namespace(ns)).metrics()).hasSize(501);
    }

    @Test
    void aMalformedNextTokenIsInvalidNextToken() {
        assertThat(error(() -> cw.listMetrics(r -> r.nextToken("nope"))).awsErrorDetails().errorCode())
                .isEqualTo("InvalidNextToken");
    }

    @Test
    void theAwsPrefixIsReservedForAwsServices() {
        // PutMetricData: "you should not specify a namespace that begins with AWS/"; CloudWatch refuses it.
        CloudWatchException e = error(() -> cw.putMetricData(r -> r.namespace("AWS/EC2")
                .metricData(datum("CPUUtilization", 1).build())));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).contains("AWS/EC2", "Namespace");
    }

    @Test
    void namespaceAndMetricDataAreRequiredAndAtMostAThousandDatumsAreAccepted() {
        assertThat(code(r -> r.namespace(namespace()))).isEqualTo("MissingParameter");
        assertThat(code(r -> r.metricData(datum("x", 1).build()))).isEqualTo("MissingParameter");
        List<MetricDatum> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(datum("m" + i, i).build());
        }
        CloudWatchException e = error(() -> cw.putMetricData(r -> r.namespace(namespace()).metricData(tooMany)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(e.awsErrorDetails().errorMessage()).contains("MetricData", "1000");
        assertThat(code(r -> r.namespace(":colon").metricData(datum("x", 1).build())))
                .isEqualTo("InvalidParameterValue");
    }

    @Test
    void valueStatisticValuesAndValuesAreMutuallyExclusiveAndOneIsRequired() {
        StatisticSet set = StatisticSet.builder().sampleCount(2.0).sum(3.0).minimum(1.0).maximum(2.0).build();
        CloudWatchException both = error(() -> cw.putMetricData(r -> r.namespace(namespace())
                .metricData(datum("x", 1).statisticValues(set).build())));
        assertThat(both.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterCombination");
        assertThat(both.awsErrorDetails().errorMessage()).contains("MetricData.member.1.Value",
                "MetricData.member.1.StatisticValues", "mutually exclusive");
        assertThat(code(r -> r.namespace(namespace()).metricData(MetricDatum.builder().metricName("x")
                .values(1.0, 2.0).statisticValues(set).build()))).isEqualTo("InvalidParameterCombination");
        assertThat(code(r -> r.namespace(namespace()).metricData(MetricDatum.builder().metricName("x").build())))
                .isEqualTo("MissingParameter");
        assertThat(code(r -> r.namespace(namespace()).metricData(MetricDatum.builder().metricName("x")
                .statisticValues(s -> s.sampleCount(1.0).sum(1.0).minimum(1.0)).build())))
                .isEqualTo("MissingParameter");
        assertThat(code(r -> r.namespace(namespace()).metricData(MetricDatum.builder().metricName("x")
                .statisticValues(s -> s.sampleCount(2.0).sum(3.0).minimum(2.0).maximum(1.0)).build())))
                .isEqualTo("InvalidParameterValue");
    }

    @Test
    void countsMustMatchValuesAndValuesAreLimitedTo150() {
        CloudWatchException mismatch = error(() -> cw.putMetricData(r -> r.namespace(namespace())
                .metricData(MetricDatum.builder().metricName("x").values(1.0, 2.0).counts(1.0).build())));
        assertThat(mismatch.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterCombination");
        assertThat(mismatch.awsErrorDetails().errorMessage()).contains("Values", "Counts");
        assertThat(code(r -> r.namespace(namespace()).metricData(MetricDatum.builder().metricName("x")
                .values(IntStream.range(0, 151).mapToObj(i -> (double) i).toList()).build())))
                .isEqualTo("InvalidParameterValue");
        assertThat(code(r -> r.namespace(namespace()).metricData(MetricDatum.builder().metricName("x")
                .values(1.0).counts(-1.0).build()))).isEqualTo("InvalidParameterValue");
    }

    @Test
    void valuesOutsideCloudWatchsRangeAreRefused() {
        // PutMetricData: "Values must be in the range of -2^360 to 2^360 ... NaN, +Infinity, -Infinity are not
        // supported."
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Math.pow(2, 361), -Math.pow(2, 361)}) {
            CloudWatchException e = error(() -> cw.putMetricData(r -> r.namespace(namespace())
                    .metricData(datum("x", bad).build())));
            assertThat(e.awsErrorDetails().errorCode()).as("value %s", bad).isEqualTo("InvalidParameterValue");
            assertThat(e.awsErrorDetails().errorMessage()).contains("MetricData.member.1.Value");
        }
        put(namespace(), datum("edge", Math.pow(2, 360)).build(), datum("zero", 0).build());
    }

    @Test
    void timestampsMayBeUpToTwoWeeksOldAndTwoHoursAhead() {
        Instant now = Instant.now();
        put(namespace(), datum("x", 1).timestamp(now.minus(13, ChronoUnit.DAYS)).build(),
                datum("x", 1).timestamp(now.plus(1, ChronoUnit.HOURS)).build());
        CloudWatchException old = error(() -> cw.putMetricData(r -> r.namespace(namespace())
                .metricData(datum("x", 1).timestamp(now.minus(15, ChronoUnit.DAYS)).build())));
        assertThat(old.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(old.awsErrorDetails().errorMessage()).contains("MetricData.member.1.Timestamp", "two weeks");
        CloudWatchException ahead = error(() -> cw.putMetricData(r -> r.namespace(namespace())
                .metricData(datum("x", 1).timestamp(now.plus(3, ChronoUnit.HOURS)).build())));
        assertThat(ahead.awsErrorDetails().errorMessage()).contains("two hours in the future");
    }

    @Test
    void dimensionsAreLimitedToThirtyWithUniqueNames() {
        List<Dimension> thirtyOne = IntStream.range(0, 31).mapToObj(i -> dim("d" + i, "v")).toList();
        assertThat(code(r -> r.namespace(namespace()).metricData(datum("x", 1).dimensions(thirtyOne).build())))
                .isEqualTo("InvalidParameterValue");
        assertThat(code(r -> r.namespace(namespace()).metricData(datum("x", 1)
                .dimensions(dim("a", "1"), dim("a", "2")).build()))).isEqualTo("InvalidParameterValue");
        assertThat(code(r -> r.namespace(namespace()).metricData(datum("x", 1)
                .dimensions(Dimension.builder().name("a").build()).build()))).isEqualTo("MissingParameter");
    }

    @Test
    void unitAndStorageResolutionMustBeValid() {
        assertThat(code(r -> r.namespace(namespace()).metricData(datum("x", 1).unit("Furlongs").build())))
                .isEqualTo("ValidationError");
        assertThat(code(r -> r.namespace(namespace()).metricData(datum("x", 1).storageResolution(5).build())))
                .isEqualTo("InvalidParameterValue");
        put(namespace(), datum("x", 1).unit(StandardUnit.MILLISECONDS).storageResolution(1).build());
    }

    @Test
    void aRequestWithOneInvalidDatumStoresNothing() {
        String ns = namespace();
        assertThat(code(r -> r.namespace(ns).metricData(datum("good", 1).build(), datum("bad", Double.NaN).build())))
                .isEqualTo("InvalidParameterValue");
        assertThat(cw.listMetrics(r -> r.namespace(ns)).metrics()).isEmpty();
    }

    @Test
    void recentlyActiveListsOnlyMetricsPublishedToInTheLastThreeHours() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
        try (Emulator clocked = Emulator.builder().port(0).clock(EmulatorClock.of(now::get)).start();
             CloudWatchClient client = TestClients.of(CloudWatchClient.builder(), clocked)) {
            client.putMetricData(r -> r.namespace("App").metricData(datum("Quiet", 1).build()));
            now.set(now.get().plus(4, ChronoUnit.HOURS));
            client.putMetricData(r -> r.namespace("App").metricData(datum("Busy", 1).build()));

            assertThat(client.listMetrics(r -> r.namespace("App").recentlyActive(RecentlyActive.PT3_H)).metrics())
                    .extracting(Metric::metricName).containsExactly("Busy");
            assertThat(client.listMetrics(r -> r.namespace("App")).metrics()).extracting(Metric::metricName)
                    .containsExactly("Busy", "Quiet");
        }
    }

    @Test
    void metricsLeaveListMetricsAfterTwoWeeksAndTheirDataAfterFifteenDays() {
        // ListMetrics: "doesn't return information about metrics if those metrics haven't reported data in the past
        // two weeks"; GetMetricStatistics: 1-minute data points "are available for 15 days".
        AtomicReference<Instant> now = new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.MINUTES));
        Instant published = now.get();
        try (Emulator clocked = Emulator.builder().port(0).clock(EmulatorClock.of(now::get)).start();
             CloudWatchClient client = TestClients.of(CloudWatchClient.builder(), clocked)) {
            client.putMetricData(r -> r.namespace("App").metricData(datum("Old", 7).timestamp(published).build()));
            now.set(published.plus(14, ChronoUnit.DAYS).plus(1, ChronoUnit.MINUTES));
            assertThat(client.listMetrics(r -> r.namespace("App")).metrics()).isEmpty();
            assertThat(sum(client, published)).containsExactly(7.0);

            now.set(published.plus(15, ChronoUnit.DAYS).plus(1, ChronoUnit.MINUTES));
            assertThat(sum(client, published)).isEmpty();
        }
    }

    private static List<Double> sum(CloudWatchClient client, Instant from) {
        return client.getMetricStatistics(r -> r.namespace("App").metricName("Old").startTime(from)
                .endTime(from.plus(1, ChronoUnit.HOURS)).period(3600).statistics(Statistic.SUM)).datapoints()
                .stream().map(Datapoint::sum).toList();
    }

    static String namespace() {
        return "Test/" + UUID.randomUUID();
    }

    static MetricDatum.Builder datum(String name, double value) {
        return MetricDatum.builder().metricName(name).value(value);
    }

    static Dimension dim(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    private static DimensionFilter filter(String name, String value) {
        return DimensionFilter.builder().name(name).value(value).build();
    }

    private static void put(String ns, MetricDatum... data) {
        cw.putMetricData(r -> r.namespace(ns).metricData(data));
    }

    private static List<String> names(ListMetricsResponse response) {
        return response.metrics().stream().map(m -> m.metricName() + m.dimensions().stream()
                .map(Dimension::value).toList()).toList();
    }

    private static String code(Consumer<PutMetricDataRequest.Builder> request) {
        return error(() -> cw.putMetricData(request)).awsErrorDetails().errorCode();
    }

    private static CloudWatchException error(Runnable call) {
        return catchThrowableOfType(CloudWatchException.class, call::run);
    }
}
