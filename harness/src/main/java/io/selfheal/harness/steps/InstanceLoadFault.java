package io.selfheal.harness.steps;

import io.selfheal.harness.engine.ScenarioRun;
import io.selfheal.harness.scenario.ReadContext;
import io.selfheal.harness.yaml.YMap;
import java.time.Duration;

/**
 * A state fault: CPU load on an instance, from which the cloud derives everything else (metrics, alarm evaluation,
 * the state-change event): {@code instanceLoad: {instance: web, cpu: 99, until: reboot}} or {@code for: PT10M}.
 */
public record InstanceLoadFault(String instance, double cpu, Duration duration) implements Fault {

    @Override
    public String describe() {
        return "instance " + instance + " at " + cpu + "% CPU " + (duration == null ? "until rebooted" : "for " + duration);
    }

    @Override
    public void inject(ScenarioRun run) {
        run.cloud().setCpuLoad(run.state().instanceId(instance), cpu, duration);
    }

    /** Registered as {@code instanceLoad}. */
    public static final class Type implements FaultType {
        @Override
        public String key() {
            return "instanceLoad";
        }

        @Override
        public Fault read(YMap spec, ReadContext context) {
            spec.allow("instance", "cpu", "for", "until");
            String instance = context.stackKey("instances", spec.require("instance"));
            Double cpu = spec.number("cpu");
            if (!spec.has("cpu")) {
                spec.require("cpu");
            } else if (cpu != null && (cpu < 0 || cpu > 100)) {
                spec.get("cpu").problem("CPU load is a percentage from 0 to 100");
            }
            Duration duration = spec.duration("for");
            String until = spec.choice("until", "reboot");
            if ((duration == null) == (until == null) && (spec.has("for") || !spec.has("until"))) {
                spec.node().problem("say how long the load lasts: for: <ISO-8601 duration> or until: reboot");
            }
            return new InstanceLoadFault(instance, cpu == null ? 0 : cpu, duration);
        }
    }
}
