package io.selfheal.emulator.services.ec2;

import java.util.LinkedHashMap;
import java.util.Map;

/** A VPC: the region's default VPC, or one CreateVpc made. */
final class Vpc implements Tagged {
    final String vpcId;
    final String ownerId;
    final String cidrBlock;
    final String cidrAssociationId;
    final String dhcpOptionsId;
    final boolean isDefault;
    private final Map<String, String> tags = new LinkedHashMap<>();

    Vpc(String vpcId, String ownerId, String cidrBlock, String cidrAssociationId, String dhcpOptionsId,
        boolean isDefault) {
        this.vpcId = vpcId;
        this.ownerId = ownerId;
        this.cidrBlock = cidrBlock;
        this.cidrAssociationId = cidrAssociationId;
        this.dhcpOptionsId = dhcpOptionsId;
        this.isDefault = isDefault;
    }

    @Override
    public String resourceId() {
        return vpcId;
    }

    @Override
    public String resourceType() {
        return "vpc";
    }

    @Override
    public Map<String, String> tags() {
        return tags;
    }
}
