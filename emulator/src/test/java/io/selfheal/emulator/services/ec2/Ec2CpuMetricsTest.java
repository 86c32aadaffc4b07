package io.selfheal.emulator.services.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/** AWS/EC2 CPUUtilization on the virtual clock: one datapoint a period, stamped at its start, only while running. */
class Ec2CpuMetricsTest {
    @RegisterExtension
    final VirtualEc2 cloud = new VirtualEc2();

    @Test
    void detailedMonitoringPublishesOneDatapointAMinuteAtTheBaseline() {
        String id = cloud.running(true);
        cloud.advanceTo(Duration.ofMinutes(10));

        List<Datapoint> points = cloud.datapoints("CPUUtilization", id, Duration.ZERO, Duration.ofMinutes(10), 60);
        assertThat(points).hasSize(10);
        for (int m = 0; m < 10; m++) {
            Datapoint p = points.get(m);
            assertThat(p.timestamp()).isEqualTo(VirtualEc2.START.plus(Duration.ofMinutes(m)));
            assertThat(p.sampleCount()).isEqualTo(1.0);
            assertThat(p.unit()).isEqualTo(StandardUnit.PERCENT);
            assertThat(p.average()).isBetween(2.0, 8.0).isEqualTo(points.get(0).average());
        }
    }

    @Test
    void basicMonitoringPublishesOneDatapointEveryFiveMinutes() {
        String id = cloud.running(false);
        cloud.advanceTo(Duration.ofMinutes(30));

        List<Datapoint> points = cloud.datapoints("CPUUtilization", id, Duration.ZERO, Duration.ofMinutes(30), 60);
        assertThat(points).extracting(Datapoint::timestamp).containsExactly(
                VirtualEc2.START, VirtualEc2.START.plus(Duration.ofMinutes(5)),
                VirtualEc2.START.plus(Duration.ofMinutes(10)), VirtualEc2.START.plus(Duration.ofMinutes(15)),
                VirtualEc2.START.plus(Duration.ofMinutes(20)), VirtualEc2.START.plus(Duration.ofMinutes(25)));
        assertThat(points).allSatisfy(p -> assertThat(p.sampleCount()).isEqualTo(1.0));
    }

    @Test
    void theBaselineIsTheSameForTheSameInstanceId() {
        assertThat(InstanceTelemetry.baseline("i-0123456789abcdef0"))
                .isEqualTo(InstanceTelemetry.baseline("i-0123456789abcdef0")).isBetween(2.0, 8.0);
    }

    @Test
    void aPeriodInWhichTheLoadChangedReportsTheTimeWeightedAverage() {
        String id = cloud.running(true);
        cloud.advanceTo(Duration.ofMinutes(5).plusSeconds(30));
        cloud.control.setCpuLoad(id, 50, null);
        cloud.advanceTo(Duration.ofMinutes(7));

        List<Double> cpu = cloud.cpu(id, Duration.ofMinutes(4), Duration.ofMinutes(7));
        double baseline = cpu.get(0);
        assertThat(cpu).hasSize(3);
        assertThat(cpu.get(1)).isCloseTo((baseline + 50) / 2, org.assertj.core.data.Offset.offset(0.01));
        assertThat(cpu.get(2)).isEqualTo(50.0);
    }

    @Test
    void aStoppedInstancePublishesNothingAndItsTimerEnds() {
        String id = cloud.running(true);
        cloud.advanceTo(Duration.ofMinutes(5));
        cloud.ec2.stopInstances(r -> r.instanceIds(id));
        cloud.advanceTo(Duration.ofMinutes(30));

        assertThat(cloud.cpu(id, Duration.ZERO, Duration.ofMinutes(30))).hasSize(5);
        assertThat(cloud.clock.pendingTimers()).isZero();
    }

    @Test
    void detailedMonitoringAlsoFeedsTheImageAndTypeAggregates() {
        cloud.running(true);
        cloud.running(true);
        cloud.advanceTo(Duration.ofMinutes(3));

        var points = cloud.cw.getMetricStatistics(r -> r.namespace("AWS/EC2").metricName("CPUUtilization")
                .dimensions(d -> d.name("InstanceType").value("t3.micro"))
                .startTime(VirtualEc2.START).endTime(VirtualEc2.START.plus(Duration.ofMinutes(2))).period(60)
                .statistics(software.amazon.awssdk.services.cloudwatch.model.Statistic.SAMPLE_COUNT)).datapoints();
        assertThat(points).hasSize(2).allSatisfy(p -> assertThat(p.sampleCount()).isEqualTo(2.0));
    }
}
