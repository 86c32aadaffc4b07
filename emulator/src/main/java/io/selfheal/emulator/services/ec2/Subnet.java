package io.selfheal.emulator.services.ec2;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A subnet: a /20 of its VPC. Private addresses are handed out in order from host .10 up (AWS reserves the first
 * four and the last address of every subnet, "Subnet CIDR blocks" in the VPC User Guide).
 */
final class Subnet implements Tagged {
    /** Usable addresses of a /20: 4096 less the five AWS reserves. */
    private static final int USABLE = 4091;

    final String subnetId;
    final String vpcId;
    final String ownerId;
    final String region;
    final String availabilityZone;
    final String cidrBlock;
    final boolean defaultForAz;
    private final int base;
    private int nextHost = 10;
    private int used;
    private final Map<String, String> tags = new LinkedHashMap<>();

    /** {@code thirdOctet} is the subnet's first third octet within 172.31.0.0/16 (0, 16, 32, …). */
    Subnet(String subnetId, String vpcId, String ownerId, String region, String availabilityZone, int thirdOctet,
           boolean defaultForAz) {
        this.subnetId = subnetId;
        this.vpcId = vpcId;
        this.ownerId = ownerId;
        this.region = region;
        this.availabilityZone = availabilityZone;
        this.base = thirdOctet;
        this.cidrBlock = "172.31." + thirdOctet + ".0/20";
        this.defaultForAz = defaultForAz;
    }

    String nextPrivateIp() {
        int host = nextHost++;
        used++;
        return "172.31." + (base + host / 256 % 16) + "." + host % 256;
    }

    void release() {
        used = Math.max(0, used - 1);
    }

    int availableIpAddressCount() {
        return USABLE - used;
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
