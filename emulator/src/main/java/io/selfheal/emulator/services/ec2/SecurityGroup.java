package io.selfheal.emulator.services.ec2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A VPC security group and its rules, ingress and egress, in the order they were authorized. */
final class SecurityGroup implements Tagged {
    final String groupId;
    final String groupName;
    final String description;
    final String vpcId;
    final String ownerId;
    final String region;
    final List<SecurityGroupRule> rules = new ArrayList<>();
    private final Map<String, String> tags = new LinkedHashMap<>();

    SecurityGroup(String groupId, String groupName, String description, String vpcId, String ownerId, String region) {
        this.groupId = groupId;
        this.groupName = groupName;
        this.description = description;
        this.vpcId = vpcId;
        this.ownerId = ownerId;
        this.region = region;
    }

    boolean isDefault() {
        return groupName.equals("default");
    }

    List<SecurityGroupRule> rules(boolean egress) {
        return rules.stream().filter(r -> r.egress == egress).toList();
    }

    String arn() {
        return "arn:aws:ec2:" + region + ":" + ownerId + ":security-group/" + groupId;
    }

    @Override
    public String resourceId() {
        return groupId;
    }

    @Override
    public String resourceType() {
        return "security-group";
    }

    @Override
    public Map<String, String> tags() {
        return tags;
    }
}
