package io.selfheal.emulator.services.ec2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.messages.ResourceSettled;
import io.selfheal.emulator.messages.ServiceEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The instance state machine ("Amazon EC2 instance state changes" in the EC2 User Guide). Each user action moves an
 * instance to a transitional state at once and settles it after {@link #TRANSITION_DELAY}; every change is published
 * as an "EC2 Instance State-change Notification". The {@code check…} methods refuse as AWS does and change nothing, so
 * a call naming several instances is refused whole, before any of them moves. Callers hold the region's monitor.
 */
final class InstanceLifecycle {
    /** How long pending, stopping and shutting-down last. The one place to change (a virtual clock replaces it). */
    static final Duration TRANSITION_DELAY = Duration.ofMillis(200);

    static final String EVENT_SOURCE = "aws.ec2";
    static final String EVENT_DETAIL_TYPE = "EC2 Instance State-change Notification";
    static final String USER_SHUTDOWN = "Client.UserInitiatedShutdown";

    private static final DateTimeFormatter REASON_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final EmulatorContext context;
    private final InstanceMetrics metrics;

    InstanceLifecycle(EmulatorContext context) {
        this.context = context;
        this.metrics = new InstanceMetrics(context);
    }

    InstanceMetrics metrics() {
        return metrics;
    }

    /** A newly launched instance: publishes {@code pending}, then {@code running}; detailed monitoring settles too. */
    void launched(Ec2Region region, Instance instance) {
        // Monitoring first: both settle at one instant, and its timer then runs before the one that makes the
        // instance running, so whoever waits for "running" finds monitoring settled too.
        if (instance.telemetry.monitoring == MonitoringState.PENDING) {
            changeMonitoring(region, instance, MonitoringState.PENDING, MonitoringState.ENABLED);
        }
        begin(region, instance, InstanceState.PENDING, InstanceState.RUNNING);
    }

    /**
     * Monitor/UnmonitorInstances: the transitional monitoring state at once, the settled one after the transition
     * delay, like an instance state.
     */
    void changeMonitoring(Ec2Region region, Instance instance, MonitoringState transitional, MonitoringState settled) {
        InstanceTelemetry t = instance.telemetry;
        t.monitoring = transitional;
        long seq = ++t.monitoringSeq;
        Runnable settle = () -> {
            synchronized (region) {
                if (!region.discarded() && t.monitoringSeq == seq) {
                    t.monitoring = settled;
                    // No API call or event shows it, yet it is a configuration change Config records.
                    context.bus().publish(new ResourceSettled(instance.accountId, instance.region, "ec2"));
                }
            }
        };
        context.clock().schedule(TRANSITION_DELAY,
                context.clock().isVirtual() ? settle : context.activity().track(settle));
    }

    void checkStart(Instance i) {
        switch (i.state) {
            case STOPPING, SHUTTING_DOWN, TERMINATED -> throw Ec2Errors.incorrectState(
                    "The instance '" + i.instanceId + "' is not in a state from which it can be started.");
            default -> { }
        }
    }

    /** stopped → pending → running; pending and running are left as they are (AWS answers without a change). */
    void start(Ec2Region region, Instance i) {
        if (i.state == InstanceState.STOPPED) {
            i.launchTime = context.clock().now();
            i.stateTransitionReason = "";
            i.stateReasonCode = null;
            PublicAddresses.started(region, i);
            begin(region, i, InstanceState.PENDING, InstanceState.RUNNING);
        }
    }

    void checkStop(Instance i) {
        switch (i.state) {
            case PENDING -> throw Ec2Errors.incorrectState(i.hasBeenRunning
                    ? "The instance '" + i.instanceId + "' is not in a state from which it can be stopped."
                    : "Instance '" + i.instanceId + "' cannot be stopped as it has never reached the 'running' state.");
            case SHUTTING_DOWN, TERMINATED -> throw Ec2Errors.incorrectState(
                    "This instance '" + i.instanceId + "' is not in a state from which it can be stopped.");
            default -> { }
        }
    }

    /** running → stopping → stopped; stopping and stopped are left as they are. */
    void stop(Ec2Region region, Instance i) {
        if (i.state == InstanceState.RUNNING) {
            userInitiated(i);
            PublicAddresses.stopped(region, i);
            begin(region, i, InstanceState.STOPPING, InstanceState.STOPPED);
        }
    }

    /** Any state but shutting-down and terminated → shutting-down → terminated. */
    void terminate(Ec2Region region, Instance i) {
        if (i.state != InstanceState.SHUTTING_DOWN && i.state != InstanceState.TERMINATED) {
            userInitiated(i);
            PublicAddresses.stopped(region, i);
            begin(region, i, InstanceState.SHUTTING_DOWN, InstanceState.TERMINATED);
        }
    }

    /**
     * RebootInstances: "Requests to reboot terminated instances are ignored"; an instance that is not running (stopped,
     * stopping, pending) has nothing to reboot and EC2 refuses with IncorrectInstanceState.
     */
    void checkReboot(Instance i) {
        switch (i.state) {
            case PENDING, STOPPING, STOPPED -> throw Ec2Errors.incorrectState(
                    "The instance '" + i.instanceId + "' is not in a state from which it can be rebooted.");
            default -> { }
        }
    }

    /** A reboot keeps the instance running (no state change, so no event) and is counted for the harness. */
    void reboot(Instance i) {
        if (i.state == InstanceState.RUNNING) {
            i.rebootCount++;
            metrics.rebooted(i);
        }
    }

    private void userInitiated(Instance i) {
        Instant now = context.clock().now();
        i.stateTransitionReason = "User initiated (" + REASON_TIME.format(now) + " GMT)";
        i.stateReasonCode = USER_SHUTDOWN;
    }

    private void begin(Ec2Region region, Instance instance, InstanceState transitional, InstanceState settled) {
        long seq = moveTo(region, instance, transitional);
        Runnable settle = () -> settle(region, instance, seq, settled);
        // In real time the transition counts as in-flight work, so "wait until quiet" covers it; a virtual clock
        // settles it when advanced, and a waiting timer there must not count as busy (advancing waits for quiet).
        context.clock().schedule(TRANSITION_DELAY,
                context.clock().isVirtual() ? settle : context.activity().track(settle));
    }

    private void settle(Ec2Region region, Instance instance, long seq, InstanceState settled) {
        synchronized (region) {
            if (region.discarded() || instance.transitionSeq != seq) {
                return; // reset, or overtaken (e.g. terminated while stopping)
            }
            if (settled == InstanceState.RUNNING) {
                instance.hasBeenRunning = true;
            }
            moveTo(region, instance, settled);
        }
    }

    private long moveTo(Ec2Region region, Instance instance, InstanceState state) {
        instance.state = state;
        instance.transitionSeq++;
        metrics.stateChanged(region, instance);
        ObjectNode detail = Json.object().put("instance-id", instance.instanceId).put("state", state.wireName());
        context.bus().publish(new ServiceEvent(instance.accountId, instance.region, EVENT_SOURCE, EVENT_DETAIL_TYPE,
                List.of(instance.arn()), detail, context.clock().now()));
        return instance.transitionSeq;
    }
}
