package io.selfheal.harness.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.sts.StsAsyncClient;
import software.amazon.awssdk.services.sts.StsClient;

/** The declarative extension as a user writes it: injected SDK clients against a per-class emulator. */
@SelfhealCloud(region = "eu-west-1", clockStart = "2026-01-01T00:00:00Z")
@TestMethodOrder(MethodOrderer.MethodName.class) // "each…" after "an…": it must see their resources gone
class SelfhealCloudTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Dimension INSTANCE = Dimension.builder().name("InstanceId").value("i-0123456789abcdef0")
            .build();

    @SelfhealClient
    StsClient sts;

    @Test
    void anInjectedEc2ClientRunsAnInstanceAndReadsItBack(Ec2Client ec2, RunningEmulator cloud) {
        String id = ec2.runInstances(r -> r.imageId("ami-0abcdef1234567890").instanceType(InstanceType.T3_MICRO)
                .minCount(1).maxCount(1)).instances().get(0).instanceId();

        cloud.advance(Duration.ofSeconds(1)); // pending → running happens on the (virtual) clock

        Instance read = ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0);
        assertThat(read.instanceId()).isEqualTo(id);
        assertThat(read.state().name()).isEqualTo(InstanceStateName.RUNNING);
        assertThat(read.placement().availabilityZone()).startsWith("eu-west-1");
        assertThat(cloud.endpoint().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void anAlarmGoesToAlarmOnceVirtualTimeReachesItsEvaluation(CloudWatchClient cloudWatch, RunningEmulator cloud) {
        cloudWatch.putMetricAlarm(a -> a.alarmName("cpu-high").namespace("Selfheal/Test")
                .metricName("CPUUtilization").dimensions(INSTANCE).statistic(Statistic.AVERAGE).period(60)
                .evaluationPeriods(1).threshold(90.0).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
        cloud.advance(Duration.ofSeconds(30));
        cloudWatch.putMetricData(d -> d.namespace("Selfheal/Test").metricData(m -> m.metricName("CPUUtilization")
                .dimensions(INSTANCE).value(99.0).timestamp(cloud.now())));
        assertThat(alarm(cloudWatch).stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);

        cloud.advance(Duration.ofSeconds(30));

        MetricAlarm alarm = alarm(cloudWatch);
        assertThat(alarm.stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(alarm.stateUpdatedTimestamp()).isEqualTo(START.plus(Duration.ofMinutes(1)));
        assertThat(alarm.alarmArn()).isEqualTo("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:cpu-high");
    }

    @Test
    void eachTestStartsWithAnEmptyCloud(Ec2Client ec2, CloudWatchClient cloudWatch, RunningEmulator cloud) {
        // The earlier tests' instance and alarm are gone (Scope.CLASS resets before each test).
        assertThat(ec2.describeInstances().reservations()).isEmpty();
        assertThat(cloudWatch.describeAlarms().metricAlarms()).isEmpty();
        assertThat(cloud.control().calls()).hasSize(2);
    }

    @Test
    void fieldsMarkedSelfhealClientAreFilledBeforeEachTest() {
        assertThat(sts.getCallerIdentity().account()).isEqualTo("123456789012");
    }

    @Test
    void asyncClientsAreInjectedToo(StsAsyncClient sts) throws Exception {
        assertThat(sts.getCallerIdentity().get(30, TimeUnit.SECONDS).account()).isEqualTo("123456789012");
    }

    private static MetricAlarm alarm(CloudWatchClient cloudWatch) {
        return cloudWatch.describeAlarms(r -> r.alarmNames("cpu-high")).metricAlarms().get(0);
    }
}
