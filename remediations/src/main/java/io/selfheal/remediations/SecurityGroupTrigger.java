package io.selfheal.remediations;

import java.util.Map;

/**
 * The security group an event is about, from either trigger the security-group remediations accept:
 * <ul>
 *   <li>"AWS API Call via CloudTrail" for {@code AuthorizeSecurityGroupIngress} (source {@code aws.ec2}):
 *       {@code detail.requestParameters.groupId};</li>
 *   <li>"Config Rules Compliance Change" (source {@code aws.config}) for an {@code AWS::EC2::SecurityGroup}:
 *       {@code detail.resourceId}. Only {@code detail.newEvaluationResult.complianceType} {@code NON_COMPLIANT}
 *       asks for action; the COMPLIANT change the remediation's own fix produces is skipped.</li>
 * </ul>
 *
 * @param skipReason why the event asks for nothing, or null when it does
 * @param ruleName   the Config rule's name for a compliance change, else null
 */
record SecurityGroupTrigger(String groupId, String skipReason, String ruleName) {

    static final String COMPLIANCE_CHANGE = "Config Rules Compliance Change";

    /** @throws IllegalArgumentException when the input names no security group */
    static SecurityGroupTrigger of(Map<String, Object> input) {
        Map<String, Object> detail = map(input == null ? null : input.get("detail"));
        if (input != null && "aws.config".equals(input.get("source"))
                && COMPLIANCE_CHANGE.equals(input.get("detail-type"))) {
            return fromComplianceChange(detail);
        }
        String groupId = groupId(map(detail.get("requestParameters")).get("groupId"));
        if (groupId == null) {
            throw new IllegalArgumentException("expected an AWS API Call via CloudTrail event for "
                    + "AuthorizeSecurityGroupIngress with detail.requestParameters.groupId, or a Config Rules "
                    + "Compliance Change for an AWS::EC2::SecurityGroup");
        }
        return new SecurityGroupTrigger(groupId, null, null);
    }

    boolean actionable() {
        return skipReason == null;
    }

    private static SecurityGroupTrigger fromComplianceChange(Map<String, Object> detail) {
        String groupId = groupId(detail.get("resourceId"));
        Object compliance = map(detail.get("newEvaluationResult")).get("complianceType");
        if (!"AWS::EC2::SecurityGroup".equals(detail.get("resourceType")) || groupId == null
                || !(compliance instanceof String)) {
            throw new IllegalArgumentException("expected a Config Rules Compliance Change for an "
                    + "AWS::EC2::SecurityGroup with detail.resourceId and detail.newEvaluationResult.complianceType");
        }
        String ruleName = detail.get("configRuleName") instanceof String s ? s : null;
        String skip = "NON_COMPLIANT".equals(compliance) ? null : "compliance is now " + compliance;
        return new SecurityGroupTrigger(groupId, skip, ruleName);
    }

    private static String groupId(Object value) {
        return value instanceof String s && s.startsWith("sg-") ? s : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }
}
