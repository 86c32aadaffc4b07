package io.selfheal.emulator.services.ec2;

import io.selfheal.emulator.core.AwsException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * A subnet: a CIDR block of its VPC. Private addresses are handed out lowest free first, from host .4 up (from .10
 * in default subnets): AWS reserves the first four and the last address of every subnet ("Subnet CIDR blocks" in the
 * VPC User Guide, https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html).
 */
final class Subnet implements Tagged {
    private static final int RESERVED = 5;

    final String subnetId;
    final String vpcId;
    final String ownerId;
    final String region;
    final String availabilityZone;
    final Cidr cidr;
    final String cidrBlock;
    final boolean defaultForAz;
    /** ModifySubnetAttribute MapPublicIpOnLaunch: default subnets map public addresses, others do not. */
    boolean mapPublicIpOnLaunch;
    private final long firstHost;
    private final TreeSet<Long> inUse = new TreeSet<>();
    private final Map<String, String> tags = new LinkedHashMap<>();

    Subnet(String subnetId, String vpcId, String ownerId, String region, String availabilityZone, Cidr cidr,
           boolean defaultForAz) {
        this.subnetId = subnetId;
        this.vpcId = vpcId;
        this.ownerId = ownerId;
        this.region = region;
        this.availabilityZone = availabilityZone;
        this.cidr = cidr;
        this.cidrBlock = cidr.toString();
        this.defaultForAz = defaultForAz;
        this.mapPublicIpOnLaunch = defaultForAz;
        this.firstHost = defaultForAz ? 10 : 4;
    }

    /** The lowest free address; InsufficientFreeAddressesInSubnet when none is left. */
    String nextPrivateIp() {
        for (long host = firstHost; host < cidr.size() - 1; host++) {
            if (inUse.add(host)) {
                return cidr.address(host);
            }
        }
        throw AwsException.badRequest("InsufficientFreeAddressesInSubnet",
                "The specified subnet does not have enough free addresses to satisfy the request.");
    }

    /** Takes a requested address (CreateNetworkInterface's PrivateIpAddress). */
    String claim(String ip) {
        long host = cidr.offsetOf(ip);
        if (host < 4 || host >= cidr.size() - 1) {
            throw Ec2Errors.invalidParameter("Address " + ip + " does not fall within the subnet's address range");
        }
        if (!inUse.add(host)) {
            throw AwsException.badRequest("InvalidIPAddress.InUse", "Address " + ip + " is in use.");
        }
        return ip;
    }

    void release(String ip) {
        inUse.remove(cidr.offsetOf(ip));
    }

    int availableIpAddressCount() {
        return (int) (cidr.size() - RESERVED - inUse.size());
    }

    String arn() {
        return "arn:aws:ec2:" + region + ":" + ownerId + ":subnet/" + subnetId;
    }

    @Override
    public String resourceId() {
        return subnetId;
    }

    @Override
    public String resourceType() {
        return "subnet";
    }

    @Override
    public Map<String, String> tags() {
        return tags;
    }
}
