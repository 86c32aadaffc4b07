package io.selfheal.remediations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;

/**
 * Closes SSH to the world after configuration drift. Handler:
 * {@code io.selfheal.remediations.RevokeOpenSshIngress::handleRequest}.
 *
 * <p>Input: the EventBridge event "AWS API Call via CloudTrail" for {@code AuthorizeSecurityGroupIngress} (source
 * {@code aws.ec2}); only {@code detail.requestParameters.groupId} is used. The function then reads the group's
 * current rules with DescribeSecurityGroupRules and revokes, by rule id, every ingress rule open to
 * {@code 0.0.0.0/0} or {@code ::/0} that admits TCP port 22 (a tcp range containing 22, or all protocols). Other
 * rules, and SSH from narrower ranges, stay. Output: {@code action} ({@code revoked | already-closed | skipped}),
 * {@code groupId}, {@code revokedRuleIds}.
 *
 * <h2>Idempotency</h2>
 * The decision is made from the group's state, not from the event: a redelivered event finds no world-open SSH rule
 * and answers {@code already-closed} without a mutating call. Two concurrent deliveries may both try to revoke the
 * same rule; the loser gets {@code InvalidSecurityGroupRuleId.NotFound}, which counts as already closed.
 */
public class RevokeOpenSshIngress implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    static final int SSH = 22;
    private static final java.util.Set<String> WORLD = java.util.Set.of("0.0.0.0/0", "::/0");

    private final Ec2Client ec2;

    public RevokeOpenSshIngress() {
        this(Ec2Client.create());
    }

    RevokeOpenSshIngress(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        JsonLog log = JsonLog.of(context);
        String groupId = groupId(input);
        if (groupId == null) {
            log.error("input rejected", "action", "failed", "error", "no detail.requestParameters.groupId");
            throw new IllegalArgumentException("expected an AWS API Call via CloudTrail event for "
                    + "AuthorizeSecurityGroupIngress with detail.requestParameters.groupId");
        }
        log = log.with("groupId", groupId);
        List<String> open = ec2.describeSecurityGroupRulesPaginator(r -> r.filters(
                        Filter.builder().name("group-id").values(groupId).build()))
                .securityGroupRules().stream()
                .filter(RevokeOpenSshIngress::opensSshToTheWorld)
                .map(SecurityGroupRule::securityGroupRuleId)
                .toList();
        if (open.isEmpty()) {
            log.info("remediation finished", "action", "already-closed");
            return result("already-closed", groupId, open);
        }
        try {
            ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId).securityGroupRuleIds(open));
        } catch (software.amazon.awssdk.services.ec2.model.Ec2Exception e) {
            if (!"InvalidSecurityGroupRuleId.NotFound".equals(Ec2Instances.errorCode(e))) {
                log.error("remediation failed", "action", "failed", "error", e.getMessage());
                throw e;
            }
            log.info("remediation finished", "action", "already-closed", "reason", "revoked concurrently");
            return result("already-closed", groupId, List.of());
        }
        log.info("remediation finished", "action", "revoked", "revokedRuleIds", open);
        return result("revoked", groupId, open);
    }

    static boolean opensSshToTheWorld(SecurityGroupRule r) {
        if (Boolean.TRUE.equals(r.isEgress())
                || !(isWorld(r.cidrIpv4()) || isWorld(r.cidrIpv6()))) {
            return false;
        }
        if ("-1".equals(r.ipProtocol())) {
            return true;
        }
        return "tcp".equals(r.ipProtocol()) && r.fromPort() != null && r.toPort() != null
                && r.fromPort() <= SSH && SSH <= r.toPort();
    }

    private static boolean isWorld(String cidr) {
        return cidr != null && WORLD.contains(cidr);
    }

    @SuppressWarnings("unchecked")
    private static String groupId(Map<String, Object> input) {
        Object detail = input == null ? null : input.get("detail");
        Object params = detail instanceof Map ? ((Map<String, Object>) detail).get("requestParameters") : null;
        Object id = params instanceof Map ? ((Map<String, Object>) params).get("groupId") : null;
        return id instanceof String s && s.startsWith("sg-") ? s : null;
    }

    private static Map<String, Object> result(String action, String groupId, List<String> revoked) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("action", action);
        out.put("groupId", groupId);
        out.put("revokedRuleIds", revoked);
        return out;
    }
}
