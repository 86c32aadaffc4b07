package io.selfheal.harness.engine;

import io.selfheal.harness.scenario.Stack;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;

/**
 * Creates the stack's security groups, then their rules (so rules may name groups in any order). A group given
 * {@code egress} loses EC2's default allow-all egress rule first, as CloudFormation does.
 */
final class SecurityGroupProvisioner {
    private final Ec2Client ec2;
    private final StackState state;
    private final String accountId;
    private final String region;

    SecurityGroupProvisioner(Ec2Client ec2, StackState state, String accountId, String region) {
        this.ec2 = ec2;
        this.state = state;
        this.accountId = accountId;
        this.region = region;
    }

    void provision(java.util.Collection<Stack.SecurityGroup> groups) {
        for (Stack.SecurityGroup g : groups) {
            String id = ec2.createSecurityGroup(r -> r.groupName(state.resolve(g.name()))
                    .description(state.resolve(g.description())).vpcId(state.resolve(g.vpc()))).groupId();
            state.put("securityGroups", g.key(), "id", id);
            state.put("securityGroups", g.key(), "name", state.resolve(g.name()));
            state.put("securityGroups", g.key(), "arn",
                    "arn:aws:ec2:" + region + ":" + accountId + ":security-group/" + id);
        }
        for (Stack.SecurityGroup g : groups) {
            String id = state.get("securityGroups", g.key(), "id");
            if (!g.ingress().isEmpty()) {
                ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(permissions(g.ingress())));
            }
            if (g.egress() != null) {
                ec2.revokeSecurityGroupEgress(r -> r.groupId(id).ipPermissions(IpPermission.builder()
                        .ipProtocol("-1").ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()));
                if (!g.egress().isEmpty()) {
                    ec2.authorizeSecurityGroupEgress(r -> r.groupId(id).ipPermissions(permissions(g.egress())));
                }
            }
        }
    }

    private List<IpPermission> permissions(List<Stack.Permission> rules) {
        return rules.stream().map(this::permission).toList();
    }

    private IpPermission permission(Stack.Permission p) {
        return state.ipPermission(p);
    }
}
