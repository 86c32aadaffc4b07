package io.selfheal.emulator.services.ec2;

import static io.selfheal.emulator.services.ec2.Ec2InstancesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.InstanceMonitoring;
import software.amazon.awssdk.services.ec2.model.MonitoringState;

/** RunInstances {@code Monitoring.Enabled}, MonitorInstances and UnmonitorInstances through the SDK. */
class Ec2MonitoringTest {
    @RegisterExtension
    final VirtualEc2 cloud = new VirtualEc2();

    @Test
    void runInstancesWithMonitoringStartsPendingThenEnabled() {
        var launched = cloud.ec2.runInstances(r -> r.imageId(VirtualEc2.AMI).minCount(1).maxCount(1)
                .monitoring(m -> m.enabled(true))).instances().get(0);
        assertThat(launched.monitoring().state()).isEqualTo(MonitoringState.PENDING);
        cloud.advance(Duration.ofSeconds(1));
        assertThat(monitoring(launched.instanceId())).isEqualTo(MonitoringState.ENABLED);
        assertThat(monitoring(cloud.running(false))).isEqualTo(MonitoringState.DISABLED);
    }

    @Test
    void monitorAndUnmonitorAnswerTheTransitionalStateAndSettle() {
        String id = cloud.running(false);
        InstanceMonitoring on = cloud.ec2.monitorInstances(r -> r.instanceIds(id)).instanceMonitorings().get(0);
        assertThat(on.instanceId()).isEqualTo(id);
        assertThat(on.monitoring().state()).isEqualTo(MonitoringState.PENDING);
        cloud.advance(Duration.ofSeconds(1));
        assertThat(monitoring(id)).isEqualTo(MonitoringState.ENABLED);
        assertThat(cloud.ec2.monitorInstances(r -> r.instanceIds(id)).instanceMonitorings().get(0).monitoring()
                .state()).isEqualTo(MonitoringState.ENABLED);

        InstanceMonitoring off = cloud.ec2.unmonitorInstances(r -> r.instanceIds(id)).instanceMonitorings().get(0);
        assertThat(off.monitoring().state()).isEqualTo(MonitoringState.DISABLING);
        cloud.advance(Duration.ofSeconds(1));
        assertThat(monitoring(id)).isEqualTo(MonitoringState.DISABLED);
    }

    @Test
    void turningDetailedMonitoringOnSwitchesToOneDatapointAMinute() {
        String id = cloud.running(false);
        cloud.advanceTo(Duration.ofMinutes(10));
        cloud.ec2.monitorInstances(r -> r.instanceIds(id));
        cloud.advanceTo(Duration.ofMinutes(15));

        assertThat(cloud.datapoints("CPUUtilization", id, Duration.ZERO, Duration.ofMinutes(15), 60))
                .extracting(p -> Duration.between(VirtualEc2.START, p.timestamp()).toMinutes())
                .containsExactly(0L, 5L, 10L, 11L, 12L, 13L, 14L);
    }

    @Test
    void unknownIdsAndDryRunAreRefusedAsEc2Does() {
        String id = cloud.running(false);
        assertError(() -> cloud.ec2.monitorInstances(r -> r.instanceIds("i-0000000000000000a")),
                "InvalidInstanceID.NotFound");
        assertError(() -> cloud.ec2.unmonitorInstances(r -> r.instanceIds("bogus")), "InvalidInstanceID.Malformed");
        assertError(() -> cloud.ec2.monitorInstances(r -> r.instanceIds(id).dryRun(true)), "DryRunOperation");
        assertThat(monitoring(id)).isEqualTo(MonitoringState.DISABLED);
    }

    private MonitoringState monitoring(String id) {
        return cloud.ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0)
                .monitoring().state();
    }
}
