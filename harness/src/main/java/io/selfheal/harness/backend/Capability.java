package io.selfheal.harness.backend;

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
    VIRTUAL_CLOCK("virtual clock"),
    CPU_LOAD("cpu load injection"),
    STOP_RESPONDING("stop-responding injection"),
    GUARDDUTY_INJECTION("GuardDuty finding injection"),
    FUNCTION_FAULTS("function faults"),
    CALL_LOG("the emulator's call log"),
    INVOCATION_LOG("the emulator's invocation log"),
    EVENT_LOG("the emulator's event log"),
    REBOOT_COUNT("the emulator's reboot count"),
    IAM_DECISIONS("IAM decisions");

    private final String label;

    Capability(String label) {
        this.label = label;
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

    /** The skip reason for {@code missing} (not empty): "needs virtual clock, cpu load injection". */
    public static String reason(Set<Capability> missing) {
        return "needs " + missing.stream().map(Capability::label).collect(Collectors.joining(", "));
    }
}
