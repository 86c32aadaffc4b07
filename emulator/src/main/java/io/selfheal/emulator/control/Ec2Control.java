package io.selfheal.emulator.control;

/** EC2's side door. */
public interface Ec2Control {
    /** How many times RebootInstances rebooted this instance (DryRun and refused calls do not count). */
    int rebootCount(String instanceId);

    /** The instance's state name ({@code running} …), or null when there is no such instance. */
    String state(String instanceId);

    /**
     * Injects CPU load, as a fault: the instance's AWS/EC2 CPUUtilization reads {@code percent} from now on, until
     * {@code duration} has passed on the emulator clock, or — when {@code duration} is null — until the instance is
     * rebooted, stopped or terminated (a runaway process a reboot clears).
     *
     * @throws IllegalArgumentException when there is no such instance or percent is outside 0–100
     */
    default void setCpuLoad(String instanceId, double percent, java.time.Duration duration) {
        throw new UnsupportedOperationException("instance load is not modelled yet");
    }

    /**
     * Injects a hang, as a fault: the instance stays {@code running} but stops responding, so DescribeInstanceStatus
     * reports its instance status check {@code impaired} (reachability {@code failed}), StatusCheckFailed_Instance
     * reads 1 and CPUUtilization is pinned at 100, until the instance is rebooted, stopped or terminated.
     *
     * @throws IllegalArgumentException when there is no such instance
     * @throws IllegalStateException    when the instance is not running
     */
    default void stopResponding(String instanceId) {
        throw new UnsupportedOperationException("instance status checks are not modelled");
    }
}
