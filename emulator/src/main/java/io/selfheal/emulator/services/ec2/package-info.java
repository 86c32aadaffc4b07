/**
 * Amazon EC2 (EC2 query protocol), the instance lifecycle only: RunInstances, DescribeInstances, Start/Stop/Reboot/
 * TerminateInstances, CreateTags/DeleteTags. Transitional states (pending, stopping, shutting-down) settle after
 * {@link io.selfheal.emulator.services.ec2.InstanceLifecycle#TRANSITION_DELAY} on the emulator's scheduler, and every
 * state change is published on the internal bus as an "EC2 Instance State-change Notification".
 * The harness reads reboot counts and states through {@link io.selfheal.emulator.control.Ec2Control}.
 */
package io.selfheal.emulator.services.ec2;
