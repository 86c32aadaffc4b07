package io.selfheal.emulator.control;

/** EC2's side door. */
public interface Ec2Control {
    /** How many times RebootInstances rebooted this instance (DryRun and refused calls do not count). */
    int rebootCount(String instanceId);

    /** The instance's state name ({@code running} …), or null when there is no such instance. */
    String state(String instanceId);
}
