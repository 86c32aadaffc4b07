package io.selfheal.emulator.core;

import io.selfheal.emulator.core.policy.Principal;
import io.selfheal.emulator.core.policy.PrincipalType;
import java.util.Map;

/**
 * Who made a call, as STS GetCallerIdentity and CloudTrail's userIdentity describe it.
 *
 * @param accountId   the account the call acts in
 * @param arn         the principal: {@code arn:aws:iam::123456789012:root} or an assumed-role session
 * @param userId      the unique id ({@code AIDA…} for users, {@code AROA…:session} for role sessions)
 * @param accessKeyId the access key the request was signed with (may be empty for unsigned calls)
 * @param type        CloudTrail's identity type: {@code Root}, {@code IAMUser} or {@code AssumedRole}
 */
public record CallerIdentity(String accountId, String arn, String userId, String accessKeyId, String type) {

    public static CallerIdentity root(String accountId, String accessKeyId) {
        return new CallerIdentity(accountId, "arn:aws:iam::" + accountId + ":root", accountId, accessKeyId, "Root");
    }

    /**
     * This caller as the policy engine sees it. A session's role is read from its ARN
     * ({@code arn:aws:sts::1:assumed-role/Role/session} → {@code arn:aws:iam::1:role/Role}; a role path is not in
     * the session ARN, so callers that know it build the {@link Principal} themselves, with the principal's tags).
     */
    public Principal principal() {
        PrincipalType kind = switch (type) {
            case "Root" -> PrincipalType.Root;
            case "IAMUser" -> PrincipalType.IAMUser;
            case "AssumedRole" -> PrincipalType.AssumedRole;
            default -> PrincipalType.Anonymous;
        };
        String issuer = null;
        if (kind == PrincipalType.AssumedRole && arn.contains(":assumed-role/")) {
            String rest = arn.substring(arn.indexOf(":assumed-role/") + ":assumed-role/".length());
            int slash = rest.indexOf('/');
            issuer = "arn:aws:iam::" + accountId + ":role/" + (slash < 0 ? rest : rest.substring(0, slash));
        } else if (kind == PrincipalType.IAMUser) {
            issuer = arn;
        }
        return new Principal(arn, accountId, kind, issuer, Map.of());
    }

    public boolean isAssumedRole() {
        return "AssumedRole".equals(type);
    }
}
