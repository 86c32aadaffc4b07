package io.selfheal.harness.dsl;

import io.selfheal.harness.steps.Fault;
import io.selfheal.harness.steps.InstanceLoadFault;
import java.time.Duration;

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
                checks.problem("a hung instance pins its CPU at 100 until rebooted: drop '"
                        + (cpu != null ? "cpu" : "for") + "' or stopResponding");
            }
            return new InstanceLoadFault(key, 100, null, true);
        }
        if (checks.required("cpu", cpu) != null && (cpu < 0 || cpu > 100)) {
            checks.at("cpu").problem("CPU load is a percentage from 0 to 100");
        }
        checks.positive("for", lasting, "a load lasts longer than zero");
        if ((lasting == null) == !untilReboot) {
            checks.problem("say how long the load lasts: for: <ISO-8601 duration> or until: reboot");
        }
        return new InstanceLoadFault(key, cpu == null ? 0 : cpu, lasting, false);
    }
}
