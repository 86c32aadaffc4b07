package io.selfheal.harness.engine;

import io.selfheal.harness.stack.InstanceKind;
import io.selfheal.harness.stack.AlarmKind;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.ec2.model.Instance;

/** The stack's resources as the AWS APIs describe them: what a redelivery must not change, and a run's end state. */
final class ResourceSnapshot {
    private ResourceSnapshot() {
    }

    /** Each instance: id, state, tags and reboot count — one line per instance. */
    static String instances(ScenarioRun run) {
        StringBuilder out = new StringBuilder();
        for (String key : run.scenario().stack().all(InstanceKind.Instance.class).keySet()) {
            String id = run.state().instanceId(key);
            Instance i = run.clients().ec2().describeInstances(r -> r.instanceIds(id)).reservations().get(0)
                    .instances().get(0);
            Map<String, String> tags = new TreeMap<>();
            i.tags().forEach(t -> tags.put(t.key(), t.value()));
            out.append(out.length() == 0 ? "" : "; ").append(key).append(' ').append(id).append(' ')
                    .append(i.state().nameAsString()).append(' ').append(tags);
            // EC2's API has no reboot count; only an emulator's control side knows it.
            if (run.cloud().capabilities().contains(io.selfheal.harness.backend.Capability.REBOOT_COUNT)) {
                out.append(" reboots=")
                        .append(run.cloud().control(io.selfheal.harness.backend.Capability.REBOOT_COUNT).rebootCount(id));
            }
        }
        return out.toString();
    }

    /** Each alarm: name, state and the reason CloudWatch gives. */
    static String alarms(ScenarioRun run) {
        StringBuilder out = new StringBuilder();
        for (String key : run.scenario().stack().all(AlarmKind.Alarm.class).keySet()) {
            String name = run.state().alarmName(key);
            for (MetricAlarm a : run.clients().cloudWatch().describeAlarms(r -> r.alarmNames(name)).metricAlarms()) {
                out.append(out.length() == 0 ? "" : "; ").append(key).append(' ').append(a.alarmName()).append(' ')
                        .append(a.stateValueAsString()).append(" (").append(a.stateReason()).append(')');
            }
        }
        return out.toString();
    }
}
