package io.selfheal.emulator.services.config.managed;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.services.config.ConfigurationItems;
import io.selfheal.emulator.services.config.RuleEvaluation;
import java.util.Map;
import java.util.Set;

/**
 * {@code encrypted-volumes} (ENCRYPTED_VOLUMES): judges attached volumes only (a detached one is NOT_APPLICABLE);
 * NON_COMPLIANT when unencrypted, or, with {@code kmsId} (a key id or ARN), encrypted with another key.
 * https://docs.aws.amazon.com/config/latest/developerguide/encrypted-volumes.html
 */
public final class EncryptedVolumes extends SingleResourceRule {
    private static final String PARAMETER = "kmsId";

    public EncryptedVolumes() {
        super("ENCRYPTED_VOLUMES", Set.of("AWS::EC2::Volume"), Trigger.CHANGES);
    }

    @Override
    RuleParameters declared() {
        return RuleParameters.none().optional(PARAMETER, null, RuleParameters::anyText);
    }

    @Override
    RuleEvaluation judge(ConfigItem item, Map<String, String> parameters, ConfigurationItems items) {
        JsonNode configuration = item.configuration();
        if (configuration.path("attachments").isEmpty()) {
            return item.notApplicable();
        }
        if (!configuration.path("encrypted").asBoolean(false)) {
            return item.nonCompliant("The attached volume is not encrypted.");
        }
        String wanted = parameters.get(PARAMETER);
        String key = configuration.path("kmsKeyId").asText("");
        if (wanted != null && !sameKey(wanted, key)) {
            return item.nonCompliant("The volume is encrypted with " + key + ", not " + wanted + ".");
        }
        return item.compliant();
    }

    /** A key ARN ({@code arn:aws:kms:…:key/<id>}) and its bare id name the same key. */
    private static boolean sameKey(String a, String b) {
        return keyId(a).equals(keyId(b));
    }

    private static String keyId(String idOrArn) {
        int slash = idOrArn.lastIndexOf(":key/");
        return slash < 0 ? idOrArn : idOrArn.substring(slash + ":key/".length());
    }
}
