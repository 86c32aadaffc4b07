/**
 * Amazon EC2 Auto Scaling over the query protocol, as far as isolating an instance touches it: launch configurations
 * and EC2 launch templates (checked with EC2 over {@link io.selfheal.emulator.messages.DescribeLaunchTemplate}),
 * groups that launch their instances in EC2 over the bus ({@link io.selfheal.emulator.messages.LaunchGroupInstances},
 * tagged {@code aws:autoscaling:groupName}), DetachInstances, EnterStandby/ExitStandby. Desired capacity is kept by
 * launching a replacement when an instance leaves without decrementing it; health checks, scaling policies and
 * lifecycle hooks are not modelled.
 */
package io.selfheal.emulator.services.autoscaling;
