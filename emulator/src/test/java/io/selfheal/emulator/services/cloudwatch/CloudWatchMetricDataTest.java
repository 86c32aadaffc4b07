package io.selfheal.emulator.services.cloudwatch;

import static io.selfheal.emulator.services.cloudwatch.CloudWatchMetricsTest.datum;
import static io.selfheal.emulator.services.cloudwatch.CloudWatchMetricsTest.dim;
import static io.selfheal.emulator.services.cloudwatch.CloudWatchMetricsTest.namespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
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
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/** GetMetricData with MetricStat queries, through the SDK's CloudWatchClient (query protocol). */
class CloudWatchMetricDataTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();

    private static Emulator emulator;
    private static CloudWatchClient cw;
    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);

    @BeforeAll
    static void start() {
        emulator = AWS.emulator();
        cw = AWS.client(CloudWatchClient.class);
    }

    @Test
    void aMetricStatQueryAnswersItsPeriodsNewestFirstLabelledWithTheMetricName() {
        String ns = namespace();
        putMinutes(ns, "Invocations", 1, 2, 3, 4, 5);

        GetMetricDataResponse r = data(b -> b.metricDataQueries(query(ns, "m1", "Invocations", 60, "Sum")));

        MetricDataResult m1 = single(r);
        assertThat(m1.id()).isEqualTo("m1");
        assertThat(m1.label()).isEqualTo("Invocations");
        assertThat(m1.statusCode()).isEqualTo(StatusCode.COMPLETE);
        // GetMetricData ScanBy: "If you omit this parameter, the default of TimestampDescending is used."
        assertThat(m1.timestamps()).containsExactly(at(4), at(3), at(2), at(1), at(0));
        assertThat(m1.values()).containsExactly(5.0, 4.0, 3.0, 2.0, 1.0);
        assertThat(r.nextToken()).isNull();
        assertThat(r.messages()).isEmpty();
    }

    @Test
    void scanByTimestampAscendingAnswersOldestFirst() {
        String ns = namespace();
        putMinutes(ns, "Invocations", 1, 2, 3);

        MetricDataResult m = single(data(b -> b.scanBy(ScanBy.TIMESTAMP_ASCENDING)
                .metricDataQueries(query(ns, "m", "Invocations", 60, "Maximum"))));

        assertThat(m.timestamps()).containsExactly(at(0), at(1), at(2));
        assertThat(m.values()).containsExactly(1.0, 2.0, 3.0);
    }

    @Test
    void severalQueriesAnswerInRequestOrderWithTheirOwnStatsPeriodsAndLabels() {
        String ns = namespace();
        putMinutes(ns, "Latency", 10, 20, 30, 40, 50, 60);

        GetMetricDataResponse r = data(b -> b.scanBy(ScanBy.TIMESTAMP_ASCENDING).metricDataQueries(
                query(ns, "avg", "Latency", 180, "Average").toBuilder().label("3-minute average").build(),
                query(ns, "p50", "Latency", 360, "p50"),
                query(ns, "hidden", "Latency", 60, "Sum").toBuilder().returnData(false).build(),
                query(ns, "count", "Latency", 360, "SampleCount")));

        assertThat(r.metricDataResults()).extracting(MetricDataResult::id).containsExactly("avg", "p50", "count");
        assertThat(r.metricDataResults().get(0).label()).isEqualTo("3-minute average");
        assertThat(r.metricDataResults().get(0).values()).containsExactly(20.0, 50.0);
        assertThat(r.metricDataResults().get(1).values()).containsExactly(30.0);
        assertThat(r.metricDataResults().get(2).values()).containsExactly(6.0);
    }

    @Test
    void dimensionsSelectTheMetricAndAMetricWithoutDataAnswersNoValues() {
        String ns = namespace();
        cw.putMetricData(r -> r.namespace(ns).metricData(
                datum("CPU", 10).dimensions(dim("InstanceId", "i-1")).timestamp(at(0)).build(),
                datum("CPU", 90).dimensions(dim("InstanceId", "i-2")).timestamp(at(0)).build()));

        MetricDataQuery i2 = query(ns, "i2", "CPU", 60, "Maximum").toBuilder()
                .metricStat(s -> s.period(60).stat("Maximum").metric(m -> m.namespace(ns).metricName("CPU")
                        .dimensions(dim("InstanceId", "i-2")))).build();
        GetMetricDataResponse r = data(b -> b.metricDataQueries(i2, query(ns, "none", "CPU", 60, "Maximum")));

        assertThat(r.metricDataResults().get(0).values()).containsExactly(90.0);
        assertThat(r.metricDataResults().get(1).values()).isEmpty();
        assertThat(r.metricDataResults().get(1).statusCode()).isEqualTo(StatusCode.COMPLETE);
    }

    @Test
    void maxDatapointsPagesWithPartialDataAndANextToken() {
        String ns = namespace();
        putMinutes(ns, "Hits", 1, 2, 3, 4, 5);

        GetMetricDataResponse first = data(b -> b.maxDatapoints(3)
                .metricDataQueries(query(ns, "h", "Hits", 60, "Sum")));
        assertThat(single(first).values()).containsExactly(5.0, 4.0, 3.0);
        assertThat(single(first).statusCode()).isEqualTo(StatusCode.PARTIAL_DATA);
        assertThat(first.nextToken()).isNotNull();

        GetMetricDataResponse second = data(b -> b.maxDatapoints(3).nextToken(first.nextToken())
                .metricDataQueries(query(ns, "h", "Hits", 60, "Sum")));
        assertThat(single(second).values()).containsExactly(2.0, 1.0);
        assertThat(single(second).statusCode()).isEqualTo(StatusCode.COMPLETE);
        assertThat(second.nextToken()).isNull();

        List<Double> all = cw.getMetricDataPaginator(b -> b.maxDatapoints(2).startTime(BASE).endTime(at(60))
                        .metricDataQueries(query(ns, "h", "Hits", 60, "Sum"))).metricDataResults().stream()
                .flatMap(m -> m.values().stream()).toList();
        assertThat(all).containsExactly(5.0, 4.0, 3.0, 2.0, 1.0);
    }

    @Test
    void expressionsAreRefusedUntilSelfhealEvaluatesMetricMath() {
        CloudWatchException e = error(b -> b.metricDataQueries(
                query(namespace(), "m1", "Errors", 60, "Sum"),
                MetricDataQuery.builder().id("rate").expression("m1 * 100").build()));

        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(e.awsErrorDetails().errorMessage()).contains("metric math", "selfheal",
                "MetricDataQueries.member.2.Expression");
    }

    @Test
    void invalidQueriesAreRefusedInAwsTerms() {
        String ns = namespace();
        assertThat(code(b -> b.metricDataQueries(query(ns, "M1", "x", 60, "Sum"))))
                .isEqualTo("InvalidParameterValue");
        assertThat(code(b -> b.metricDataQueries(query(ns, "a", "x", 60, "Sum"), query(ns, "a", "x", 60, "Sum"))))
                .isEqualTo("InvalidParameterValue");
        assertThat(code(b -> b.metricDataQueries(query(ns, "a", "x", 60, "Median"))))
                .isEqualTo("InvalidParameterValue");
        assertThat(code(b -> b.metricDataQueries(query(ns, "a", "x", 90, "Sum"))))
                .isEqualTo("InvalidParameterValue");
        assertThat(code(b -> b.metricDataQueries(MetricDataQuery.builder().id("a").build())))
                .isEqualTo("MissingParameter");
        assertThat(code(b -> b.metricDataQueries(query(ns, "a", "x", 60, "Sum")).endTime(BASE)))
                .isEqualTo("InvalidParameterValue");
        assertThat(code(b -> b.metricDataQueries(query(ns, "a", "x", 60, "Sum")).nextToken("garbage")))
                .isEqualTo("InvalidNextToken");
        CloudWatchException iqm = error(b -> b.metricDataQueries(query(ns, "a", "x", 60, "IQM")));
        assertThat(iqm.awsErrorDetails().errorMessage()).contains("IQM", "not supported");
    }

    /** Puts one point a minute from the base hour on, with these values. */
    private static void putMinutes(String ns, String metric, double... values) {
        MetricDatum[] data = IntStream.range(0, values.length)
                .mapToObj(i -> datum(metric, values[i]).timestamp(at(i)).build()).toArray(MetricDatum[]::new);
        cw.putMetricData(r -> r.namespace(ns).metricData(data));
    }

    private static MetricDataQuery query(String ns, String id, String metric, int period, String stat) {
        return MetricDataQuery.builder().id(id).metricStat(s -> s.period(period).stat(stat)
                .metric(m -> m.namespace(ns).metricName(metric))).build();
    }

    private static Instant at(int minutes) {
        return BASE.plus(minutes, ChronoUnit.MINUTES);
    }

    /** GetMetricData over the base hour. */
    private static GetMetricDataResponse data(Consumer<GetMetricDataRequest.Builder> request) {
        return cw.getMetricData(b -> request.accept(b.startTime(BASE).endTime(at(60))));
    }

    private static MetricDataResult single(GetMetricDataResponse response) {
        assertThat(response.metricDataResults()).hasSize(1);
        return response.metricDataResults().get(0);
    }

    private static String code(Consumer<GetMetricDataRequest.Builder> request) {
        return error(request).awsErrorDetails().errorCode();
    }

    private static CloudWatchException error(Consumer<GetMetricDataRequest.Builder> request) {
        return catchThrowableOfType(CloudWatchException.class, () -> data(request));
    }
}
