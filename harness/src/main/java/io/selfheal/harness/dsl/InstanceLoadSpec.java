package io.selfheal.harness.dsl;

import io.selfheal.harness.steps.Fault;
import io.selfheal.harness.stack.AlarmKind;
import io.selfheal.harness.steps.InstanceLoadFault;
import io.selfheal.harness.steps.MetricDataLoadFault;
import java.time.Duration;
import java.util.List;

/**
 * {@code instanceLoad}, made by {@link Faults#instanceLoad}: {@code cpu(99).untilReboot()}, {@code cpu(99)
 * .lasting(Duration.ofMinutes(10))}, or {@code stopResponding()} (a hang: CPU pinned at 100 until rebooted).
 */
public final class InstanceLoadSpec extends Spec<InstanceLoadSpec> implements FaultSpec {
    private final String instance;
    private Double cpu;
    private Duration lasting;
    private boolean untilReboot;
    private boolean stopResponding;

    InstanceLoadSpec(String instance) {
        this.instance = instance;
    }

    /** The CPU load in percent, 0 to 100. */
    public InstanceLoadSpec cpu(double percent) {
        return with(s -> s.cpu = percent);
    }

    /** {@code until: reboot}: the load lasts until the instance is rebooted. */
    public InstanceLoadSpec untilReboot() {
        return with(s -> s.untilReboot = true);
    }

    /** {@code for: PT10M}: the load clears by itself after that long. */
    public InstanceLoadSpec lasting(Duration duration) {
        return with(s -> s.lasting = duration);
    }

    /** {@code stopResponding: true}: fails its status check and pins CPU at 100 until rebooted. */
    public InstanceLoadSpec stopResponding() {
        return with(s -> s.stopResponding = true);
    }

    @Override
    public String key() {
        return "instanceLoad";
    }

    @Override
    public Fault build(Checks checks) {
        String key = checks.stackKey("instance", "instances", instance);
        if (stopResponding) {
            if (cpu != null || lasting != null) {
                checks.problem(InstanceLoadFault.hungWith(cpu != null ? "cpu" : "for"));
            }
            return new InstanceLoadFault(key, 100, null, true);
        }
        checks.required("cpu", cpu);
        InstanceLoadFault.checkLoad(cpu, lasting, checks);
        if ((lasting == null) == !untilReboot) {
            checks.problem(InstanceLoadFault.HOW_LONG);
        }
        List<AlarmKind.Alarm> custom = MetricDataLoadFault.customAlarmsOn(checks.stack(), key);
        if (!custom.isEmpty()) {
            return MetricDataLoadFault.published(key, cpu, lasting, untilReboot, custom, checks);
        }
        return new InstanceLoadFault(key, cpu == null ? 0 : cpu, lasting, false);
    }
}
