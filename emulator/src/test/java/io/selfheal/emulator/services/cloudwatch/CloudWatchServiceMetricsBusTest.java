package io.selfheal.emulator.services.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.messages.PutMetricData;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * Metrics that emulated services publish on the internal bus ({@code messages.PutMetricData}), as AWS services publish
 * their {@code AWS/…} namespaces: visible through ListMetrics and GetMetricStatistics of the account and region they
 * name, and forgotten by reset.
 */
class CloudWatchServiceMetricsBusTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();

    private static final String ACCOUNT = Emulator.DEFAULT_ACCOUNT;
    private static Emulator emulator;
    private static CloudWatchClient cw;

    @BeforeAll
    static void start() {
        emulator = AWS.emulator();
        cw = AWS.client(CloudWatchClient.class);
    }

    @BeforeEach
    void reset() {
        emulator.control().reset();
    }

    @Test
    void eventBridgeInvocationsPublishedOnTheBusAreListedAndHaveStatistics() {
        Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);
        publish(ACCOUNT, "us-east-1", invocation("restart-rule", base.plusSeconds(10)),
                invocation("restart-rule", base.plusSeconds(20)), invocation("restart-rule", base.plusSeconds(70)),
                invocation("other-rule", base.plusSeconds(10)));

        assertThat(cw.listMetrics(r -> r.namespace("AWS/Events").metricName("Invocations")).metrics())
                .containsExactly(metric("other-rule"), metric("restart-rule"));
        List<Datapoint> datapoints = cw.getMetricStatistics(r -> r.namespace("AWS/Events").metricName("Invocations")
                .dimensions(rule("restart-rule")).startTime(base).endTime(base.plus(Duration.ofHours(1)))
                .period(60).statistics(Statistic.SUM)).datapoints();
        assertThat(datapoints).extracting(Datapoint::timestamp).containsExactly(base, base.plusSeconds(60));
        assertThat(datapoints).extracting(Datapoint::sum).containsExactly(2.0, 1.0);
        assertThat(datapoints).extracting(Datapoint::unit).containsOnly(StandardUnit.COUNT);
    }

    @Test
    void aDatumWithoutTimestampIsStampedWithTheEmulatorClock() {
        Instant before = Instant.now().minusSeconds(1);
        publish(ACCOUNT, "us-east-1", new PutMetricData.Datum("Invocations", Map.of("RuleName", "r"), 1, null, null));

        List<Datapoint> datapoints = cw.getMetricStatistics(r -> r.namespace("AWS/Events").metricName("Invocations")
                .dimensions(rule("r")).startTime(before.minusSeconds(60)).endTime(Instant.now().plusSeconds(60))
                .period(60).statistics(Statistic.SAMPLE_COUNT)).datapoints();
        assertThat(datapoints).singleElement().satisfies(d -> {
            assertThat(d.sampleCount()).isEqualTo(1.0);
            assertThat(d.unit()).isEqualTo(StandardUnit.NONE);
        });
    }

    @Test
    void metricsBelongToTheAccountAndRegionTheyName() {
        publish("111122223333", "eu-west-1", invocation("elsewhere", Instant.now()));

        assertThat(cw.listMetrics(r -> r.namespace("AWS/Events")).metrics()).isEmpty();
        try (CloudWatchClient other = CloudWatchClient.builder().endpointOverride(emulator.endpoint())
                .region(software.amazon.awssdk.regions.Region.EU_WEST_1)
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials
                        .create("111122223333", "secret")).build()) {
            assertThat(other.listMetrics(r -> r.namespace("AWS/Events")).metrics())
                    .containsExactly(metric("elsewhere"));
        }
    }

    @Test
    void resetForgetsMetrics() {
        publish(ACCOUNT, "us-east-1", invocation("r", Instant.now()));
        assertThat(cw.listMetrics(r -> r.namespace("AWS/Events")).metrics()).hasSize(1);

        emulator.control().reset();

        assertThat(cw.listMetrics(r -> r.namespace("AWS/Events")).metrics()).isEmpty();
    }

    private static PutMetricData.Datum invocation(String rule, Instant timestamp) {
        return new PutMetricData.Datum("Invocations", Map.of("RuleName", rule), 1, "Count", timestamp);
    }

    private static void publish(String account, String region, PutMetricData.Datum... data) {
        AWS.bus().context().bus().publish(new PutMetricData(account, region, "AWS/Events", List.of(data)));
        assertThat(emulator.control().awaitIdle(Duration.ofSeconds(10))).as("emulator went idle").isTrue();
    }

    private static Dimension rule(String name) {
        return Dimension.builder().name("RuleName").value(name).build();
    }

    private static Metric metric(String rule) {
        return Metric.builder().namespace("AWS/Events").metricName("Invocations").dimensions(rule(rule)).build();
    }
}
