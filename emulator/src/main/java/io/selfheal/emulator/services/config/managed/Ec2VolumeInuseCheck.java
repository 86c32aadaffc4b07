package io.selfheal.emulator.services.config.managed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.services.config.ConfigurationItems;
import io.selfheal.emulator.services.config.RuleEvaluation;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code ec2-volume-inuse-check} (EC2_VOLUME_INUSE_CHECK): COMPLIANT when the volume is attached to a running or
 * stopped instance; NON_COMPLIANT when it is attached to none or to a terminated one (read from the instance's own
 * item). With {@code deleteOnTermination} {@code true} an attachment not marked for deletion is NON_COMPLIANT too;
 * a value other than true/false makes the evaluation NON_COMPLIANT, as the page says, rather than refusing the rule.
 * https://docs.aws.amazon.com/config/latest/developerguide/ec2-volume-inuse-check.html
 */
public final class Ec2VolumeInuseCheck extends SingleResourceRule {
    private static final String PARAMETER = "deleteOnTermination";

    public Ec2VolumeInuseCheck() {
        super("EC2_VOLUME_INUSE_CHECK", Set.of("AWS::EC2::Volume"), Trigger.CHANGES);
    }

    @Override
    RuleParameters declared() {
        return RuleParameters.none().optional(PARAMETER, null, RuleParameters::anyText);
    }

    @Override
    RuleEvaluation judge(ConfigItem item, Map<String, String> parameters, ConfigurationItems items) {
        String deleteOnTermination = parameters.get(PARAMETER);
        String flag = deleteOnTermination == null ? "false" : deleteOnTermination.toLowerCase(Locale.ROOT);
        if (!flag.equals("true") && !flag.equals("false")) {
            return item.nonCompliant("The deleteOnTermination parameter must be True or False, not '"
                    + deleteOnTermination + "'.");
        }
        JsonNode attachments = item.configuration().path("attachments");
        if (attachments.isEmpty()) {
            return item.nonCompliant("The volume is not attached to an instance.");
        }
        for (JsonNode attachment : attachments) {
            String instanceId = attachment.path("instanceId").asText();
            if (terminated(items.latest(item.accountId(), item.region(), "AWS::EC2::Instance", instanceId))) {
                return item.nonCompliant("The volume is attached to the terminated instance " + instanceId + ".");
            }
            if (flag.equals("true") && !attachment.path("deleteOnTermination").asBoolean(false)) {
                return item.nonCompliant("The volume is not marked for deletion when " + instanceId
                        + " terminates.");
            }
        }
        return item.compliant();
    }

    private static boolean terminated(ObjectNode instance) {
        if (instance == null) {
            return false;
        }
        ConfigItem ci = new ConfigItem(instance);
        return ci.deleted() || "terminated".equals(ci.configuration().path("state").path("name").asText());
    }
}
