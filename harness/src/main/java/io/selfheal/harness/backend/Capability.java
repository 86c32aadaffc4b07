package io.selfheal.harness.backend;

import io.selfheal.emulator.control.EmulatorCapability;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a scenario may need that AWS itself does not offer: the emulator provides each, another backend maybe not.
 * Faults and expectations declare theirs ({@code needs()}); a scenario needing one its cloud lacks is to be reported
 * skipped with {@link #reason}, never failed.
 */
public enum Capability {
    VIRTUAL_CLOCK("virtual clock", EmulatorCapability.VIRTUAL_CLOCK),
    CPU_LOAD("cpu load injection", EmulatorCapability.CPU_LOAD,
            "AWS refuses PutMetricData into AWS/EC2; alarm on a custom metric such as the CloudWatch agent's"
                    + " CWAgent cpu_usage_active to run this on AWS"),
    STOP_RESPONDING("stop-responding injection", EmulatorCapability.STOP_RESPONDING),
    GUARDDUTY_INJECTION("GuardDuty finding injection", EmulatorCapability.GUARDDUTY_INJECTION,
            "AWS has no API to raise a finding for a chosen instance; CreateSampleFindings makes sample findings"
                    + " about placeholder instances"),
    FUNCTION_FAULTS("function faults", EmulatorCapability.FUNCTION_FAULTS),
    CALL_LOG("the emulator's call log", EmulatorCapability.CALL_LOG),
    INVOCATION_LOG("the emulator's invocation log", EmulatorCapability.INVOCATION_LOG),
    EVENT_LOG("the emulator's event log", EmulatorCapability.EVENT_LOG),
    REBOOT_COUNT("the emulator's reboot count", EmulatorCapability.REBOOT_COUNT),
    IAM_DECISIONS("IAM decisions", EmulatorCapability.IAM_DECISIONS),
    REDELIVERY("event redelivery", EmulatorCapability.REDELIVERY),
    SERVICE_EVENTS("emitting an AWS service's own events", EmulatorCapability.SERVICE_EVENTS);

    private final String label;
    private final EmulatorCapability offeredAs;
    /** Why AWS offers no way to do it, where a reader would look for one; null when that is plain. */
    private final String whyNotOnAws;

    Capability(String label, EmulatorCapability offeredAs) {
        this(label, offeredAs, null);
    }

    Capability(String label, EmulatorCapability offeredAs, String whyNotOnAws) {
        this.label = label;
        this.offeredAs = offeredAs;
        this.whyNotOnAws = whyNotOnAws;
    }

    /** The entry of a remote emulator's capabilities document that offers it. */
    public EmulatorCapability offeredAs() {
        return offeredAs;
    }

    public String label() {
        return label;
    }

    /** Every capability: what the embedded emulator offers. */
    public static Set<Capability> all() {
        return EnumSet.allOf(Capability.class);
    }

    /** Those of {@code needed} that {@code offered} lacks, in declaration order. */
    public static Set<Capability> missing(Collection<Capability> needed, Set<Capability> offered) {
        Set<Capability> out = needed.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(needed);
        out.removeAll(offered);
        return out;
    }

    /**
     * The skip reason for {@code missing} (not empty): "needs virtual clock, cpu load injection (AWS refuses …)", with
     * why AWS has no way where one would be looked for.
     */
    public static String reason(Set<Capability> missing) {
        return "needs " + missing.stream()
                .map(c -> c.whyNotOnAws == null ? c.label : c.label + " (" + c.whyNotOnAws + ")")
                .collect(Collectors.joining(", "));
    }
}
