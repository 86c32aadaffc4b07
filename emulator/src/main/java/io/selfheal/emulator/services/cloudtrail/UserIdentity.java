package io.selfheal.emulator.services.cloudtrail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.CallerIdentity;
import io.selfheal.emulator.core.Json;
import java.time.Instant;

/** CloudTrail's {@code userIdentity} element ("CloudTrail userIdentity element" in the CloudTrail User Guide). */
final class UserIdentity {
    private UserIdentity() {
    }

    /**
     * @param sessionCreated when the role session was first seen (the emulator does not keep credential issue times)
     */
    static ObjectNode of(CallerIdentity caller, Instant sessionCreated) {
        ObjectNode id = Json.object().put("type", caller.type()).put("principalId", caller.userId())
                .put("arn", caller.arn()).put("accountId", caller.accountId())
                .put("accessKeyId", caller.accessKeyId());
        if (caller.isAssumedRole()) {
            String roleName = roleName(caller.arn());
            String rolePrincipal = caller.userId().contains(":")
                    ? caller.userId().substring(0, caller.userId().indexOf(':')) : caller.userId();
            ObjectNode context = id.putObject("sessionContext");
            context.putObject("sessionIssuer").put("type", "Role").put("principalId", rolePrincipal)
                    .put("arn", "arn:aws:iam::" + caller.accountId() + ":role/" + roleName)
                    .put("accountId", caller.accountId()).put("userName", roleName);
            context.putObject("webIdFederationData");
            context.putObject("attributes").put("creationDate", Records.time(sessionCreated))
                    .put("mfaAuthenticated", "false");
        } else if ("IAMUser".equals(caller.type())) {
            id.put("userName", caller.arn().substring(caller.arn().lastIndexOf('/') + 1));
        }
        return id;
    }

    /** LookupEvents' {@code Username}: "root", the IAM user name, or the role session name. */
    static String username(CallerIdentity caller) {
        return switch (caller.type()) {
            case "Root" -> "root";
            default -> caller.arn().substring(caller.arn().lastIndexOf('/') + 1);
        };
    }

    /** {@code arn:aws:sts::acct:assumed-role/<role>/<session>} → {@code <role>}. */
    private static String roleName(String sessionArn) {
        String resource = sessionArn.substring(sessionArn.indexOf("assumed-role/") + "assumed-role/".length());
        int slash = resource.lastIndexOf('/');
        return slash < 0 ? resource : resource.substring(0, slash);
    }
}
