package io.selfheal.emulator.services.ec2;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.control.Ec2Control;
import io.selfheal.emulator.core.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * An emulator on a virtual clock standing at START with EC2 and CloudWatch clients: the fixture of the load and metrics
 * tests, registered as {@code @RegisterExtension final VirtualEc2 cloud = new VirtualEc2()} (an emulator per test) or
 * on a static field (one per class).
 */
final class VirtualEc2 implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final String AMI = "ami-0abcdef1234567890";

    private final EmulatorExtension aws = EmulatorExtension.virtualTime(START);
    VirtualClock clock;
    Emulator emulator;
    Ec2Client ec2;
    CloudWatchClient cw;
    Ec2Control control;

    @Override
    public void beforeAll(ExtensionContext context) {
        aws.beforeAll(context);
        bind();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        aws.beforeEach(context);
        bind();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        aws.afterEach(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        aws.afterAll(context);
    }

    private void bind() {
        clock = aws.clock();
        emulator = aws.emulator();
        ec2 = aws.client(Ec2Client.class);
        cw = aws.client(CloudWatchClient.class);
        control = emulator.control().component(Ec2Control.class);
    }

    /** Launches one instance at START and lets it reach running (at START + the transition delay). */
    String running(boolean detailed) {
        String id = ec2.runInstances(r -> r.imageId(AMI).instanceType("t3.micro").minCount(1).maxCount(1)
                .monitoring(m -> m.enabled(detailed))).instances().get(0).instanceId();
        advance(Duration.ofSeconds(1));
        return id;
    }

    void advance(Duration d) {
        emulator.control().advance(d);
    }

    /** Moves the clock to exactly START + {@code sinceStart}. */
    void advanceTo(Duration sinceStart) {
        advance(Duration.between(clock.now(), START.plus(sinceStart)));
    }

    List<Datapoint> datapoints(String metric, String instanceId, Duration from, Duration to, int period) {
        return cw.getMetricStatistics(r -> r.namespace("AWS/EC2").metricName(metric)
                        .dimensions(d -> d.name("InstanceId").value(instanceId))
                        .startTime(START.plus(from)).endTime(START.plus(to)).period(period)
                        .statistics(Statistic.AVERAGE, Statistic.SAMPLE_COUNT, Statistic.MAXIMUM))
                .datapoints().stream().sorted(Comparator.comparing(Datapoint::timestamp)).toList();
    }

    List<Double> cpu(String instanceId, Duration from, Duration to) {
        return datapoints("CPUUtilization", instanceId, from, to, 60).stream().map(Datapoint::average).toList();
    }
}
