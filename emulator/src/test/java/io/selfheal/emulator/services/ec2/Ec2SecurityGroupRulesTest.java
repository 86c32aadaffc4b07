package io.selfheal.emulator.services.ec2;

import static io.selfheal.emulator.services.ec2.Ec2InstancesTest.assertError;
import static io.selfheal.emulator.services.ec2.Ec2VpcTest.filter;
import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.EmulatorExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;

/** Authorize/Revoke ingress and egress and DescribeSecurityGroupRules: the "SSH open to the world" drift. */
class Ec2SecurityGroupRulesTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();

    private static final IpPermission SSH_WORLD = IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
            .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build();

    private static Emulator emulator;
    private static Ec2Client ec2;

    @BeforeAll
    static void start() {
        emulator = AWS.emulator();
        ec2 = AWS.client(Ec2Client.class);
    }

    private static String group() {
        return ec2.createSecurityGroup(b -> b.groupName(Ec2SecurityGroupsTest.name()).description("d")).groupId();
    }

    /**
     * A permission as text: the SDK's "auto-construct" empty lists differ from the empty lists EC2 sends, so
     * IpPermission.equals cannot compare a built permission with a described one.
     */
    static String summary(IpPermission p) {
        return p.ipProtocol() + " " + p.fromPort() + "-" + p.toPort() + " "
                + p.ipRanges().stream().map(IpRange::cidrIp).toList()
                + p.ipv6Ranges().stream().map(Ipv6Range::cidrIpv6).toList()
                + p.userIdGroupPairs().stream().map(u -> u.groupId()).toList()
                + p.prefixListIds().stream().map(l -> l.prefixListId()).toList();
    }

    static List<String> summary(List<IpPermission> permissions) {
        return permissions.stream().map(Ec2SecurityGroupRulesTest::summary).toList();
    }

    private static List<IpPermission> ingress(String groupId) {
        return ec2.describeSecurityGroups(b -> b.groupIds(groupId)).securityGroups().get(0).ipPermissions();
    }

    @Test
    void sshOpenToTheWorldIsAuthorizedDescribedAndRevokedByRuleId() {
        String g = group();
        assertError(() -> ec2.authorizeSecurityGroupIngress(b -> b.groupId(g).ipPermissions(SSH_WORLD).dryRun(true)),
                "DryRunOperation");
        AuthorizeSecurityGroupIngressResponse r = ec2.authorizeSecurityGroupIngress(b -> b.groupId(g)
                .ipPermissions(SSH_WORLD));
        assertThat(r.returnValue()).isTrue();
        SecurityGroupRule rule = r.securityGroupRules().get(0);
        assertThat(rule.securityGroupRuleId()).matches("sgr-[0-9a-f]{17}");
        assertThat(rule.groupId()).isEqualTo(g);
        assertThat(rule.isEgress()).isFalse();
        assertThat(rule.ipProtocol()).isEqualTo("tcp");
        assertThat(rule.fromPort()).isEqualTo(22);
        assertThat(rule.toPort()).isEqualTo(22);
        assertThat(rule.cidrIpv4()).isEqualTo("0.0.0.0/0");
        assertThat(summary(ingress(g))).containsExactly(summary(SSH_WORLD));
        assertThat(ec2.describeSecurityGroupRules(b -> b.securityGroupRuleIds(rule.securityGroupRuleId()))
                .securityGroupRules()).containsExactly(rule);
        assertThat(ec2.describeSecurityGroupRules(b -> b.filters(filter("group-id", g))).securityGroupRules())
                .extracting(SecurityGroupRule::isEgress).containsExactlyInAnyOrder(false, true);

        // Authorizing it again is a duplicate (Error codes for the Amazon EC2 API).
        assertError(() -> ec2.authorizeSecurityGroupIngress(b -> b.groupId(g).ipPermissions(SSH_WORLD)),
                "InvalidPermission.Duplicate");

        assertError(() -> ec2.revokeSecurityGroupIngress(b -> b.groupId(g)
                .securityGroupRuleIds(rule.securityGroupRuleId()).dryRun(true)), "DryRunOperation");
        assertThat(ec2.revokeSecurityGroupIngress(b -> b.groupId(g).securityGroupRuleIds(rule.securityGroupRuleId()))
                .returnValue()).isTrue();
        assertThat(ingress(g)).isEmpty();
        assertError(() -> ec2.revokeSecurityGroupIngress(b -> b.groupId(g)
                .securityGroupRuleIds(rule.securityGroupRuleId())), "InvalidSecurityGroupRuleId.NotFound");
        assertError(() -> ec2.describeSecurityGroupRules(b -> b.securityGroupRuleIds(rule.securityGroupRuleId())),
                "InvalidSecurityGroupRuleId.NotFound");
    }

    @Test
    void revokeByPermissionAndUnknownPermissionsInTheDefaultVpc() {
        String g = group();
        ec2.authorizeSecurityGroupIngress(b -> b.groupId(g).ipPermissions(SSH_WORLD.toBuilder()
                .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").description("temporary").build()).build()));
        // The description need not be given to revoke (RevokeSecurityGroupIngress reference).
        RevokeSecurityGroupIngressResponse r = ec2.revokeSecurityGroupIngress(b -> b.groupId(g)
                .ipPermissions(SSH_WORLD));
        assertThat(r.returnValue()).isTrue();
        assertThat(r.unknownIpPermissions()).isEmpty();
        assertThat(ingress(g)).isEmpty();
        // "For a default VPC, if the values you specify do not match the existing rule's values, no error is
        // returned, and the output describes the security group rules that were not revoked."
        RevokeSecurityGroupIngressResponse again = ec2.revokeSecurityGroupIngress(b -> b.groupId(g)
                .ipPermissions(SSH_WORLD));
        assertThat(summary(again.unknownIpPermissions())).containsExactly(summary(SSH_WORLD));
    }

    @Test
    void legacyFormIpv6GroupPeersIcmpAndAllTraffic() {
        String g = group();
        String peer = group();
        ec2.authorizeSecurityGroupIngress(b -> b.groupId(g).ipProtocol("tcp").fromPort(443).toPort(443)
                .cidrIp("10.0.0.0/8"));
        ec2.authorizeSecurityGroupIngress(b -> b.groupId(g).ipPermissions(
                IpPermission.builder().ipProtocol("6").fromPort(80).toPort(80)
                        .ipv6Ranges(Ipv6Range.builder().cidrIpv6("::/0").build()).build(),
                IpPermission.builder().ipProtocol("icmp").fromPort(8).toPort(-1)
                        .userIdGroupPairs(p -> p.groupId(peer)).build(),
                IpPermission.builder().ipProtocol("-1").prefixListIds(p -> p.prefixListId("pl-63a5400a")).build()));
        List<IpPermission> in = ingress(g);
        assertThat(in).extracting(IpPermission::ipProtocol).containsExactly("tcp", "tcp", "icmp", "-1");
        assertThat(in.get(0).ipRanges()).extracting(IpRange::cidrIp).containsExactly("10.0.0.0/8");
        assertThat(in.get(1).ipv6Ranges()).extracting(Ipv6Range::cidrIpv6).containsExactly("::/0");
        assertThat(in.get(2).fromPort()).isEqualTo(8);
        assertThat(in.get(2).userIdGroupPairs().get(0).groupId()).isEqualTo(peer);
        assertThat(in.get(3).fromPort()).isNull();
        assertThat(in.get(3).prefixListIds().get(0).prefixListId()).isEqualTo("pl-63a5400a");
        ec2.revokeSecurityGroupIngress(b -> b.groupId(g).ipProtocol("tcp").fromPort(443).toPort(443)
                .cidrIp("10.0.0.0/8"));
        assertThat(ingress(g)).hasSize(3);
    }

    @Test
    void invalidCidrsPortsAndProtocolsAreRefused() {
        String g = group();
        assertError(() -> ec2.authorizeSecurityGroupIngress(b -> b.groupId(g).ipPermissions(SSH_WORLD.toBuilder()
                .ipRanges(IpRange.builder().cidrIp("10.0.0.0/33").build()).build())), "InvalidParameterValue");
        assertError(() -> ec2.authorizeSecurityGroupIngress(b -> b.groupId(g).ipPermissions(SSH_WORLD.toBuilder()
                .ipRanges(IpRange.builder().cidrIp("300.0.0.0/8").build()).build())), "InvalidParameterValue");
        assertError(() -> ec2.authorizeSecurityGroupIngress(b -> b.groupId(g).ipPermissions(SSH_WORLD.toBuilder()
                .fromPort(23).toPort(22).build())), "InvalidParameterValue");
        assertError(() -> ec2.authorizeSecurityGroupIngress(b -> b.groupId(g).ipPermissions(SSH_WORLD.toBuilder()
                .fromPort(null).toPort(null).build())), "InvalidParameterValue");
        assertError(() -> ec2.authorizeSecurityGroupIngress(b -> b.groupId(g).ipPermissions(SSH_WORLD.toBuilder()
                .toPort(70000).build())), "InvalidParameterValue");
        assertError(() -> ec2.authorizeSecurityGroupIngress(b -> b.groupId(g).ipPermissions(SSH_WORLD.toBuilder()
                .ipProtocol("smtp").build())), "InvalidParameterValue");
        assertError(() -> ec2.authorizeSecurityGroupIngress(b -> b.groupId("sg-0123456789abcdef0")
                .ipPermissions(SSH_WORLD)), "InvalidGroup.NotFound");
        assertError(() -> ec2.authorizeSecurityGroupIngress(b -> b.groupId(g).ipPermissions(SSH_WORLD.toBuilder()
                .userIdGroupPairs(p -> p.groupId("sg-0123456789abcdef0")).build())), "InvalidGroup.NotFound");
        // A call is refused whole: the valid first permission was not added.
        assertThat(ingress(g)).isEmpty();
    }

    @Test
    void egressRulesAuthorizeAndRevokeLikeIngress() {
        String g = group();
        IpPermission https = IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
                .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build();
        IpPermission all = IpPermission.builder().ipProtocol("-1")
                .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build();
        assertError(() -> ec2.authorizeSecurityGroupEgress(b -> b.groupId(g).ipPermissions(all)),
                "InvalidPermission.Duplicate");
        assertThat(ec2.authorizeSecurityGroupEgress(b -> b.groupId(g).ipPermissions(https)).securityGroupRules())
                .singleElement().satisfies(r -> assertThat(r.isEgress()).isTrue());
        assertError(() -> ec2.revokeSecurityGroupEgress(b -> b.groupId(g).ipPermissions(all).dryRun(true)),
                "DryRunOperation");
        assertThat(ec2.revokeSecurityGroupEgress(b -> b.groupId(g).ipPermissions(all)).returnValue()).isTrue();
        assertThat(summary(ec2.describeSecurityGroups(b -> b.groupIds(g)).securityGroups().get(0)
                .ipPermissionsEgress())).containsExactly(summary(https));
    }
}
