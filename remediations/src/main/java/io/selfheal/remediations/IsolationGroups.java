package io.selfheal.remediations;

import java.util.List;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * The two groups isolation uses in each VPC, found by name or created: {@value #ISOLATION} admits nothing (SSH from
 * the security team's CIDR when one is configured) and lets nothing out — its default allow-all egress rule is
 * revoked; {@value #OPEN} allows all traffic both ways, so that moving an interface through it makes every flow
 * untracked and the move to the isolation group then interrupts them ("Untracked connections" in
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/security-group-connection-tracking.html, the step
 * AWSSupport-ContainEC2Instance takes with its temporary "all access" group). Two concurrent creators in one VPC
 * are fine: the loser's {@code InvalidGroup.Duplicate} sends it to the winner's group.
 */
final class IsolationGroups {
    static final String ISOLATION = "selfheal-isolation";
    static final String OPEN = "selfheal-isolation-open";
    static final String PURPOSE_TAG = "selfheal:purpose";
    private static final int SSH = 22;

    private final Ec2Client ec2;
    private final String securityTeamCidr;

    IsolationGroups(Ec2Client ec2, String securityTeamCidr) {
        this.ec2 = ec2;
        this.securityTeamCidr = securityTeamCidr;
    }

    String isolation(String vpcId) {
        return findOrCreate(vpcId, ISOLATION, "No traffic: instances under investigation", false);
    }

    String open(String vpcId) {
        return findOrCreate(vpcId, OPEN, "All traffic, untracked: a step on the way to isolation", true);
    }

    String find(String vpcId, String name) {
        List<SecurityGroup> found = ec2.describeSecurityGroups(r -> r.filters(
                Filter.builder().name("vpc-id").values(vpcId).build(),
                Filter.builder().name("group-name").values(name).build())).securityGroups();
        return found.isEmpty() ? null : found.get(0).groupId();
    }

    private String findOrCreate(String vpcId, String name, String description, boolean allOpen) {
        String existing = find(vpcId, name);
        if (existing != null) {
            return existing;
        }
        String groupId;
        try {
            groupId = ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName(name).description(description)
                    .tagSpecifications(t -> t.resourceType(ResourceType.SECURITY_GROUP)
                            .tags(Tag.builder().key(PURPOSE_TAG).value(name).build()))).groupId();
        } catch (Ec2Exception e) {
            if ("InvalidGroup.Duplicate".equals(Ec2Instances.errorCode(e))) {
                return find(vpcId, name);
            }
            throw e;
        }
        IpPermission all = IpPermission.builder().ipProtocol("-1")
                .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build();
        if (allOpen) {
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(all));
        } else {
            ec2.revokeSecurityGroupEgress(r -> r.groupId(groupId).ipPermissions(all));
            if (securityTeamCidr != null) {
                ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(IpPermission.builder()
                        .ipProtocol("tcp").fromPort(SSH).toPort(SSH)
                        .ipRanges(IpRange.builder().cidrIp(securityTeamCidr).description("security team").build())
                        .build()));
            }
        }
        return groupId;
    }
}
