/**
 * Amazon EC2 (EC2 query protocol), the instance lifecycle only: RunInstances, DescribeInstances, Start/Stop/Reboot/
 * TerminateInstances, CreateTags/DeleteTags. Transitional states (pending, stopping, shutting-down) settle after
 * {@link io.selfheal.emulator.services.ec2.InstanceLifecycle#TRANSITION_DELAY} on the emulator's scheduler, and every
 * state change is published on the internal bus as an "EC2 Instance State-change Notification".
 *
 * <p>Running instances are alive on the emulator clock: {@link io.selfheal.emulator.services.ec2.InstanceMetrics}
 * models each one's CPU (a small per-instance baseline, or a load or hang injected through the control API) and
 * publishes AWS/EC2 CPUUtilization (every 5 minutes, or every minute with detailed monitoring: MonitorInstances,
 * UnmonitorInstances) and StatusCheckFailed*; DescribeInstanceStatus reports the status checks.
 * The harness reads reboot counts and states, and injects load and hangs, through
 * {@link io.selfheal.emulator.control.Ec2Control}.
 */
package io.selfheal.emulator.services.ec2;
