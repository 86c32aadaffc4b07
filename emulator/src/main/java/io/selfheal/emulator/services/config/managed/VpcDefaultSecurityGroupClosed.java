package io.selfheal.emulator.services.config.managed;

import io.selfheal.emulator.services.config.ConfigurationItems;
import io.selfheal.emulator.services.config.RuleEvaluation;
import java.util.Map;

/**
 * {@code vpc-default-security-group-closed} (VPC_DEFAULT_SECURITY_GROUP_CLOSED): a VPC's {@code default} group is
 * NON_COMPLIANT with any inbound or outbound rule, COMPLIANT with none; other groups are NOT_APPLICABLE.
 * https://docs.aws.amazon.com/config/latest/developerguide/vpc-default-security-group-closed.html
 */
public final class VpcDefaultSecurityGroupClosed extends SingleResourceRule {

    public VpcDefaultSecurityGroupClosed() {
        super("VPC_DEFAULT_SECURITY_GROUP_CLOSED", SECURITY_GROUP, Trigger.CHANGES);
    }

    @Override
    RuleEvaluation judge(ConfigItem item, Map<String, String> parameters, ConfigurationItems items) {
        var configuration = item.configuration();
        if (!"default".equals(configuration.path("groupName").asText()) || !configuration.hasNonNull("vpcId")) {
            return item.notApplicable();
        }
        int inbound = configuration.path("ipPermissions").size();
        int outbound = configuration.path("ipPermissionsEgress").size();
        if (inbound + outbound == 0) {
            return item.compliant();
        }
        return item.nonCompliant("The default security group has " + inbound + " inbound and " + outbound
                + " outbound rules.");
    }
}
