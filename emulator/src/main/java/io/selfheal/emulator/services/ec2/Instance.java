package io.selfheal.emulator.services.ec2;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One instance. Launch-time facts are final; the lifecycle fields change only under the lock of the owning
 * {@link Ec2Region}.
 */
final class Instance implements Tagged {
    final String accountId;
    final String region;
    final String instanceId;
    final String reservationId;
    final String imageId;
    /** Changeable through ModifyInstanceAttribute while stopped. */
    String instanceType;
    final String keyName;
    final String subnetId;
    final String vpcId;
    final String availabilityZone;
    final String privateIpAddress;
    final String privateDnsName;
    final int amiLaunchIndex;
    final String clientToken;
    final Map<String, String> tags = new LinkedHashMap<>();
    /** Attached network interfaces by device index; the primary (0) carries the instance's security groups. */
    final List<NetworkInterface> interfaces = new ArrayList<>();
    /** Volumes attached at launch, in device order; the root volume first. */
    final List<Volume> volumes = new ArrayList<>();
    /** ModifyInstanceAttribute DisableApiTermination: TerminateInstances refuses while set. */
    boolean disableApiTermination;
    /** ModifyInstanceAttribute DisableApiStop: StopInstances refuses while set. */
    boolean disableApiStop;
    /** {@code stop} or {@code terminate}: what an OS-initiated shutdown does (recorded, not simulated). */
    String shutdownBehavior = "stop";
    /** The IAM instance profile association, or null. */
    IamProfileAssociation profile;

    InstanceState state = InstanceState.PENDING;
    /** EC2's {@code reason} (stateTransitionReason), e.g. "User initiated (2024-01-01 12:00:00 GMT)"; "" if none. */
    String stateTransitionReason = "";
    /** EC2's {@code stateReason} code after a user stop or terminate, else null. */
    String stateReasonCode;
    Instant launchTime;
    boolean hasBeenRunning;
    int rebootCount;
    /** Bumped on every transition so that a timer scheduled for an earlier one does nothing. */
    long transitionSeq;
    /** CPU load, status checks and monitoring state (see {@link InstanceMetrics}). */
    final InstanceTelemetry telemetry = new InstanceTelemetry();

    Instance(String accountId, String region, String instanceId, String reservationId, String imageId,
             String instanceType, String keyName, String subnetId, String vpcId, String availabilityZone,
             String privateIpAddress, String privateDnsName, int amiLaunchIndex,
             String clientToken, Instant launchTime) {
        this.accountId = accountId;
        this.region = region;
        this.instanceId = instanceId;
        this.reservationId = reservationId;
        this.imageId = imageId;
        this.instanceType = instanceType;
        this.keyName = keyName;
        this.subnetId = subnetId;
        this.vpcId = vpcId;
        this.availabilityZone = availabilityZone;
        this.privateIpAddress = privateIpAddress;
        this.privateDnsName = privateDnsName;
        this.amiLaunchIndex = amiLaunchIndex;
        this.clientToken = clientToken;
        this.launchTime = launchTime;
    }

    List<SecurityGroup> groups() {
        NetworkInterface primary = primaryInterface();
        return primary == null ? List.of() : primary.groups;
    }

    /** The interface at device index 0, or null once a terminated instance has given it back. */
    NetworkInterface primaryInterface() {
        return interfaces.stream().filter(e -> e.attachment.deviceIndex() == 0).findFirst().orElse(null);
    }

    /** The primary interface's public address (DescribeInstances' PublicIpAddress and PublicDnsName), or null. */
    NetworkInterface.Association publicAddress() {
        NetworkInterface primary = primaryInterface();
        return primary == null ? null : primary.association;
    }

    /** Attaches {@code eni}, keeping the list in device order. */
    void attach(NetworkInterface eni) {
        interfaces.add(eni);
        interfaces.sort(java.util.Comparator.comparingInt(e -> e.attachment.deviceIndex()));
    }

    @Override
    public String resourceId() {
        return instanceId;
    }

    @Override
    public String resourceType() {
        return "instance";
    }

    @Override
    public Map<String, String> tags() {
        return tags;
    }

    String arn() {
        return "arn:aws:ec2:" + region + ":" + accountId + ":instance/" + instanceId;
    }
}
