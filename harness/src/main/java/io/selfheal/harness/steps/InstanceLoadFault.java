package io.selfheal.harness.steps;

import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.yaml.YMap;
import java.time.Duration;

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

    @Override
    public void inject(FaultContext run) {
        String id = run.state().instanceId(instance);
        if (stopResponding) {
            run.cloud().stopResponding(id);
        } else {
            run.cloud().setCpuLoad(id, cpu, duration);
        }
    }

    /** Registered as {@code instanceLoad}. */
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
                        spec.get(key).problem("a hung instance pins its CPU at 100 until rebooted: drop '" + key
                                + "' or stopResponding");
                    }
                }
                return new InstanceLoadFault(instance, 100, null, true);
            }
            Double cpu = spec.number("cpu");
            if (!spec.has("cpu")) {
                spec.require("cpu");
            } else if (cpu != null && (cpu < 0 || cpu > 100)) {
                spec.get("cpu").problem("CPU load is a percentage from 0 to 100");
            }
            Duration duration = spec.duration("for");
            if (duration != null && (duration.isZero() || duration.isNegative())) {
                spec.get("for").problem("a load lasts longer than zero");
            }
            String until = spec.choice("until", "reboot");
            if ((duration == null) == (until == null) && (spec.has("for") || !spec.has("until"))) {
                spec.node().problem("say how long the load lasts: for: <ISO-8601 duration> or until: reboot");
            }
            return new InstanceLoadFault(instance, cpu == null ? 0 : cpu, duration, false);
        }
    }
}
