package io.selfheal.emulator.services.ec2;

import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.messages.PutMetricData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The load model and the AWS/EC2 metrics it publishes ("List the available CloudWatch metrics for your instances";
 * "Basic and detailed monitoring"). Each instance that runs gets a timer at every minute boundary; it publishes
 * StatusCheckFailed* for the minute just ended (status checks are 1-minute data whatever the monitoring) and, at each
 * CPU period's end (1 minute detailed, 5 minutes basic), CPUUtilization stamped at the period's start with the
 * time-weighted average over the time the instance ran in it. The timer stops once the instance has stopped and its
 * last partial period is out. Callers hold the region's monitor.
 */
final class InstanceMetrics {
    static final String NAMESPACE = "AWS/EC2";
    static final Duration MINUTE = Duration.ofMinutes(1);
    static final Duration BASIC_PERIOD = Duration.ofMinutes(5);
    /** The tag EC2 Auto Scaling puts on its instances; CloudWatch aggregates over it. */
    static final String ASG_TAG = "aws:autoscaling:groupName";

    private final EmulatorContext context;

    InstanceMetrics(EmulatorContext context) {
        this.context = context;
    }

    /**
     * Every lifecycle move: stopping or terminating clears an injected load and a hang, as a power cycle would; a
     * load injected while pending carries into running.
     */
    void stateChanged(Ec2Region region, Instance instance) {
        InstanceTelemetry t = instance.telemetry;
        boolean running = instance.state == InstanceState.RUNNING;
        boolean booting = running || instance.state == InstanceState.PENDING;
        Instant now = context.clock().now();
        t.impairedSince = null;
        LoadTimeline timeline = t.timeline(instance.instanceId);
        timeline.record(now, booting ? timeline.current().booting(running) : LoadState.idle(false));
        if (running) {
            ensureTimer(region, instance, now);
        }
    }

    /** A reboot keeps the instance running but ends whatever process ran away. */
    void rebooted(Instance instance) {
        instance.telemetry.impairedSince = null;
        instance.telemetry.timeline(instance.instanceId).record(context.clock().now(), LoadState.idle(true));
    }

    void setLoad(Instance instance, double percent, Duration duration) {
        Instant now = context.clock().now();
        LoadTimeline timeline = instance.telemetry.timeline(instance.instanceId);
        timeline.record(now, timeline.current().withOverride(percent, duration == null ? null : now.plus(duration)));
    }

    /** The instance hangs: its instance status check fails and CPU is pinned until reboot, stop or terminate. */
    void stopResponding(Instance instance) {
        Instant now = context.clock().now();
        LoadTimeline timeline = instance.telemetry.timeline(instance.instanceId);
        if (instance.telemetry.impairedSince == null) {
            instance.telemetry.impairedSince = now;
        }
        timeline.record(now, timeline.current().withImpaired());
    }

    boolean impaired(Instance instance) {
        return instance.state == InstanceState.RUNNING && instance.telemetry.impairedSince != null;
    }

    /** Cancels every timer: reset and close. */
    void cancelAll(Iterable<Ec2Region> regions) {
        for (Ec2Region region : regions) {
            synchronized (region) {
                region.all().forEach(i -> i.telemetry.cancelTimer());
            }
        }
    }

    private void ensureTimer(Ec2Region region, Instance instance, Instant now) {
        InstanceTelemetry t = instance.telemetry;
        if (t.timer != null) {
            return; // still publishing the time before a stop: carry on from there
        }
        t.cpuFrom = now;
        t.statusFrom = now;
        schedule(region, instance, nextMinute(now));
    }

    private void schedule(Ec2Region region, Instance instance, Instant at) {
        InstanceTelemetry t = instance.telemetry;
        long seq = ++t.timerSeq;
        // Never tracked as in-flight work, on either clock: it recurs every minute, so "wait until quiet" would never
        // end; what it publishes is tracked by the bus as usual.
        t.timer = context.clock().schedule(at, () -> tick(region, instance, seq, at));
    }

