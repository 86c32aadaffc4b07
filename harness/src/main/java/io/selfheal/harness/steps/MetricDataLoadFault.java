package io.selfheal.harness.steps;

import io.selfheal.harness.stack.AlarmKind;
import io.selfheal.harness.stack.Stack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/**
 * {@code instanceLoad} on an instance whose alarms watch a custom metric — the CloudWatch agent's {@code CWAgent
 * cpu_usage_active} with the {@code InstanceId} dimension
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/metrics-collected-by-CloudWatch-agent.html) — is
 * published as that metric with {@code PutMetricData}, the one way AWS offers: one datapoint per alarm period for the
 * load's duration, timestamped on the cloud's clock from now on (PutMetricData takes timestamps "up to two hours
 * after the current date": https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricDatum.html), so
 * the team's own alarm evaluates each as its period ends, on AWS and on the emulator alike. AWS refuses namespaces
 * beginning {@code AWS/} (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricData.html),
 * so an {@code AWS/EC2} alarm keeps needing the emulator's load ({@link InstanceLoadFault}).
 *
 * @param alarms the stack's alarms on the instance's custom metrics (dimension values may hold references)
 */
public record MetricDataLoadFault(String instance, double cpu, Duration duration, List<AlarmKind.Alarm> alarms)
        implements Fault {

    /** How far ahead PutMetricData takes a timestamp: a load published this way lasts at most this long. */
    public static final Duration MAX_AHEAD = Duration.ofHours(2);

    @Override
    public String describe() {
        return "instance " + instance + " at " + cpu + "% CPU for " + duration + ", published with PutMetricData as "
                + alarms.stream().map(a -> a.namespace() + " " + a.metric()).distinct().toList();
    }

    @Override
    public void inject(FaultContext run) {
        Instant start = run.cloud().now();
        for (AlarmKind.Alarm alarm : alarms) {
            List<Dimension> dimensions = run.state().resolve(alarm.dimensions()).entrySet().stream()
                    .map(d -> Dimension.builder().name(d.getKey()).value(d.getValue()).build()).toList();
            Duration period = Duration.ofSeconds(alarm.period());
            List<MetricDatum> data = new ArrayList<>();
            for (Duration at = Duration.ZERO; at.compareTo(duration) < 0; at = at.plus(period)) {
                data.add(MetricDatum.builder().metricName(alarm.metric()).dimensions(dimensions)
                        .timestamp(start.plus(at)).value(cpu).unit(StandardUnit.PERCENT)
                        .storageResolution(alarm.period() < 60 ? 1 : 60).build());
            }
            // At most 720 datapoints (two hours of 10-second periods): within PutMetricData's 1,000 per request.
            run.clients().cloudWatch().putMetricData(r -> r.namespace(alarm.namespace()).metricData(data));
        }
    }

    /**
     * A load on {@code alarms}' custom metrics as a reader (YAML or Java DSL) gave it; null, with the problem
     * reported at {@code problems}' {@code until} or {@code for}, when it does not fit PutMetricData (or lacks a value
     * the reader reported already).
     */
    public static Fault published(String instance, Double cpu, Duration duration, boolean untilReboot,
                                  List<AlarmKind.Alarm> alarms, io.selfheal.harness.yaml.ProblemAt problems) {
        String metrics = alarms.stream().map(a -> a.namespace() + " " + a.metric()).distinct()
                .collect(java.util.stream.Collectors.joining(", "));
        if (untilReboot) {
            problems.problem("until", "the alarm watches " + metrics + ", so the load is published with"
                    + " PutMetricData, and AWS shows no reboot to stop publishing at: give for: <ISO-8601 duration>");
        } else if (duration != null && duration.compareTo(MAX_AHEAD) > 0) {
            problems.problem("for", "the load is published with PutMetricData as " + metrics + ", which takes"
                    + " timestamps at most two hours ahead: for: PT2H at most");
        } else if (cpu != null && duration != null) {
            return new MetricDataLoadFault(instance, cpu, duration, alarms);
        }
        return null;
    }

    /** The stack's alarms on {@code instance} (by its {@code ${instances.<key>.id}}) in a namespace not AWS's own. */
    public static List<AlarmKind.Alarm> customAlarmsOn(Stack stack, String instance) {
        if (instance == null) {
            return List.of();
        }
        String id = "${instances." + instance + ".id}";
        return stack.all(AlarmKind.Alarm.class).values().stream().filter(java.util.Objects::nonNull)
                .filter(a -> a.namespace() != null && !a.namespace().startsWith("AWS/"))
                .filter(a -> a.dimensions() != null && a.dimensions().containsValue(id))
                .toList();
    }
}
