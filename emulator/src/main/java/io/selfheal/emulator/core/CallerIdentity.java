package io.selfheal.emulator.core;

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

    public boolean isAssumedRole() {
        return "AssumedRole".equals(type);
    }
}
