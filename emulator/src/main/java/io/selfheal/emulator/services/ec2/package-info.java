/**
 * Amazon EC2 (EC2 query protocol). Instances: RunInstances, DescribeInstances, Start/Stop/Reboot/TerminateInstances;
 * transitional states (pending, stopping, shutting-down) settle after
 * {@link io.selfheal.emulator.services.ec2.InstanceLifecycle#TRANSITION_DELAY} on the emulator's clock, and every
 * state change is published on the internal bus as an "EC2 Instance State-change Notification".
 *
 * <p>Running instances are alive on the emulator clock: {@link io.selfheal.emulator.services.ec2.InstanceMetrics}
 * models each one's CPU (a small per-instance baseline, or a load or hang injected through the control API) and
 * publishes AWS/EC2 CPUUtilization (every 5 minutes, or every minute with detailed monitoring: MonitorInstances,
 * UnmonitorInstances) and StatusCheckFailed*; DescribeInstanceStatus reports the status checks.
 * <p>The network security remediations touch: each account and region has its default VPC (172.31.0.0/16, a default
 * /20 subnet per zone, the {@code default} security group), made on first use; security groups and their rules
 * ({@code sgr-}), each instance's primary network interface (which carries its groups), instance attributes
 * (groups, termination protection, type), EBS volumes from launch or CreateVolume, attached and detached at once
 * ({@link io.selfheal.emulator.services.ec2.VolumeHandlers}; EBS encryption by default off), snapshots (completed
 * after {@link io.selfheal.emulator.services.ec2.SnapshotHandlers#COMPLETION_DELAY}), and tags on all of these.
 * <p>Public IPv4 addresses: a subnet's MapPublicIpOnLaunch (default subnets map), RunInstances'
 * AssociatePublicIpAddress, the address on the primary interface ({@code Association}) and the instance
 * ({@code PublicIpAddress}/{@code PublicDnsName}), released at stop and terminate and renewed at start
 * ({@link io.selfheal.emulator.services.ec2.PublicAddresses}), and Elastic IPs
 * ({@link io.selfheal.emulator.services.ec2.ElasticIpHandlers}), all from documentation ranges
 * ({@link io.selfheal.emulator.services.ec2.PublicAddressPool}).
 * Launch templates ({@code lt-}) keep numbered versions of RunInstances' parameters; RunInstances and Auto Scaling
 * launch from them, the request's values overriding the template's. Launching or associating with an instance profile
 * passes its role ({@code iam:PassRole}, asked of IAM over the bus).
 * The harness reads reboot counts and states, and injects load and hangs, through
 * {@link io.selfheal.emulator.control.Ec2Control}.
 */
package io.selfheal.emulator.services.ec2;
