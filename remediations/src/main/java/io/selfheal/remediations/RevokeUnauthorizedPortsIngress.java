package io.selfheal.remediations;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;

/**
 * Closes world-open ports that are not authorized, for the Config rules {@code vpc-sg-open-only-to-authorized-ports}
 * and {@code restricted-common-ports}. Handler: {@code io.selfheal.remediations.RevokeUnauthorizedPortsIngress::handleRequest}.
 *
 * <p>Input: a "Config Rules Compliance Change" event for an {@code AWS::EC2::SecurityGroup} (acted on only when
 * {@code detail.newEvaluationResult.complianceType} is {@code NON_COMPLIANT}) or an "AWS API Call via CloudTrail"
 * event for {@code AuthorizeSecurityGroupIngress}. The authorized ports come from the function's environment, in the
 * notation of {@code vpc-sg-open-only-to-authorized-ports}' parameters: {@code AUTHORIZED_TCP_PORTS} and
 * {@code AUTHORIZED_UDP_PORTS} (e.g. {@code 443,1020-1025}); deploy the function with the same values as the rule's
 * {@code authorizedTcpPorts}/{@code authorizedUdpPorts}. Unset means nothing is authorized. The function reads the
 * group's live rules and revokes, by rule id, every ingress rule open to {@code 0.0.0.0/0} or {@code ::/0} whose TCP or
 * UDP ports are not all authorized, and every such all-traffic rule (it opens every port). ICMP and rules from
 * narrower sources stay. A {@code restricted-common-ports} violation is a world-open blocked TCP port, which is never
 * in a sensible authorized list, so the same function fixes it. Output as {@link RevokeOpenSshIngress}:
 * {@code action} ({@code revoked | already-closed | skipped}), {@code groupId}, {@code revokedRuleIds}.
 *
 * <p>Idempotent the same way: decided from the group's state, so a redelivery revokes nothing more, and the COMPLIANT
 * change its own fix produces is skipped.
 */
public class RevokeUnauthorizedPortsIngress implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final WorldOpenIngress ingress;
    private final AuthorizedPorts authorized;

    public RevokeUnauthorizedPortsIngress() {
        this(Ec2Client.create(), AuthorizedPorts.fromEnvironment(System.getenv()));
    }

    RevokeUnauthorizedPortsIngress(Ec2Client ec2, AuthorizedPorts authorized) {
        this.ingress = new WorldOpenIngress(ec2);
        this.authorized = authorized;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        return ingress.handle(input, context, this::unauthorized);
    }

    /** Whether an (already world-open, ingress) rule opens a TCP or UDP port that is not authorized. */
    boolean unauthorized(SecurityGroupRule r) {
        String protocol = r.ipProtocol();
        if ("-1".equals(protocol)) {
            return !authorized.authorizes("tcp", 0, 65535) || !authorized.authorizes("udp", 0, 65535);
        }
        if (!"tcp".equals(protocol) && !"udp".equals(protocol)) {
            return false;
        }
        int from = r.fromPort() == null || r.fromPort() < 0 ? 0 : r.fromPort();
        int to = r.toPort() == null || r.toPort() < 0 ? 65535 : r.toPort();
        return !authorized.authorizes(protocol, from, to);
    }
}
