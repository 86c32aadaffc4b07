package io.selfheal.emulator.services.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;

/** Injected load through {@code Ec2Control}: a runaway process a reboot clears, a burst that ends by itself, a hang. */
class Ec2LoadFaultTest {
    @RegisterExtension
    final VirtualEc2 cloud = new VirtualEc2();

    @Test
    void aRunawayProcessPinsTheCpuUntilARebootThroughTheSdk() {
        String id = cloud.running(true);
        cloud.advanceTo(Duration.ofMinutes(5));
        double baseline = cloud.cpu(id, Duration.ZERO, Duration.ofMinutes(1)).get(0);

        cloud.control.setCpuLoad(id, 99, null);
        cloud.advanceTo(Duration.ofMinutes(10));
        assertThat(cloud.cpu(id, Duration.ofMinutes(5), Duration.ofMinutes(10))).containsExactly(99.0, 99.0, 99.0,
                99.0, 99.0);

        cloud.ec2.rebootInstances(r -> r.instanceIds(id));
        cloud.advanceTo(Duration.ofMinutes(15));
        assertThat(cloud.cpu(id, Duration.ofMinutes(10), Duration.ofMinutes(15))).hasSize(5)
                .containsOnly(baseline);
        assertThat(cloud.control.state(id)).isEqualTo("running");
        assertThat(cloud.control.rebootCount(id)).isEqualTo(1);
    }

    @Test
    void aLoadWithADurationEndsByItselfOnTheEmulatorClock() {
        String id = cloud.running(true);
        cloud.advanceTo(Duration.ofMinutes(5));
        cloud.control.setCpuLoad(id, 99, Duration.ofMinutes(10));
        cloud.advanceTo(Duration.ofMinutes(20));

        List<Double> cpu = cloud.cpu(id, Duration.ofMinutes(5), Duration.ofMinutes(20));
        assertThat(cpu).hasSize(15);
        assertThat(cpu.subList(0, 10)).containsOnly(99.0);
        assertThat(cpu.subList(10, 15)).containsOnly(cloud.cpu(id, Duration.ZERO, Duration.ofMinutes(1)).get(0));
    }

    @Test
    void aStopClearsTheLoadAndAStartedInstanceIdlesAgain() {
        String id = cloud.running(true);
        cloud.control.setCpuLoad(id, 80, null);
        cloud.advanceTo(Duration.ofMinutes(2));
        cloud.ec2.stopInstances(r -> r.instanceIds(id));
        cloud.advanceTo(Duration.ofMinutes(3));
        cloud.ec2.startInstances(r -> r.instanceIds(id));
        cloud.advanceTo(Duration.ofMinutes(6));

        assertThat(cloud.cpu(id, Duration.ofMinutes(1), Duration.ofMinutes(2))).containsOnly(80.0);
        assertThat(cloud.cpu(id, Duration.ofMinutes(4), Duration.ofMinutes(6))).hasSize(2)
                .allSatisfy(v -> assertThat(v).isBetween(2.0, 8.0));
    }

    @Test
    void aLoadInjectedWhilePendingAppliesOnceRunning() {
        String id = cloud.ec2.runInstances(r -> r.imageId(VirtualEc2.AMI).minCount(1).maxCount(1)
                .monitoring(m -> m.enabled(true))).instances().get(0).instanceId();
        cloud.control.setCpuLoad(id, 70, null);
        cloud.advanceTo(Duration.ofMinutes(3));
        assertThat(cloud.cpu(id, Duration.ZERO, Duration.ofMinutes(3))).containsExactly(70.0, 70.0, 70.0);
    }

    @Test
    void badLoadsAreRefused() {
        String id = cloud.running(false);
        assertThatThrownBy(() -> cloud.control.setCpuLoad("i-0000000000000000a", 50, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cloud.control.setCpuLoad(id, 101, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cloud.control.setCpuLoad(id, -1, null)).isInstanceOf(IllegalArgumentException.class);
        cloud.ec2.stopInstances(r -> r.instanceIds(id));
        assertThatThrownBy(() -> cloud.control.setCpuLoad(id, 50, null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cloud.control.stopResponding(id)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aHungInstanceFailsItsStatusCheckAndPinsTheCpuUntilRebooted() {
        String id = cloud.running(true);
        cloud.advanceTo(Duration.ofMinutes(2));
        cloud.control.stopResponding(id);
        cloud.advanceTo(Duration.ofMinutes(4));

        InstanceStatus status = cloud.ec2.describeInstanceStatus(r -> r.instanceIds(id)).instanceStatuses().get(0);
        assertThat(status.instanceStatus().statusAsString()).isEqualTo("impaired");
        assertThat(status.instanceStatus().details().get(0).statusAsString()).isEqualTo("failed");
        assertThat(status.instanceStatus().details().get(0).impairedSince())
                .isEqualTo(VirtualEc2.START.plus(Duration.ofMinutes(2)));
        assertThat(status.systemStatus().statusAsString()).isEqualTo("ok");
        assertThat(cloud.cpu(id, Duration.ofMinutes(2), Duration.ofMinutes(4))).containsOnly(100.0);
        assertThat(cloud.datapoints("StatusCheckFailed", id, Duration.ZERO, Duration.ofMinutes(4), 60))
                .extracting(Datapoint::maximum).containsExactly(0.0, 0.0, 1.0, 1.0);
        assertThat(cloud.datapoints("StatusCheckFailed_System", id, Duration.ZERO, Duration.ofMinutes(4), 60))
                .extracting(Datapoint::maximum).containsOnly(0.0);

        cloud.ec2.rebootInstances(r -> r.instanceIds(id));
        cloud.advanceTo(Duration.ofMinutes(6));
        status = cloud.ec2.describeInstanceStatus(r -> r.instanceIds(id)).instanceStatuses().get(0);
        assertThat(status.instanceStatus().statusAsString()).isEqualTo("ok");
        assertThat(cloud.datapoints("StatusCheckFailed_Instance", id, Duration.ofMinutes(4), Duration.ofMinutes(6),
                60)).extracting(Datapoint::maximum).containsExactly(0.0, 0.0);
    }

    @Test
    void resetCancelsEveryMetricsTimer() {
        cloud.running(true);
        cloud.running(false);
        assertThat(cloud.clock.pendingTimers()).isEqualTo(2);
        cloud.emulator.control().reset();
        assertThat(cloud.clock.pendingTimers()).isZero();
    }
}
