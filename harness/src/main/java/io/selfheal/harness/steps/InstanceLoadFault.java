package io.selfheal.harness.steps;

import io.selfheal.harness.stack.AlarmKind;
import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.yaml.ProblemAt;
import io.selfheal.harness.yaml.YMap;
import java.time.Duration;
import java.util.List;

/**
 * A state fault: CPU load on an instance, from which the cloud derives everything else (metrics, alarm evaluation,
 * the state-change event): {@code instanceLoad: {instance: web, cpu: 99, until: reboot}} or {@code for: PT10M}
 * ("99% for ten minutes", after which the load clears by itself). {@code stopResponding: true} is a hang instead:
 * the instance stays running but fails its instance status check and pins its CPU at 100 until it is rebooted.
 */
public record InstanceLoadFault(String instance, double cpu, Duration duration, boolean stopResponding)
        implements Fault {

    @Override
    public String describe() {
        if (stopResponding) {
            return "instance " + instance + " stops responding until rebooted";
        }
        return "instance " + instance + " at " + cpu + "% CPU "
                + (duration == null ? "until rebooted" : "for " + duration);
    }

    /**
     * The emulator's side door: AWS has no API for an instance's CPU load nor takes PutMetricData into {@code AWS/EC2};
     * a load on an instance whose alarm watches a custom metric is a {@link MetricDataLoadFault} instead.
     */
    @Override
    public java.util.Set<io.selfheal.harness.backend.Capability> needs() {
        return java.util.Set.of(stopResponding ? io.selfheal.harness.backend.Capability.STOP_RESPONDING
                : io.selfheal.harness.backend.Capability.CPU_LOAD);
    }

    @Override
    public void inject(FaultContext run) {
        String id = run.state().instanceId(instance);
        if (stopResponding) {
            run.cloud().control(io.selfheal.harness.backend.Capability.STOP_RESPONDING).stopResponding(id);
        } else {
            run.cloud().control(io.selfheal.harness.backend.Capability.CPU_LOAD).setCpuLoad(id, cpu, duration);
        }
    }

    /** Registered as {@code instanceLoad}. */
    /** Why a load needs {@code for} or {@code until: reboot}. */
    public static final String HOW_LONG = "say how long the load lasts: for: <ISO-8601 duration> or until: reboot";

    /** Why {@code key} ({@code cpu} or {@code for}) does not go with {@code stopResponding}. */
    public static String hungWith(String key) {
        return "a hung instance pins its CPU at 100 until rebooted: drop '" + key + "' or stopResponding";
    }

    /** A load's values, for the YAML reader and the Java DSL alike: a CPU percentage and a duration above zero. */
    public static void checkLoad(Double cpu, Duration lasting, ProblemAt problems) {
        if (cpu != null && (cpu < 0 || cpu > 100)) {
            problems.problem("cpu", "CPU load is a percentage from 0 to 100");
        }
        if (lasting != null && (lasting.isZero() || lasting.isNegative())) {
            problems.problem("for", "a load lasts longer than zero");
        }
    }

    public static final class Type implements FaultType {
        @Override
        public String key() {
            return "instanceLoad";
        }

        @Override
        public Fault read(YMap spec, ReadContext context) {
            spec.allow("instance", "cpu", "for", "until", "stopResponding");
            String instance = context.stackKey("instances", spec.require("instance"));
            if (Boolean.TRUE.equals(spec.bool("stopResponding"))) {
                for (String key : new String[] {"cpu", "for"}) {
                    if (spec.has(key)) {
                        spec.get(key).problem(hungWith(key));
                    }
                }
                return new InstanceLoadFault(instance, 100, null, true);
            }
            Double cpu = spec.number("cpu");
            if (!spec.has("cpu")) {
                spec.require("cpu");
            }
            Duration duration = spec.duration("for");
            checkLoad(cpu, duration, spec.problems());
            String until = spec.choice("until", "reboot");
            if ((duration == null) == (until == null) && (spec.has("for") || !spec.has("until"))) {
                spec.node().problem(HOW_LONG);
            }
            List<AlarmKind.Alarm> custom = MetricDataLoadFault.customAlarmsOn(context.stack(), instance);
            if (!custom.isEmpty()) {
                return MetricDataLoadFault.published(instance, cpu, duration, spec.has("until"), custom,
                        spec.problems());
            }
            return new InstanceLoadFault(instance, cpu == null ? 0 : cpu, duration, false);
        }

        @Override
        public String schema() {
            return """
                {"description": "CPU load on an instance; the cloud derives the metrics, the alarm evaluation and the events from it. Give cpu with 'for' or 'until: reboot', or stopResponding: true alone. When a stack alarm on the instance watches a custom metric (e.g. CWAgent cpu_usage_active), the load is published as that metric with PutMetricData on every backend: give 'for' (at most PT2H).", "type": "object", "additionalProperties": false, "required": ["instance"], "properties": {
                  "instance": {"description": "The key of the instances entry.", "$ref": "#/$defs/stackKey"},
                  "cpu": {"description": "CPU utilisation in percent, 0 to 100.", "type": "number", "minimum": 0, "maximum": 100},
                  "for": {"description": "How long the load lasts before it clears by itself (ISO-8601 duration).", "$ref": "#/$defs/positiveDuration"},
                  "until": {"description": "'reboot': the load lasts until the instance is rebooted.", "enum": ["reboot"]},
                  "stopResponding": {"description": "true: the instance hangs (fails its instance status check, CPU pinned at 100) until rebooted. Excludes cpu and for.", "type": "boolean"}
                }}
                """;
        }
    }
}
