package io.selfheal.remediations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.amazonaws.services.lambda.runtime.Context;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;

/**
 * Reads a group's live rules (DescribeSecurityGroupRules) and revokes, by rule id, the ingress rules open to
 * {@code 0.0.0.0/0} or {@code ::/0} that a remediation does not want. The decision comes from the group's state, never
 * from the event, so a redelivery finds nothing left and mutates nothing; a rule revoked concurrently
 * ({@code InvalidSecurityGroupRuleId.NotFound}) counts as already closed.
 */
final class WorldOpenIngress {
    private static final Set<String> WORLD = Set.of("0.0.0.0/0", "::/0");

    private final Ec2Client ec2;

    WorldOpenIngress(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    /**
     * One invocation: reads the trigger (rejecting input that names no group), skips a compliance change that asks
     * for nothing, else revokes the unwanted world-open rules.
     */
    Map<String, Object> handle(Map<String, Object> input, Context context, Predicate<SecurityGroupRule> unwanted) {
        JsonLog log = JsonLog.of(context);
        SecurityGroupTrigger trigger;
        try {
            trigger = SecurityGroupTrigger.of(input);
        } catch (IllegalArgumentException e) {
            log.error("input rejected", "action", "failed", "error", e.getMessage());
            throw e;
        }
        log = log.with("groupId", trigger.groupId());
        if (trigger.ruleName() != null) {
            log = log.with("configRuleName", trigger.ruleName());
        }
        if (!trigger.actionable()) {
            return skipped(trigger, log);
        }
        return revoke(trigger.groupId(), unwanted, log);
    }

    /** Output: {@code action} ({@code revoked | already-closed}), {@code groupId}, {@code revokedRuleIds}. */
    Map<String, Object> revoke(String groupId, Predicate<SecurityGroupRule> unwanted, JsonLog log) {
        List<String> open = ec2.describeSecurityGroupRulesPaginator(r -> r.filters(
                        Filter.builder().name("group-id").values(groupId).build()))
                .securityGroupRules().stream()
                .filter(r -> !Boolean.TRUE.equals(r.isEgress()) && (isWorld(r.cidrIpv4()) || isWorld(r.cidrIpv6())))
                .filter(unwanted)
                .map(SecurityGroupRule::securityGroupRuleId)
                .toList();
        if (open.isEmpty()) {
            log.info("remediation finished", "action", "already-closed");
            return result("already-closed", groupId, open);
        }
        try {
            ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId).securityGroupRuleIds(open));
        } catch (Ec2Exception e) {
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

    /** The answer to an event that asks for nothing (a compliance change to COMPLIANT). */
    private static Map<String, Object> skipped(SecurityGroupTrigger trigger, JsonLog log) {
        log.info("remediation finished", "action", "skipped", "reason", trigger.skipReason());
        Map<String, Object> out = result("skipped", trigger.groupId(), List.of());
        out.put("reason", trigger.skipReason());
        return out;
    }

    private static boolean isWorld(String cidr) {
        return cidr != null && WORLD.contains(cidr);
    }

    private static Map<String, Object> result(String action, String groupId, List<String> revoked) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("action", action);
        out.put("groupId", groupId);
        out.put("revokedRuleIds", revoked);
        return out;
    }
}
