package io.selfheal.emulator.core.policy;

import java.util.Map;

/**
 * Who asks.
 *
 * @param arn       the principal's ARN ({@code arn:aws:iam::1:root}, a user, an assumed-role session), or the service
 *                  name for {@link PrincipalType#Service}
 * @param accountId the principal's account (null for services and anonymous callers)
 * @param type      its kind
 * @param issuerArn the role or user behind a session (the user itself for IAM users), or null
 * @param tags      the principal's tags ({@code aws:PrincipalTag/…})
 */
public record Principal(String arn, String accountId, PrincipalType type, String issuerArn, Map<String, String> tags) {

    public Principal {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public static Principal root(String accountId) {
        return new Principal("arn:aws:iam::" + accountId + ":root", accountId, PrincipalType.Root, null, Map.of());
    }

    public static Principal service(String servicePrincipal) {
        return new Principal(servicePrincipal, null, PrincipalType.Service, null, Map.of());
    }

    public static Principal anonymous() {
        return new Principal("*", null, PrincipalType.Anonymous, null, Map.of());
    }

    /** The user name for {@code aws:username}: the last path segment of an IAM user's ARN, else null. */
    public String userName() {
        if (type != PrincipalType.IAMUser) {
            return null;
        }
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
