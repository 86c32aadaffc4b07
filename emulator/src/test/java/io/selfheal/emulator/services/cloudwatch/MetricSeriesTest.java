package io.selfheal.emulator.services.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The storage behind GetMetricStatistics: statistic sets per period, so memory follows time, not volume. */
class MetricSeriesTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void aHundredThousandDataInOneSecondAreOnePoint() {
        MetricSeries series = new MetricSeries(new MetricKey("AWS/Events", "Invocations", List.of()), 100);
        for (int i = 0; i < 100_000; i++) {
            series.add(MetricPoint.value(T0.plusNanos(i * 1000L), "Count", 1), T0);
        }
        assertThat(series.size()).isEqualTo(1);
        MetricPoint point = series.between(T0, T0.plusSeconds(1)).get(0);
        assertThat(point.sampleCount).isEqualTo(100_000);
        assertThat(point.sum).isEqualTo(100_000);
    }

    @Test
    void secondPeriodsOlderThanThreeHoursBecomeMinutePeriods() {
        MetricSeries series = new MetricSeries(new MetricKey("App", "Requests", List.of()), 100_000);
        for (int s = 0; s < 120; s++) {
            series.add(MetricPoint.value(T0.plusSeconds(s), "Count", 2), T0.plusSeconds(s));
        }
        assertThat(series.size()).isEqualTo(120);
        // Three hours later the two minutes are two points, their statistics unchanged.
        Instant later = T0.plus(Duration.ofHours(3)).plusSeconds(180);
        series.add(MetricPoint.value(later, "Count", 2), later);
        assertThat(series.size()).isEqualTo(3);
        List<MetricPoint> minutes = series.between(T0, T0.plusSeconds(120));
        assertThat(minutes).extracting(p -> p.timestamp).containsExactly(T0, T0.plusSeconds(60));
        assertThat(minutes).allSatisfy(p -> {
            assertThat(p.sampleCount).isEqualTo(60);
            assertThat(p.sum).isEqualTo(120);
        });
    }
}
