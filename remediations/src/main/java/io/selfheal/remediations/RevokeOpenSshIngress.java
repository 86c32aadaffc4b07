package io.selfheal.remediations;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;

/**
 * Closes SSH to the world after configuration drift. Handler:
 * {@code io.selfheal.remediations.RevokeOpenSshIngress::handleRequest}.
 *
 * <p>Input: the EventBridge event "AWS API Call via CloudTrail" for {@code AuthorizeSecurityGroupIngress} (source
 * {@code aws.ec2}; {@code detail.requestParameters.groupId}), or the "Config Rules Compliance Change" event of a rule
 * such as {@code restricted-ssh} (source {@code aws.config}; {@code detail.resourceId}; acted on only when
 * {@code detail.newEvaluationResult.complianceType} is {@code NON_COMPLIANT}). The function then reads the group's
 * current rules with DescribeSecurityGroupRules and revokes, by rule id, every ingress rule open to
 * {@code 0.0.0.0/0} or {@code ::/0} that admits TCP port 22 (a tcp range containing 22, or all protocols). Other
 * rules, and SSH from narrower ranges, stay. Output: {@code action} ({@code revoked | already-closed | skipped}),
 * {@code groupId}, {@code revokedRuleIds} (and {@code reason} when skipped).
 *
 * <h2>Idempotency</h2>
 * The decision is made from the group's state, not from the event: a redelivered event finds no world-open SSH rule
 * and answers {@code already-closed} without a mutating call. Its own fix makes Config report the group COMPLIANT
 * again; that compliance change is answered {@code skipped}. Two concurrent deliveries may both try to revoke the
 * same rule; the loser gets {@code InvalidSecurityGroupRuleId.NotFound}, which counts as already closed.
 */
public class RevokeOpenSshIngress implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    static final int SSH = 22;

    private final WorldOpenIngress ingress;

    public RevokeOpenSshIngress() {
        this(Ec2Client.create());
    }

    RevokeOpenSshIngress(Ec2Client ec2) {
        this.ingress = new WorldOpenIngress(ec2);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        return ingress.handle(input, context, RevokeOpenSshIngress::admitsSsh);
    }

    /** Whether an (already world-open, ingress) rule admits TCP port 22. */
    static boolean admitsSsh(SecurityGroupRule r) {
        if ("-1".equals(r.ipProtocol())) {
            return true;
        }
        return "tcp".equals(r.ipProtocol()) && r.fromPort() != null && r.toPort() != null
                && r.fromPort() <= SSH && SSH <= r.toPort();
    }
}
