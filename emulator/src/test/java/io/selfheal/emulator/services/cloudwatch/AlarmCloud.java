package io.selfheal.emulator.services.cloudwatch;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.ServiceEventCapture;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.messages.ServiceEvent;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * An emulator on a {@link VirtualClock} with a CloudWatch client, an event capture and stand-ins for SNS and Lambda:
 * what the alarm tests share. Metric data goes in through the SDK, time moves only when a test advances it.
 */
final class AlarmCloud {
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final String ACCOUNT = "123456789012";
    static final String INSTANCE = "i-0123456789abcdef0";
    /** PutMetricData refuses the AWS/ prefix, so the tests publish "CPU" under their own namespace. */
    static final String NAMESPACE = "Selfheal/Test";

    final ServiceEventCapture events;
    final StandInActionTargets targets;
    final Emulator emulator;
    final CloudWatchClient cw;

    /** On the emulator of {@link #extension()}, while a test runs. */
    AlarmCloud(EmulatorExtension aws) {
        emulator = aws.emulator();
        events = new ServiceEventCapture(aws);
        targets = new StandInActionTargets(aws.bus());
        cw = aws.client(CloudWatchClient.class);
    }

    /** The emulator the alarm tests run on: a virtual clock at START, recording the services' events. */
    static EmulatorExtension extension() {
        return EmulatorExtension.virtualTime(START).recording(ServiceEvent.class);
    }

    /** Period 60, GreaterThanThreshold 90 on the instance's CPUUtilization (Average). */
    static PutMetricAlarmRequest.Builder cpuAbove90(String name, int evaluationPeriods) {
        return PutMetricAlarmRequest.builder().alarmName(name).metricName("CPUUtilization").namespace(NAMESPACE)
                .statistic(Statistic.AVERAGE).period(60).evaluationPeriods(evaluationPeriods).threshold(90.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .dimensions(Dimension.builder().name("InstanceId").value(INSTANCE).build());
    }

    static String arn(String name) {
        return "arn:aws:cloudwatch:us-east-1:" + ACCOUNT + ":alarm:" + name;
    }

    Instant now() {
        return emulator.control().clock().now();
    }

    void advance(Duration d) {
        emulator.control().advance(d);
    }

    void cpu(double value, Instant at) {
        cw.putMetricData(b -> b.namespace(NAMESPACE).metricData(m -> m.metricName("CPUUtilization")
                .dimensions(Dimension.builder().name("InstanceId").value(INSTANCE).build())
                .value(value).unit(StandardUnit.PERCENT).timestamp(at)));
    }

    /** One minute of load: a datapoint half-way through the minute, then on to the next minute's evaluation. */
    void minute(double value) {
        advance(Duration.ofSeconds(30));
        cpu(value, now());
        advance(Duration.ofSeconds(30));
    }

    software.amazon.awssdk.services.cloudwatch.model.MetricAlarm describe(String name) {
        return cw.describeAlarms(b -> b.alarmNames(name)).metricAlarms().get(0);
    }
}