    private void tick(Ec2Region region, Instance instance, long seq, Instant boundary) {
        synchronized (region) {
            InstanceTelemetry t = instance.telemetry;
            if (region.discarded() || t.timerSeq != seq) {
                return;
            }
            t.timer = null;
            LoadTimeline timeline = t.timeline(instance.instanceId);
            List<PutMetricData.Datum> data = new ArrayList<>();
            statusChecks(instance, timeline, boundary, data);
            Duration period = t.monitoring.detailed() ? MINUTE : BASIC_PERIOD;
            if (aligned(boundary, period)) {
                cpu(instance, timeline, period, boundary, data);
            }
            if (!data.isEmpty()) {
                context.bus().publish(new PutMetricData(instance.accountId, instance.region, NAMESPACE, data));
            }
            timeline.dropBefore(t.cpuFrom.isBefore(t.statusFrom) ? t.cpuFrom : t.statusFrom);
            if (instance.state == InstanceState.RUNNING || timeline.runningMillis(t.cpuFrom, boundary) > 0) {
                schedule(region, instance, boundary.plus(MINUTE));
            }
        }
    }

    private static void statusChecks(Instance instance, LoadTimeline timeline, Instant boundary,
                                     List<PutMetricData.Datum> data) {
        Instant from = later(boundary.minus(MINUTE), instance.telemetry.statusFrom);
        instance.telemetry.statusFrom = boundary;
        if (timeline.runningMillis(from, boundary) == 0) {
            return;
        }
        double failed = timeline.impairedWithin(from, boundary) ? 1 : 0;
        Instant stamp = boundary.minus(MINUTE);
        Map<String, String> dims = Map.of("InstanceId", instance.instanceId);
        data.add(new PutMetricData.Datum("StatusCheckFailed", dims, failed, "Count", stamp));
        data.add(new PutMetricData.Datum("StatusCheckFailed_Instance", dims, failed, "Count", stamp));
        data.add(new PutMetricData.Datum("StatusCheckFailed_System", dims, 0, "Count", stamp));
    }

    /** Every whole period since the last published CPU time, each stamped at its start. */
    private static void cpu(Instance instance, LoadTimeline timeline, Duration period, Instant boundary,
                            List<PutMetricData.Datum> data) {
        InstanceTelemetry t = instance.telemetry;
        for (Instant start = floor(t.cpuFrom, period); !start.plus(period).isAfter(boundary);
             start = start.plus(period)) {
            double average = timeline.averageWhileRunning(later(start, t.cpuFrom), start.plus(period));
            if (!Double.isNaN(average)) {
                double value = Math.round(average * 1000) / 1000.0;
                for (Map<String, String> dims : cpuDimensions(instance)) {
                    data.add(new PutMetricData.Datum("CPUUtilization", dims, value, "Percent", start));
                }
            }
        }
        t.cpuFrom = boundary;
    }

    /**
     * InstanceId always; with detailed monitoring also the aggregates by image, type and Auto Scaling group, which
     * CloudWatch computes from the instances' points ("Aggregate statistics ... available for detailed monitoring").
     */
    private static List<Map<String, String>> cpuDimensions(Instance instance) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(Map.of("InstanceId", instance.instanceId));
        if (instance.telemetry.monitoring.detailed()) {
            out.add(Map.of("ImageId", instance.imageId));
            out.add(Map.of("InstanceType", instance.instanceType));
            String group = instance.tags.get(ASG_TAG);
            if (group != null) {
                Map<String, String> asg = new LinkedHashMap<>();
                asg.put("AutoScalingGroupName", group);
                out.add(asg);
            }
        }
        return out;
    }

    static Instant nextMinute(Instant t) {
        return floor(t, MINUTE).plus(MINUTE);
    }

    static Instant floor(Instant t, Duration period) {
        long ms = period.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), ms) * ms);
    }

    private static boolean aligned(Instant t, Duration period) {
        return floor(t, period).equals(t);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
